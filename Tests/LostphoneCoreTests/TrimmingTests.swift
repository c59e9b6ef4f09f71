import Testing
@testable import LostphoneCore

/// `trimmingWhitespace` keeps a text whose ends need no grapheme breaking as it is: it must
/// trim exactly what trimming Character by Character trims, whatever surrounds the ends.
@Suite struct TrimmingTests {
    static func characterByCharacter(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    @Test func trimsWhatCharacterByCharacterTrims() {
        // Ends that look plain but join a Character with what precedes them (a combining mark
        // after a space, a prepended mark), white space of every kind, and the plain ends.
        let pieces = ["a", "冻", "。", "！", " ", "\u{3000}", "\u{A0}", "\n", "\r\n", "\t", "\u{301}", "\u{600}", "\u{85}",
                      "\u{2028}", "\u{200B}", "\u{FEFF}", "9", "é", "\u{1F600}", "\u{200D}", "\u{302A}"]
        var rng: UInt64 = 29
        var checked = 0
        for _ in 0..<20_000 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(rng >> 61)
            var text = ""
            for k in 0..<length { text += pieces[Int((rng >> UInt64(5 * k % 55)) & 0x1F) % pieces.count] }
            let expected = Self.characterByCharacter(text)
            #expect(Array(text.trimmingWhitespace().unicodeScalars) == Array(expected.unicodeScalars), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            checked += 1
        }
        #expect(checked == 20_000)
    }
}
