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
