import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// The main screens as text, at the two sizes people use most. The golden files under
/// `Snapshots/` are reviewed like code; re-record with `UPDATE_SNAPSHOTS=1 swift test`.
@Suite struct SnapshotTests {
    /// A new incident opens on the guide: the most urgent step selected, its first number in
    /// sight, the details offered in one line and reminded once, no box over anything.
    @Test(arguments: [(80, 24), (60, 20), (140, 45)], Language.allCases)
    func firstStartShowsTheGuideWithTheFirstNumber(size: (Int, Int), language: Language) {
        let d = TestApp(width: size.0, height: size.1, language: language, askDetails: true)
        #expect(d.screen.contains("10086"), "the SIM step's number is on the first screen")
        #expect(d.screen.contains("›○  1 "), "the most urgent step is selected")
        #expect(!d.screen.contains("┌"), "no box over the guide")
        assertSnapshot(d.screen, named: "first-start-\(language.rawValue)-\(size.0)x\(size.1)")
    }

    @Test(arguments: [(80, 24), (140, 45)])
    func urgentPaneFresh(width: Int, height: Int) {
        let d = TestApp(width: width, height: height)
        assertSnapshot(d.screen, named: "urgent-fresh-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (140, 45)])
    func urgentPaneMidway(width: Int, height: Int) {
        let d = TestApp(width: width, height: height)
        d.press(.right, .char("n"))
        d.type("ref A123")
        // Done, blocked and skipped move on to the next open step; start stays.
        // After the SIM, Enter: no other SIM card; `b`, then Enter: no retry time.
        d.press(.enter, .char("d"), .enter, .char("s"), .char("s"), .down, .char("b"), .enter, .char("x"))
        assertSnapshot(d.screen, named: "urgent-midway-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (140, 45)])
    func chineseUrgentPane(width: Int, height: Int) {
        let d = TestApp(width: width, height: height, language: .zh)
        d.press(.char("d"), .char("d"), .up, .char("n"))
        d.type("受理号 A123，客服王女士")
        d.press(.enter)
        assertSnapshot(d.screen, named: "urgent-zh-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (140, 45)])
    func locatePaneWithEraseWarning(width: Int, height: Int) {
        let d = TestApp(width: width, height: height)
        d.press(.char("2"), .char("G"))
        assertSnapshot(d.screen, named: "locate-erase-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (140, 45)])
    func tipsPane(width: Int, height: Int) {
        let d = TestApp(width: width, height: height, language: .zh)
        d.press(.char("4"))
        assertSnapshot(d.screen, named: "tips-zh-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (140, 45)])
    func timelineAfterSomeActions(width: Int, height: Int) {
        let d = TestApp(width: width, height: height)
        d.press(.char("d"), .char("d"), .enter, .char("s"), .char("s"), .char("u"), .char("5"))
        assertSnapshot(d.screen, named: "timeline-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (140, 45)])
    func helpOverlay(width: Int, height: Int) {
        let d = TestApp(width: width, height: height)
        d.press(.char("?"))
        assertSnapshot(d.screen, named: "help-\(width)x\(height)")
    }

    /// At 40×12 the help wraps its own lines: each key above its text, nothing cut.
    @Test func helpAtTheSmallestSizeWrapsItsLines() {
        let d = TestApp(width: 40, height: 12)
        d.press(.char("?"))
        #expect(!d.screen.contains("…"), "nothing in the help is cut")
        assertSnapshot(d.screen, named: "help-40x12")
        for _ in 0..<200 { d.press(.char("j")) }
        #expect(d.screen.contains("quit (everything is already"), "scrolled to the last key")
        assertSnapshot(d.screen, named: "help-40x12-end")
    }

    @Test func noteInputShowsThePromptAndCursor() {
        let d = TestApp()
        d.press(.char("n"), .char("n"))
        d.type("案件号")
        assertSnapshot(d.screen, named: "note-input-80x24")
    }

    @Test func detailsClosedGiveTheListTheWholeWidth() {
        let d = TestApp()
        d.press(.enter)
        assertSnapshot(d.screen, named: "details-closed-80x24")
    }

    @Test(arguments: [(39, 24), (80, 9), (1, 1)])
    func belowTheMinimumSizeAsksToEnlarge(width: Int, height: Int) {
        let d = TestApp(width: width, height: height)
        let screen = d.screen
        if width >= 38 { #expect(screen.contains("Enlarge the terminal")) }
        #expect(d.terminal.frames.last?.lines.count == height)
    }

    @Test func everyRowFitsTheWidthAndNoWideCharacterIsCut() {
        for (w, h) in [(40, 10), (57, 20), (80, 24), (99, 30), (100, 30), (140, 45), (300, 100)] {
            for lang in Language.allCases {
                let d = TestApp(width: w, height: h, language: lang)
                for key: Key in [.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("?")] {
                    d.press(key)
                    let canvas = d.terminal.frames.last!
                    for line in canvas.lines {
                        #expect(TextWidth.of(line) == w, "row width \(TextWidth.of(line)) ≠ \(w) at \(w)x\(h) \(lang)")
                    }
                    for y in 0..<canvas.height {
                        for x in 0..<canvas.width where canvas[x, y].isContinuation {
                            #expect(x > 0 && TextWidth.of(canvas[x - 1, y].grapheme) == 2)
                        }
                    }
                    d.press(.escape)
                }
            }
        }
    }
}
