import LostphoneCore

/// Select Graphic Rendition (`ESC [ … m`) for a style, as ncurses shows it at a colour depth:
/// for text written past ncurses (a hyperlink over cells it drew), which must look exactly like
/// the cells it covers. The colour numbers are the ones the backend gives ncurses, sent the way
/// the usual terminfo entries send them (`setaf`: 30–37, 90–97, `38;5;N`; direct colour
/// `38;2;R;G;B`, its first eight values as 30–37).
public enum SGR {
    public static func sequence(_ style: Style, depth: ColorDepth) -> String {
        let s = style.degraded(to: depth)
        var parameters = ["0"]
        if s.attributes.contains(.bold) { parameters.append("1") }
        if s.attributes.contains(.dim) { parameters.append("2") }
        if s.attributes.contains(.underline) { parameters.append("4") }
        if s.attributes.contains(.reverse) { parameters.append("7") }
        if depth != .none {
            if let fg = color(s.foreground, depth: depth, base: 30) { parameters.append(fg) }
            if let bg = color(s.background, depth: depth, base: 40) { parameters.append(bg) }
        }
        return "\u{1B}[" + parameters.joined(separator: ";") + "m"
    }

    /// The parameter for a foreground (`base` 30) or background (40) colour; nil for the
    /// terminal's default, which `0` already chose.
    private static func color(_ color: Color, depth: ColorDepth, base: Int) -> String? {
        let n = color.curses(for: depth)
        switch n {
        case ..<0: return nil
        case 0..<8: return "\(base + n)"
        case 8..<16 where depth != .truecolor: return "\(base + 60 + n - 8)"
        default:
            if depth == .truecolor { return "\(base + 8);2;\(n >> 16 & 0xFF);\(n >> 8 & 0xFF);\(n & 0xFF)" }
            return "\(base + 8);5;\(n)"
        }
    }
}
