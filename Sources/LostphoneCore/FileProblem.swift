/// A problem in a file a person wrote (a playbook or a theme), where an editor can jump to it:
/// `file:line:column: message`.
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is about the whole file.
    public var line: Int
    public var column: Int
    public var message: String

    /// Text quoted from the file (a key, a value) is made visible and kept short, so a message
    /// can never carry an escape sequence to the terminal or flood it.
    public init(file: String, line: Int = 0, column: Int = 0, message: String) {
        self.file = file; self.line = line; self.column = column
        self.message = Sanitize.brief(message)
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}

public typealias PlaybookProblem = FileProblem
public typealias ThemeProblem = FileProblem

/// Lines as libyaml counts them: LF, CRLF, a lone CR, NEL, LS and PS each end one. Positions in
/// problems and the checks on them use this one definition.
public enum YAMLLines {
    static func isBreak(_ c: Character) -> Bool {
        c == "\n" || c == "\r\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    /// How many lines `text` has (1 for an empty text).
    public static func count(in text: String) -> Int {
        text.reduce(1) { isBreak($1) ? $0 + 1 : $0 }
    }

    /// Line and column (1-based) of the character at `offset`, which is how Yams reports reader
    /// errors ("\r\n" is one character).
    public static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for c in text.prefix(offset) {
            if isBreak(c) { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
