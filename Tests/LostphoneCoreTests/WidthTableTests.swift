#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import LostphoneCore

/// The one width rule, character by character: what `TextWidth.of` says is what the canvas
/// places and what ncurses, measuring each code point it is given by `wcwidth`, advances by.
@Suite struct WidthTableTests {
    static let table: [(Character, Int)] = [
        // ASCII, CJK, Hangul, kana, full- and half-width forms
        ("a", 1), ("中", 2), ("文", 2), ("한", 2), ("あ", 2), ("，", 2), ("Ａ", 2), ("ｱ", 1),
        // emoji: presentation by default, with VS16, skin tones, ZWJ sequences, flags, keycaps, tags
        ("😀", 2), ("👍", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("👩🏽‍💻", 2), ("⚠️", 1), ("❤️", 1), ("☎️", 1),
        ("🇨🇳", 2), ("🇺🇸", 2), ("🏳️‍🌈", 1), ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2), ("1️⃣", 1), ("⌚", 2), ("✅", 2), ("🏽", 2),
        // combining marks, precomposed or not, and a pile of them
        ("é", 1), ("e\u{301}", 1), ("ñ", 1), ("a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", 1), ("\u{301}", 0),
        // symbols whose width is "ambiguous" in East Asian terms, as the program uses them
        ("○", 1), ("●", 1), ("✓", 1), ("✗", 1), ("›", 1), ("⏱", 1), ("☎", 1), ("—", 1), ("…", 1), ("·", 1),
        ("◀", 1), ("▶", 1),
        // invisible format characters, controls (drawn as placeholders), an unassigned code point
        ("\u{200B}", 0), ("\u{AD}", 0), ("\u{FEFF}", 0), ("\u{1B}", 1), ("\u{202E}", 1), ("\u{378}", 1),
    ]

    @Test func eachCharacterHasItsWidth() {
        #expect(WidthTableTests.table.count >= 30)
        for (c, width) in WidthTableTests.table {
            #expect(TextWidth.of(c) == width, "\(c.unicodeScalars.map { String($0.value, radix: 16) }): \(TextWidth.of(c)), not \(width)")
        }
    }

    /// ncurses puts each code point it is given by `wcwidth`, a zero-width one on the cell
    /// before: the glyphs of a character must take exactly the columns `of` says.
    @Test func theGlyphsTakeWhatNcursesWillAdvance() {
        for (c, _) in WidthTableTests.table {
            let glyphs = TextWidth.glyphs(c)
            let advance = glyphs.flatMap { $0.text.unicodeScalars }.reduce(0) { $0 + max(0, Int(WcwidthForTests.of($1))) }
            #expect(advance == TextWidth.of(c), "\(c.unicodeScalars.map { String($0.value, radix: 16) }): ncurses advances \(advance)")
            for g in glyphs {
                #expect(Int(WcwidthForTests.of(g.text.unicodeScalars.first!)) == g.width)
                #expect(g.text.unicodeScalars.dropFirst().allSatisfy { WcwidthForTests.of($0) == 0 })
                #expect(g.text.unicodeScalars.count <= 1 + TextWidth.maxMarks)
            }
        }
    }

    @Test func anEmojiSequenceIsDrawnAsItsFirstEmojiWithoutSelectorsOrTones() {
        #expect(TextWidth.glyphs("👨‍👩‍👧").map(\.text) == ["👨"])
        #expect(TextWidth.glyphs("👍🏽").map(\.text) == ["👍"])
        #expect(TextWidth.glyphs("⚠️").map(\.text) == ["⚠"])
        #expect(TextWidth.glyphs("🇨🇳").map(\.width) == [1, 1])
    }

    @Test func aStringIsTheSumOfItsCharacters() {
        #expect(TextWidth.of("⚠️ 👍🏽 👨‍👩‍👧 中") == 1 + 1 + 2 + 1 + 2 + 1 + 2)
        #expect(TextWidth.prefix("👨‍👩‍👧👨‍👩‍👧", fitting: 3) == "👨‍👩‍👧")
    }
}

/// The C library's `wcwidth`, which ncurses uses, under a UTF-8 locale.
enum WcwidthForTests {
    private typealias Function = @convention(c) (wchar_t) -> Int32
    private static let function: Function = {
        _ = UTF8Locale.ensureUTF8CharacterType()
        return unsafeBitCast(dlsym(dlopen(nil, RTLD_NOW), "wcwidth")!, to: Function.self)
    }()
    static func of(_ s: Unicode.Scalar) -> Int32 { function(wchar_t(bitPattern: s.value)) }
}
