import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// Terminals whose font lacks the screen's symbols get ASCII in their place.
@Suite struct GlyphFallbackTests {
    @Test(arguments: [("linux", GlyphFallback.symbols), ("vt100", .ascii), ("vt220", .ascii),
                      ("xterm-256color", GlyphFallback.none), ("screen-256color", GlyphFallback.none), ("vte-256color", GlyphFallback.none)])
    func theTerminalTypeChoosesTheFallback(term: String, expected: GlyphFallback) {
        #expect(GlyphFallback.forTerminal(term) == expected)
    }

    @Test func underTheLinuxConsoleNoSymbolItsFontLacksIsDrawn() {
        let d = TestApp(width: 80, height: 24)
        d.press(.char("d"), .char("d"), .enter, .char("j"), .char("j"), .char("b"), .enter)
        let text = GlyphFallback.symbols.apply(to: d.terminal.frames.last!).text
        for symbol in ["◷", "☎", "⌁", "☰", "✓", "✗", "›", "○"] {
            #expect(!text.contains(symbol), "\(symbol) is replaced")
        }
        #expect(text.contains(">o  5 Report the loss to lending"), "the selection and the state, in ASCII")
        #expect(text.contains(" x  4 Report the loss to Alipay"))
        #expect(text.contains("# Phone"))
        #expect(text.contains("─"), "the console draws box lines itself")
    }

    @Test func underAVT100BoxLinesAreASCIITooAndTheWidthIsKept() {
        let d = TestApp(width: 80, height: 24)
        let canvas = GlyphFallback.ascii.apply(to: d.terminal.frames.last!)
        #expect(!canvas.text.contains("─"))
        for line in canvas.text.split(separator: "\n") { #expect(TextWidth.of(line) <= 80) }
    }
}
