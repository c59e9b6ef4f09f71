import LostphoneCore

/// A one-line text field that edits by grapheme, so a CJK character or an emoji is inserted and
/// deleted whole. Keys follow readline: ←/→, Home/End, Ctrl-A/E, Backspace, Delete, Ctrl-U/K/W.
///
/// A pre-filled field (a time given before, a detail the incident holds) starts `selected`, as
/// a form's field does when tabbed into: the first character typed or pasted replaces the whole
/// text; an editing key (arrows, Backspace) keeps it and edits it from there.
public struct TextInput: Hashable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    /// The most characters the field takes; pasting more is cut, so a runaway paste cannot grow
    /// a journal line without bound.
    public let limit: Int
    /// Whether the whole text is selected: what is typed next replaces it.
    public private(set) var selected: Bool

    public init(_ text: String = "", limit: Int = 500, selected: Bool = false) {
        self.limit = limit
        characters = Array(text.prefix(limit))
        cursor = characters.count
        self.selected = selected && !characters.isEmpty
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns false for keys the field does not handle (Enter, Esc, Tab).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        let wasSelected = selected
        selected = false
        switch key {
        case .char(let c):
            if wasSelected { replaceAll() }
            // A control typed into a one-line field becomes a space.
            insertCharacter(TextInput.isControl(c) ? " " : c)
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
        default:
            selected = wasSelected
            return false
        }
        return true
    }

    private mutating func replaceAll() {
        characters = []
        cursor = 0
    }

    /// Inserts pasted text as text: each run of line breaks and tabs becomes one space, other
    /// control characters are dropped, and the field's limit cuts the rest. Returns whether the
    /// limit cut anything, so the person can be told.
    @discardableResult
    public mutating func insert(pasted text: String) -> Bool {
        if selected { replaceAll(); selected = false }
        var pendingSpace = false
        var cut = false
        for c in text {
            if c == "\n" || c == "\r" || c == "\r\n" || c == "\t" { pendingSpace = true; continue }
            if TextInput.isControl(c) { continue }
            if pendingSpace { cut = !insertCharacter(" ") || cut; pendingSpace = false }
            cut = !insertCharacter(c) || cut
        }
        if pendingSpace { cut = !insertCharacter(" ") || cut }
        return cut
    }

    private static func isControl(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    }

    /// Inserts at the cursor. A character that joins the one before it into one grapheme (a
    /// combining mark, a variation selector, a skin tone, a joiner: the terminal sends an emoji
    /// as several code points) is merged into it, so the field edits by what is drawn.
    /// Whether it went in (false: the field is full).
    @discardableResult
    private mutating func insertCharacter(_ c: Character) -> Bool {
        if cursor > 0 {
            let merged = String(characters[cursor - 1]) + String(c)
            if merged.count == 1 { characters[cursor - 1] = Character(merged); return true }
        }
        guard characters.count < limit else { return false }
        characters.insert(c, at: cursor)
        cursor += 1
        return true
    }
}
