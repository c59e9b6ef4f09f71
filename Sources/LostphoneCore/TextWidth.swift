#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many terminal columns text takes. Decided in one place, with the C library's `wcwidth`,
/// so the canvas agrees with what ncurses (which uses the same function) will draw.
public enum TextWidth {
    /// `wcwidth` only knows wide characters under a UTF-8 `LC_CTYPE`; make sure one is set.
    private static let localeReady: Bool = {
        _ = UTF8Locale.ensureUTF8CharacterType()
        return true
    }()

    /// Glibc's module map hides `wcwidth` behind `_XOPEN_SOURCE`; look the symbol up instead.
    private typealias WcwidthFunction = @convention(c) (wchar_t) -> Int32
    private static let cWcwidth: WcwidthFunction? = {
        #if canImport(Glibc)
        let handle = dlopen(nil, RTLD_NOW)
        #else
        let handle = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(handle, "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: WcwidthFunction.self)
    }()

    /// Columns taken by one grapheme: 0, 1 or 2. Control characters count 1 (they are drawn as
    /// a visible placeholder, never raw).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x80 { return 1 }  // ASCII, controls included (as placeholders)
        _ = localeReady
        if first.value >= 0x80 && first.value < 0xA0 { return 1 }
        // An emoji presentation selector or an emoji-presentation base makes a wide glyph.
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        guard let wcwidth = cWcwidth else { return fallbackWidth(first) }
        let w = Int(wcwidth(wchar_t(first.value)))
        if w < 0 { return 1 }  // unassigned or non-printable: shown as a placeholder of width 1
        return w
    }

    /// Used only if the C library has no `wcwidth`: the CJK and Hangul blocks are wide.
    private static func fallbackWidth(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: return 2
        default: return 1
        }
    }

    /// Columns taken by a string.
    public static func of(_ text: some StringProtocol) -> Int {
        var n = 0
        for c in text { n += of(c) }
        return n
    }

    /// The longest prefix of `text` that fits in `columns`, never cutting a wide character.
    public static func prefix(_ text: some StringProtocol, fitting columns: Int) -> String {
        var n = 0
        var out = ""
        for c in text {
            let w = of(c)
            if n + w > columns { break }
            n += w
            out.append(c)
        }
        return out
    }

    /// `text` cut to `columns`, with `…` at the end when something was cut.
    public static func truncate(_ text: some StringProtocol, to columns: Int) -> String {
        if of(text) <= columns { return String(text) }
        guard columns > 0 else { return "" }
        return prefix(text, fitting: columns - 1) + "…"
    }

    /// Lines of at most `columns`, broken at spaces where possible and between any two CJK
    /// characters otherwise (never before closing punctuation such as ，or 。). Existing
    /// newlines are kept.
    /// `text` padded with spaces to `columns` terminal columns, on the right (left-aligned) or,
    /// with `alignRight`, on the left.
    public static func padded(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, columns - of(text)))
        return alignRight ? pad + text : text + pad
    }

    /// Characters a line never starts with (closing punctuation), Chinese and Latin.
    public static let noBreakBefore: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "”", ",", ".", ";", ":", "!", "?", ")"]

    /// Whether a line may break before `c`, which follows a character that was wide or not.
    public static func mayBreak(before c: Character, afterWide previousWide: Bool) -> Bool {
        (of(c) == 2 || previousWide) && !noBreakBefore.contains(c)
    }

    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            // Where the line may be broken, and whether a space sits there to be dropped.
            var breakAt: String.Index? = nil
            var breakIsSpace = false
            var previousWide = false
            for c in paragraph {
                let w = of(c)
                if c == " " {
                    breakAt = line.endIndex; breakIsSpace = true
                } else if !line.isEmpty && mayBreak(before: c, afterWide: previousWide) {
                    breakAt = line.endIndex; breakIsSpace = false
                }
                if lineWidth + w > columns && c != " " {
                    if let b = breakAt, b > line.startIndex || breakIsSpace {
                        let restStart = breakIsSpace ? line.index(after: b) : b
                        let rest = restStart < line.endIndex ? String(line[restStart...]) : ""
                        lines.append(String(line[..<b]))
                        line = rest
                    } else {
                        lines.append(line)
                        line = ""
                    }
                    lineWidth = of(line)
                    breakAt = nil
                    // A line too long for any break point is cut where it overflows.
                    while lineWidth + w > columns && !line.isEmpty {
                        let head = prefix(line, fitting: columns)
                        lines.append(head)
                        line = String(line.dropFirst(head.count))
                        lineWidth = of(line)
                    }
                }
                if c == " " && lineWidth + w > columns {
                    // A space at the end of a full line: the break itself.
                    lines.append(line); line = ""; lineWidth = 0; breakAt = nil
                    previousWide = false
                    continue
                }
                line.append(c)
                lineWidth += w
                previousWide = w == 2
            }
            lines.append(line)
        }
        return lines
    }
}
