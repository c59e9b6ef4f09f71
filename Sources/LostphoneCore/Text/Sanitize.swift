/// Text from files (playbooks, themes, notes, the journal) never reaches a terminal raw: control
/// characters become visible placeholders, so an escape sequence in a note cannot move the
/// cursor, change colours or retitle the window.
public enum Sanitize {
    /// The visible stand-in for a control character (the Unicode control pictures ␀…␟ and ␡,
    /// or � for C1 controls and bidirectional overrides), or the character itself.
    public static func visible(_ c: Character) -> Character {
        guard let s = c.unicodeScalars.first else { return c }
        switch s.value {
        case 0x00...0x1F: return Character(Unicode.Scalar(0x2400 + s.value)!)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return "\u{FFFD}"
        // Bidirectional overrides and isolates could reorder what the person reads.
        case 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        default: return c
        }
    }

    /// `text` with every control character made visible; newlines and tabs are kept when
    /// `keepLineBreaks` is set (for multi-line plain-text output).
    public static func visible(_ text: String, keepLineBreaks: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if keepLineBreaks && (c == "\n" || c == "\t") { out.append(c) } else { out.append(visible(c)) }
        }
        return out
    }

    /// Whether `text` holds any character that `visible` would replace.
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.contains { visible($0) != $0 }
    }

    /// `text` made visible and cut to `limit` characters (with …), for quoting input in messages.
    public static func brief(_ text: String, limit: Int = 300) -> String {
        let v = visible(text)
        return v.count <= limit ? v : String(v.prefix(limit - 1)) + "…"
    }
}
