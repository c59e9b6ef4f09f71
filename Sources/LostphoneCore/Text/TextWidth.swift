#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many terminal columns text takes, by one rule that the canvas also draws by.
///
/// Terminals disagree about emoji sequences: whether a variation selector widens ⚠️, whether a
/// skin tone or a zero-width joiner merges 👍🏽 and 👨‍👩‍👧 into one glyph. ncurses places each code
/// point by `wcwidth` and knows none of it, so the same text took 1, 2, 4 or 6 columns depending
/// on who counted. So a grapheme is first reduced to what everyone measures alike (`glyphs`):
/// variation selectors, skin tones after a base, tag characters and other invisible format
/// characters are dropped, an emoji joined by ZWJ keeps its first emoji, and every glyph is one
/// code point of `wcwidth` 1 or 2 followed by at most four zero-width combining marks. The canvas
/// puts exactly these glyphs in its cells and ncurses is given exactly these code points, so the
/// cursor after each grapheme is where this rule says.
public enum TextWidth {
    /// One cell's worth (or two, for a wide glyph) of a grapheme, as it is drawn.
    public struct Glyph: Hashable, Sendable {
        public var text: Character
        /// 1 or 2.
        public var width: Int
        public init(text: Character, width: Int) { self.text = text; self.width = width }
    }

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

    /// The most combining marks kept on one glyph (ncurses holds five code points per cell).
    static let maxMarks = 4

    /// Code points never drawn: variation selectors, tag characters, and invisible format
    /// characters (joiners, zero-width spaces, the soft hyphen, direction marks).
    private static func isDropped(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0xE0000...0xE007F: return true
        default: return s.properties.generalCategory == .format
        }
    }

    private static func isSkinTone(_ s: Unicode.Scalar) -> Bool { (0x1F3FB...0x1F3FF).contains(s.value) }

    /// `wcwidth` of one code point: -1 for what it cannot print, else 0, 1 or 2.
    private static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        _ = localeReady
        guard let wcwidth = cWcwidth else { return fallbackWidth(s) }
        return min(2, Int(wcwidth(wchar_t(bitPattern: s.value))))
    }

    /// The glyphs a grapheme is drawn as: none for a grapheme of only invisible or combining
    /// code points, one usually, more for a flag (two regional indicators, one column each) or a
    /// grapheme with spacing marks. Control characters are drawn as visible placeholders
    /// (`Sanitize.visible`) and code points the C library cannot print as U+FFFD.
    public static func glyphs(_ character: Character) -> [Glyph] {
        let c = Sanitize.visible(character)
        if c.isASCII { return [Glyph(text: c, width: 1)] }
        let scalars = c.unicodeScalars
        if scalars.count == 1, let s = scalars.first {
            // Most graphemes are one code point (CJK, symbols): no need to rebuild them.
            if isDropped(s) { return [] }
            let w = scalarWidth(s)
            if w == 0 { return [] }
            return [w < 0 ? Glyph(text: "\u{FFFD}", width: 1) : Glyph(text: c, width: w)]
        }
        var out: [Glyph] = []
        var current = String.UnicodeScalarView()
        var width = 0
        var marks = 0
        var emojiBase = false
        func finish() {
            if !current.isEmpty { out.append(Glyph(text: Character(String(current)), width: width)) }
        }
        for s in scalars {
            if s.value == 0x200D {
                if emojiBase { break }  // a ZWJ sequence shows its first emoji
                continue
            }
            if isDropped(s) || (isSkinTone(s) && !current.isEmpty) { continue }
            let w = scalarWidth(s)
            if w == 0 {
                if !current.isEmpty && marks < maxMarks { current.append(s); marks += 1 }
                continue
            }
            finish()
            current = String.UnicodeScalarView()
            current.append(w < 0 ? "\u{FFFD}" : s)
            width = w < 0 ? 1 : w
            marks = 0
            emojiBase = w > 0 && s.properties.isEmoji && s.value > 0x7F
        }
        finish()
        return out
    }

    /// Columns taken by one grapheme as drawn (the sum of its glyphs' widths): 0, 1 or 2 as a
    /// rule, more only for a grapheme of several spacing code points.
    public static func of(_ character: Character) -> Int {
        if character.isASCII { return 1 }  // controls included (as placeholders)
        let scalars = character.unicodeScalars
        if scalars.count == 1, let s = scalars.first {
            if Sanitize.visible(character) != character { return 1 }
            if isDropped(s) || s.value == 0x200D { return 0 }
            let w = scalarWidth(s)
            return w < 0 ? 1 : w
        }
        return glyphs(character).reduce(0) { $0 + $1.width }
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
    @inlinable  // compiled for each caller's string type: generic, every character went through witnesses
    public static func of(_ text: some StringProtocol) -> Int {
        var n = 0
        for c in text { n += of(c) }
        return n
    }

    /// The longest prefix of `text` that fits in `columns`, never cutting a wide character.
    @inlinable  // compiled for each caller's string type: generic, every character went through witnesses
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
    @inlinable  // compiled for each caller's string type: generic, every character went through witnesses
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
