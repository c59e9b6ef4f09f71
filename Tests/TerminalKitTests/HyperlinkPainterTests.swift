import LostphoneCore
import Testing
@testable import TerminalKit

private let esc = "\u{1B}"

/// The colours of text written past ncurses match what ncurses drew.
@Suite struct SGRTests {
    @Test func eachDepthSendsColoursAsTerminfoDoes() {
        let style = Style(foreground: .indexed(117), background: .ansi(4), attributes: [.bold, .underline])
        #expect(SGR.sequence(style, depth: .indexed256) == "\(esc)[0;1;4;38;5;117;44m")
        #expect(SGR.sequence(Style(foreground: .ansi(12)), depth: .ansi16) == "\(esc)[0;94m")
        #expect(SGR.sequence(Style(foreground: .rgb(1, 2, 3)), depth: .truecolor) == "\(esc)[0;38;2;1;2;3m")
        #expect(SGR.sequence(.plain, depth: .indexed256) == "\(esc)[0m")
    }

    @Test func withoutColourABackgroundBecomesReverse() {
        #expect(SGR.sequence(Style(foreground: .ansi(1), background: .ansi(4)), depth: .none) == "\(esc)[0;7m")
    }
}

/// Links written past ncurses, only when the cells under them were (or may have been) redrawn.
@Suite struct HyperlinkPainterTests {
    let style = Style(foreground: .indexed(117), attributes: [.underline])
    let url = "https://a.cn"

    func canvas(link: String?, other: String = "x") -> Canvas {
        var c = Canvas(width: 20, height: 3)
        c.put(other, x: 0, y: 0, style: .plain)
        c.put("Web ", x: 0, y: 1, style: .plain)
        c.put("a.cn", x: 4, y: 1, style: style, link: link)
        return c
    }

    @Test func aLinkIsWrittenOverItsCellsInTheirStyle() {
        var painter = HyperlinkPainter(colorDepth: .indexed256)
        let written = painter.sequence(for: canvas(link: url), repaintedAll: true)
        #expect(written == "\(esc)7\(esc)[2;5H\(esc)]8;;https://a.cn\(esc)\\\(esc)[0;4;38;5;117ma.cn\(esc)]8;;\(esc)\\\(esc)8")
    }

    @Test func aFrameThatLeavesTheLinksRowAloneWritesNothing() {
        var painter = HyperlinkPainter(colorDepth: .indexed256)
        _ = painter.sequence(for: canvas(link: url), repaintedAll: true)
        #expect(painter.sequence(for: canvas(link: url), repaintedAll: false) == "")
        #expect(painter.sequence(for: canvas(link: url, other: "y"), repaintedAll: false) == "", "row 0 changed, not row 1")
    }

    @Test func aRedrawnRowOrARepaintWritesTheLinkAgain() {
        var painter = HyperlinkPainter(colorDepth: .indexed256)
        _ = painter.sequence(for: canvas(link: url), repaintedAll: true)
        var changed = canvas(link: url)
        changed.put("!", x: 15, y: 1, style: .plain)
        #expect(painter.sequence(for: changed, repaintedAll: false).contains("]8;;https://a.cn"),
                "ncurses may rewrite any cell of a row it draws on")
        #expect(painter.sequence(for: changed, repaintedAll: true).contains("]8;;https://a.cn"))
    }

    @Test func aLinkGoneFromCellsThatLookTheSameIsWrittenPlain() {
        var painter = HyperlinkPainter(colorDepth: .indexed256)
        _ = painter.sequence(for: canvas(link: url), repaintedAll: true)
        let written = painter.sequence(for: canvas(link: nil), repaintedAll: false)
        #expect(written == "\(esc)7\(esc)[2;5H\(esc)[0;4;38;5;117ma.cn\(esc)8")
    }

    @Test func anUnsafeLinkOnTheCanvasIsNeverWritten() {
        var painter = HyperlinkPainter(colorDepth: .indexed256)
        let written = painter.sequence(for: canvas(link: "https://a.cn\u{07}\(esc)]2;owned"), repaintedAll: true)
        #expect(written == "")
    }

    @Test func aWrappedAddressLinksEachPartToTheWholeURL() {
        let address = "110.alipay.com/safety/emergency/index.htm"
        let link = Hyperlink.url(forWebAddress: address)
        let line = StyledLine([Span("⌁ Web ", .muted), Span(address, .contactWeb, link: link)], hangingIndent: 4)
        var c = Canvas(width: 30, height: 4)
        for (y, spans) in line.wrapped(to: 30).enumerated() { c.put(spans, x: 0, y: y, width: 30, theme: Theme.fallback) }
        let runs = c.linkRuns
        #expect(runs.count == 2, "\(c.text)")
        #expect(runs.allSatisfy { $0.url == "https://" + address })
        var painter = HyperlinkPainter(colorDepth: .indexed256)
        let written = painter.sequence(for: c, repaintedAll: true)
        #expect(written.components(separatedBy: "]8;;https://110.alipay.com/safety/emergency/index.htm").count == 3)
    }
}
