/// A problem in a file a person wrote or chose (a playbook, a theme, the profile), where an
/// editor can jump to it: `file:line:column: message`. What is wrong is a value (`FileProblemKind`),
/// said in the person's language by `text(in:)`; `message` and `description` are the English
/// text (logs, tests, the fuzzers).
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is about the whole file.
    public var line: Int
    public var column: Int
    public var kind: FileProblemKind

    public init(file: String, line: Int = 0, column: Int = 0, _ kind: FileProblemKind) {
        self.file = file; self.line = line; self.column = column; self.kind = kind
    }

    /// What is wrong, in `language`. Text quoted from the file (a key, a value) is made visible
    /// and the whole kept short, so a message can never carry an escape sequence to the terminal
    /// or flood it.
    public func message(in language: Language) -> String { Sanitize.brief(kind.text(in: language)) }

    /// `file:line:column: message` in `language` (the position stays as editors read it).
    public func text(in language: Language) -> String {
        let message = message(in: language)
        return line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }

    public var message: String { message(in: .en) }
    public var description: String { text(in: .en) }
}

public typealias PlaybookProblem = FileProblem
public typealias ThemeProblem = FileProblem
