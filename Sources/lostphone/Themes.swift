import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// Lists the themes the program can find, and where.
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the themes found (use one with --theme NAME, or press t in the program).")

        func run() throws {
            let env = ProcessInfo.processInfo.environment
            let choice = ThemeChoice(environment: env, requested: nil)
            let current = choice.preferences.theme ?? "default"
            for entry in choice.catalog.entries() {
                let mark = entry.name == current ? "*" : " "
                var line = "\(mark) \(entry.name.padding(toLength: max(16, entry.name.count), withPad: " ", startingAt: 0))  \(entry.origin.rawValue)"
                if let path = entry.path {
                    line += "  \(path)"
                    if BuiltinThemes.names.contains(entry.name) { line += "  (overrides the built-in)" }
                    let problems = ThemeLoader.load(contentsOf: path).problems
                    if !problems.isEmpty { line += "  (\(problems.count) problem(s): lostphone check \(path))" }
                }
                print(line)
            }
            print("")
            print("Searched, in order: " + choice.catalog.directories.map(\.0).joined(separator: ", ")
                  + ", then the themes built into the program (" + BuiltinThemes.names.joined(separator: ", ") + ").")
        }
    }
}
