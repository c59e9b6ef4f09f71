import Testing
@testable import TerminalKit

@Suite struct KeyDecoderTests {
    func decode(_ text: String, flush: Bool = true) -> [InputEvent] {
        var d = KeyDecoder()
        var events = d.feed(Array(text.utf8))
        if flush { events += d.flush() }
        return events
    }

    @Test func plainKeysAndUTF8AreCharacters() {
        #expect(decode("d 中") == [.key(.char("d")), .key(.char(" ")), .key(.char("中"))])
    }

    @Test func aBracketedPasteIsOnePasteEventNeverKeys() {
        #expect(decode("\u{1B}[200~95588 ref x2\r\u{1B}[A\u{1B}[201~") == [.paste("95588 ref x2\r\u{1B}[A")])
    }

    @Test func aPasteSplitAcrossReadsIsStillOnePaste() {
        var d = KeyDecoder()
        var events: [InputEvent] = []
        for b in Array("\u{1B}[200~sd\u{1B}[20x\u{1B}[201~r".utf8) { events += d.feed([b]) }
        #expect(events == [.paste("sd\u{1B}[20x"), .key(.char("r"))])
    }

    @Test func aPasteThatNeverEndsIsDeliveredAsAPasteWhenInputGoesQuiet() {
        var d = KeyDecoder()
        #expect(d.feed(Array("\u{1B}[200~dd".utf8)).isEmpty)
        #expect(d.pending == .paste)
        #expect(d.flush() == [.paste("dd")])
    }

    @Test func anUnknownSequenceIsDroppedWholeNotSplitIntoEscapeAndKeys() {
        #expect(decode("\u{1B}[99;5~x") == [.key(.char("x"))])
        #expect(decode("\u{1B}[1;2P\u{1B}O5Rx") == [.key(.char("x"))])
        #expect(decode("\u{1B}[?1;2cx") == [.key(.char("x"))])
    }

    @Test(arguments: ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH", "\u{1B}[1;5H"])
    func homeSequencesAreHome(sequence: String) {
        #expect(decode(sequence) == [.key(.home)])
    }

    @Test(arguments: ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"])
    func endSequencesAreEnd(sequence: String) {
        #expect(decode(sequence) == [.key(.end)])
    }

    @Test func arrowsPagesAndShiftTabInBothCursorModes() {
        #expect(decode("\u{1B}[A\u{1B}OB\u{1B}[C\u{1B}OD\u{1B}[5~\u{1B}[6~\u{1B}[Z\u{1B}[3~")
                == [.key(.up), .key(.down), .key(.right), .key(.left), .key(.pageUp), .key(.pageDown), .key(.backTab), .key(.delete)])
    }

    @Test func aLoneEscapeIsEscapeOnlyOnceInputGoesQuiet() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]).isEmpty)
        #expect(d.pending == .sequence)
        #expect(d.flush() == [.key(.escape)])
    }

    @Test func escapeThenAnOrdinaryKeyIsEscapeThenTheKey() {
        #expect(decode("\u{1B}d") == [.key(.escape), .key(.char("d"))])
    }

    @Test func anUnfinishedSequenceIsDroppedWhenInputGoesQuiet() {
        #expect(decode("\u{1B}[12;") == [])
    }

    @Test func aControlByteInsideASequenceEndsItAndCountsOnItsOwn() {
        #expect(decode("\u{1B}[12\r") == [.key(.enter)])
    }

    @Test func mouseReportsInX10AndSGRFormAreClicksAndWheelNeverKeys() {
        // X10: button byte 32 (left press), x 33+10, y 33+4; the coordinate bytes may be any key.
        #expect(decode("\u{1B}[M +%") == [.click(x: 10, y: 4)])
        #expect(decode("\u{1B}[M`ds") == [.wheelUp(x: 67, y: 82)])
        #expect(decode("\u{1B}[<0;11;5M\u{1B}[<0;11;5m\u{1B}[<65;1;1M") == [.click(x: 10, y: 4), .wheelDown(x: 0, y: 0)])
    }

    @Test func controlKeysAndInvalidUTF8() {
        var d = KeyDecoder()
        #expect(d.feed([0x09, 0x0D, 0x7F, 0x01, 0xFF, 0x80]) == [.key(.tab), .key(.enter), .key(.backspace), .key(.ctrl("a"))])
        #expect(d.feed([0xE4, 0xB8, 0x41]) == [.key(.char("A"))])
    }
}
