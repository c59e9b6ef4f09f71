import LostphoneCore
import Testing
@testable import TerminalKit

@Suite struct CanvasTests {
    @Test func wideCharacterTakesTwoCellsAndReadsBackOnce() {
        var c = Canvas(width: 6, height: 1)
        let used = c.put("中a", x: 0, y: 0, style: .plain)
        #expect(used == 3)
        #expect(c.lines == ["中a   "])
        #expect(c[1, 0].isContinuation)
    }

    @Test func wideCharacterThatWouldCrossTheLimitBecomesAnEllipsis() {
        var c = Canvas(width: 5, height: 1)
        c.put("ab中", x: 0, y: 0, style: .plain, limit: 3)
        #expect(c.lines == ["ab…  "])
        #expect(!c[3, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var c = Canvas(width: 4, height: 1)
        c.put("中文", x: 0, y: 0, style: .plain)
        c.put("x", x: 1, y: 0, style: .plain)
        #expect(c.lines == [" x文"])
        c.put("y", x: 2, y: 0, style: .plain)
        #expect(c.lines == [" xy "])
    }

    @Test func controlCharactersBecomeVisiblePlaceholders() {
        var c = Canvas(width: 12, height: 1)
        c.put("a\u{1b}[31mb\u{7}\u{9b}", x: 0, y: 0, style: .plain)
        #expect(c.lines == ["a␛[31mb␇�   "])
        #expect(!c.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func textCutAtTheRightEdgeEndsInAnEllipsis() {
        var c = Canvas(width: 3, height: 2)
        c.put("abcdef", x: -2, y: 0, style: .plain)
        c.put("zz", x: 2, y: 5, style: .plain)
        #expect(c.lines == ["cd…", "   "])
    }

    @Test func aWideCharacterCutAtTheLimitGivesWayToTheEllipsis() {
        var c = Canvas(width: 4, height: 1)
        c.put("中文字", x: 0, y: 0, style: .plain, limit: 4)
        #expect(c.lines == ["中… "])
    }

    @Test func textThatFitsExactlyHasNoEllipsis() {
        var c = Canvas(width: 4, height: 1)
        c.put("abcd", x: 0, y: 0, style: .plain)
        #expect(c.lines == ["abcd"])
    }
}
