import LostphoneCore

/// ASCII stand-ins for the symbols a terminal's font may lack: the Linux console's fonts and a
/// VT100 have no ◷ ☎ ⌁ ☰ ✓ ✗ ›, and would show a blank or a box where a state or a contact's
/// kind should be. Each stand-in is one column, and the step states stay apart (o > x - +).
public enum GlyphFallback: Sendable, Equatable {
    /// The terminal shows every symbol.
    case none
    /// Symbols to ASCII; box drawing kept (the Linux console draws it).
    case symbols
    /// Everything outside ASCII that the screen draws itself (a VT100 and its kind).
    case ascii

    /// The fallback for a terminal type.
    public static func forTerminal(_ term: String?) -> GlyphFallback {
        guard let term = term?.lowercased() else { return .none }
        if term == "linux" || term.hasPrefix("linux-") { return .symbols }
        // vt100, vt220…, but not vte-256color (GNOME's terminals, which draw everything).
        let isVT = term.hasPrefix("vt") && term.dropFirst(2).first?.isNumber == true
        if isVT || term == "ansi" || term == "dumb" { return .ascii }
        return .none
    }

    public static let symbolTable: [Character: Character] = [
        "◷": "*", "☎": "#", "⌁": "@", "☰": "=", "✓": "+", "✗": "x", "›": ">", "‹": "<",
        "○": "o", "▶": ">", "◀": "<", "–": "-", "⚠": "!", "…": "~", "·": "|", "→": ">", "←": "<",
        "↓": "v", "↑": "^", "ⓘ": "i", "•": "*",
    ]
    /// Latin-1, which the console's fonts have and a VT100 may not, and box drawing.
    public static let boxTable: [Character: Character] = [
        "·": "|", "×": "x",
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+",
    ]

    /// The stand-in for a grapheme, or nil to keep it.
    public func replacement(_ c: Character) -> Character? {
        switch self {
        case .none: nil
        case .symbols: Self.symbolTable[c]
        case .ascii: Self.symbolTable[c] ?? Self.boxTable[c]
        }
    }

    /// The canvas with its symbols replaced.
    public func apply(to canvas: Canvas) -> Canvas {
        guard self != .none else { return canvas }
        var out = canvas
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if !cell.isContinuation, let r = replacement(cell.grapheme) {
                    out.put(String(r), x: x, y: y, style: cell.style, link: canvas.link(x: x, y: y))
                }
            }
        }
        return out
    }
}
