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

    /// A mouse report whose fields are not digits is dropped whole, however long: the libFuzzer
    /// run that found `ESC [ <` with a run of spaces in a field saw the decoder overflow `Int`
    /// and end the program.
    @Test func aMouseReportWithOtherBytesInItsFieldsIsDroppedNotACrash() {
        // The input as libFuzzer found it (19 spaces: a longer sequence is dropped unread).
        let spaces = String(repeating: " ", count: 19)
        #expect(decode("\u{1B}[<\(spaces)0;112;M\u{1B}[<0;1\(spaces);5Mj") == [.key(.char("j"))])
        // Digits alone are capped (a click far off any screen hits nothing), not overflowed.
        #expect(decode("\u{1B}[<0;99999999999999999999;5M") == [.click(x: 999_999, y: 4)])
    }

    @Test func controlKeysAndInvalidUTF8() {
        var d = KeyDecoder()
        #expect(d.feed([0x09, 0x0D, 0x7F, 0x01, 0xFF, 0x80]) == [.key(.tab), .key(.enter), .key(.backspace), .key(.ctrl("a"))])
        #expect(d.feed([0xE4, 0xB8, 0x41]) == [.key(.char("A"))])
    }

    // MARK: a terminal's strings and 8-bit controls (issue #30)

    /// The replies the attack on the release binary sent, each of which recorded an action.
    @Test(arguments: [
        "\u{1B}]11;rgb:0000/0000/0000\u{1B}\\",   // background colour (OSC 11), ST
        "\u{1B}P>|XTerm(367)\u{1B}\\",           // XTVERSION (DCS)
        "\u{1B}]d\u{7}",                           // OSC, BEL
        "\u{1B}Pdddd\u{1B}\\",                     // DCS
        "\u{1B}_dddd\u{1B}\\",                     // APC
        "\u{1B}^dddd\u{1B}\\",                     // PM
        "\u{1B}Xdddd\u{1B}\\",                     // SOS
        "\u{1B}]52;c;c2RieHIgZQ==\u{7}",            // a clipboard reply
    ])
    func aTerminalsStringIsDroppedWholeNeverKeys(reply: String) {
        #expect(decode(reply + "q") == [.key(.char("q"))], "\(reply.debugDescription)")
    }

    /// Each 8-bit introducer as a raw byte (what a terminal sends in 8-bit mode, and what
    /// arrives as a stray continuation byte in a UTF-8 stream) and as a code point (C2 xx).
    @Test(arguments: [UInt8(0x9D), 0x90, 0x9F, 0x9E, 0x98])
    func eightBitStringsAreDroppedWholeAsBytesAndAsCodePoints(introducer: UInt8) {
        let inner = Array("dd sdbxr e".utf8)
        for (open, close) in [([introducer], [UInt8(0x9C)]), ([0xC2, introducer], [0xC2, 0x9C]),
                              ([introducer], [0x1B, 0x5C]), ([0xC2, introducer], [0x07])] {
            var d = KeyDecoder()
            let events = d.feed(open + inner + close + Array("q".utf8)) + d.flush()
            #expect(events == [.key(.char("q"))], "\(open) … \(close): \(events)")
        }
    }

    @Test func eightBitCSIAndSS3AreSequencesAsBytesAndAsCodePoints() {
        var d = KeyDecoder()
        #expect(d.feed([0x9B, 0x41, 0xC2, 0x9B, 0x42, 0x8F, 0x43, 0xC2, 0x8F, 0x44]) == [.key(.up), .key(.down), .key(.right), .key(.left)])
        #expect(d.feed([0x9B, 0x39, 0x39, 0x3B, 0x35, 0x7E, 0x71]) == [.key(.char("q"))])
    }

    @Test func aCJKCharacterHolding0x9CInsideAStringDoesNotEndIt() {
        // 朜 is E6 9C 9C: a raw ST inside a character is a continuation byte, not a terminator.
        #expect(decode("\u{1B}]2;朜d\u{7}q") == [.key(.char("q"))])
    }

    @Test func aStringSplitAcrossReadsIsStillDroppedWhole() {
        var d = KeyDecoder()
        var events: [InputEvent] = []
        for b in Array("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\d".utf8) { events += d.feed([b]) }
        #expect(events == [.key(.char("d"))])
    }

    @Test func anUnterminatedStringWaitsAsLongAsAPasteThenIsDroppedNotTyped() {
        var d = KeyDecoder()
        #expect(d.feed(Array("\u{1B}]11;rgb:00".utf8)).isEmpty)
        #expect(d.pending == .paste)
        #expect(d.flush().isEmpty)
        #expect(d.feed(Array("q".utf8)) == [.key(.char("q"))])
    }

    @Test func aHugeStringIsDroppedWholeAndKeepsNothing() {
        var d = KeyDecoder()
        #expect(d.feed(Array("\u{1B}P".utf8) + Array(repeating: UInt8(0x64), count: 200_000)).isEmpty)
        #expect(d.feed(Array("\u{1B}\\q".utf8)) == [.key(.char("q"))])
    }

    @Test func escapeInsideAStringEndsItAndBeginsASequence() {
        #expect(decode("\u{1B}]0;title\u{1B}[Aq") == [.key(.up), .key(.char("q"))])
        #expect(decode("\u{1B}]0;title\u{18}q") == [.key(.char("q"))])  // CAN cancels
    }

    @Test func aStrayTerminatorIsNothing() {
        #expect(decode("\u{1B}\\q") == [.key(.char("q"))])
        var d = KeyDecoder()
        #expect(d.feed([0x9C, 0xC2, 0x9C, 0x71]) == [.key(.char("q"))])
    }

    @Test func aContinuationByteInsideACharacterIsStillTheCharacter() {
        // ě is C4 9B: the 0x9B there continues the character, it is no CSI.
        #expect(decode("ěA") == [.key(.char("ě")), .key(.char("A"))])
    }
}
