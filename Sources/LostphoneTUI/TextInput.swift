import LostphoneCore

/// A one-line text field that edits by grapheme, so a CJK character or an emoji is inserted and
/// deleted whole. Keys follow readline: ←/→, Home/End, Ctrl-A/E, Backspace, Delete, Ctrl-U/K/W.
public struct TextInput: Hashable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    /// The most characters the field takes; pasting more is cut, so a runaway paste cannot grow
    /// a journal line without bound.
    public let limit: Int

    public init(_ text: String = "", limit: Int = 500) {
        self.limit = limit
        characters = Array(text.prefix(limit))
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns false for keys the field does not handle (Enter, Esc, Tab).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard characters.count < limit else { return true }
            // Newlines and other controls typed or pasted into a one-line field become spaces.
            let ch: Character = c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) ? " " : c
            characters.insert(ch, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("u"): characters.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("k"): characters.removeSubrange(cursor..<characters.count)
        case .ctrl("w"):
            var i = cursor
            while i > 0 && characters[i - 1] == " " { i -= 1 }
            while i > 0 && characters[i - 1] != " " { i -= 1 }
            characters.removeSubrange(i..<cursor)
            cursor = i
        default: return false
        }
        return true
    }
}
