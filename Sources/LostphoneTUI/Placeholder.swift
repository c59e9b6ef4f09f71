// The app: see App.swift.
