import Testing
@testable import LostphoneCore
@testable import TerminalKit

/// The canvas places text by TextWidth's rule, glyph by glyph, so the backend sends exactly the
/// code points that were measured.
@Suite struct CanvasWidthTests {
    @Test func eachGraphemeEndsWhereTextWidthSays() {
        let text = "a👨‍👩‍👧b⚠️c👍🏽d🇨🇳e\u{301}f"
        var canvas = Canvas(width: 30, height: 1)
        let used = canvas.put(text, x: 0, y: 0, style: .plain)
        #expect(used == TextWidth.of(text))
        var x = 0
        for c in text {
            let glyphs = TextWidth.glyphs(c)
            for g in glyphs {
                #expect(canvas[x, 0].grapheme == g.text && !canvas[x, 0].isContinuation, "at \(x)")
                if g.width == 2 { #expect(canvas[x + 1, 0].isContinuation) }
                x += g.width
            }
        }
        #expect(x == used)
        #expect(canvas.lines[0].hasPrefix("a👨b⚠c👍d🇨🇳e\u{301}f"))
    }

    @Test func aGraphemeThatDoesNotFitWholeGivesWayToTheEllipsis() {
        var canvas = Canvas(width: 10, height: 1)
        #expect(canvas.put("ab🇨🇳", x: 0, y: 0, style: .plain, limit: 3) == 3)
        #expect(canvas.lines[0].hasPrefix("ab…"))
    }
}
