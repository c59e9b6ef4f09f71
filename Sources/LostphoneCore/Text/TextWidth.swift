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

    /// Lines of at most `columns`, broken at spaces where possible and between any two CJK
    /// characters otherwise (never before closing punctuation such as ，or 。). Existing
    /// newlines are kept.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            let chars = Array(paragraph)
            return lineRanges(chars, width: columns, continuationWidth: columns).map { String(chars[$0]) }
        }
    }

    /// Where one paragraph (no newlines) breaks into lines, as ranges of `chars`; the space at a
    /// break is dropped. The first line holds `width` columns, the others `continuationWidth`
    /// (for a hanging indent). Every wrapping in the program goes through this.
    public static func lineRanges(_ chars: [Character], width: Int, continuationWidth: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var lineWidth = 0
        var limit = max(1, width)
        // Where the line may be broken, and whether a space sits there to be dropped.
        var breakAt: Int? = nil
        var breakIsSpace = false
        var previousWide = false
        func columns(_ r: Range<Int>) -> Int { chars[r].reduce(0) { $0 + of($1) } }
        for i in chars.indices {
            let c = chars[i]
            let w = of(c)
            if c == " " {
                breakAt = i; breakIsSpace = true
            } else if i > start && mayBreak(before: c, afterWide: previousWide) {
                breakAt = i; breakIsSpace = false
            }
            if lineWidth + w > limit && i > start {
                if c != " ", let b = breakAt, b > start || breakIsSpace {
                    ranges.append(start..<b)
                    start = breakIsSpace ? b + 1 : b
                } else {
                    ranges.append(start..<i)
                    start = i
                }
                limit = max(1, continuationWidth)
                lineWidth = columns(start..<i)
                breakAt = nil
                // A line too long for any break point is cut where it overflows.
                while lineWidth + w > limit && start < i {
                    var end = start, used = 0
                    while end < i && used + of(chars[end]) <= limit { used += of(chars[end]); end += 1 }
                    end = max(end, start + 1)
                    ranges.append(start..<end)
                    start = end
                    lineWidth = columns(start..<i)
                }
                if c == " " {
                    // A space at the end of a full line is the break itself.
                    start = i + 1; lineWidth = 0; previousWide = false
                    continue
                }
            }
            lineWidth += w
            previousWide = w == 2
        }
        ranges.append(start..<chars.count)
        return ranges
    }
}
