extension String {
    /// Without leading and trailing white space (Unicode White_Space, line breaks included).
    /// Pure Swift: Foundation's `trimmingCharacters(in:)` goes through NSString, and was a fifth
    /// of reading a large playbook.
    public func trimmingWhitespace() -> String {
        guard first?.isWhitespace == true || last?.isWhitespace == true else { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
