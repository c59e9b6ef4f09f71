import Foundation
import Testing
@testable import LostphoneCore

/// The playbook's shapes are checked by hand for speed: each check must say exactly what its
/// regular expression says, on the strings a playbook holds and on strings near them.
@Suite struct PlaybookPatternsTests {
    /// Strings over an alphabet that hits every edge of the four patterns, up to 11 characters,
    /// from a fixed seed, plus the edge cases by hand.
    static let samples: [String] = {
        let alphabet: [String] = ["a", "z", "0", "9", "-", "+", "*", "#", "A", "_", " ", "é", "٣", "\u{FF10}", "1"]
        var rng: UInt64 = 7
        var out = ["", "a", "-", "ab", "a-", "-a", "10086", "0755-83765566", "400-820-5555", "+8610086", "+86-10086", "1-2",
                   "12--34", "12-", "+", "9", "*#", "12345", "2020-11-26", "2020-1-126", String(repeating: "a", count: 64),
                   String(repeating: "a", count: 65), "china-mobile", "tip-10", "Tip", "١٢", "12\n"]
        for _ in 0..<20_000 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(rng >> 60) % 12
            var s = ""
            for k in 0..<length { s += alphabet[Int((rng >> UInt64(4 * k % 56)) & 0xF) % alphabet.count] }
            out.append(s)
        }
        return out
    }()

    static func regex(_ pattern: String) -> (String) -> Bool {
        let r = try! NSRegularExpression(pattern: pattern)
        return { r.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    }

    @Test(arguments: [
        ("id", PlaybookLoader.idPattern),
        ("phone", PlaybookLoader.phonePattern),
        ("press", PlaybookLoader.pressPattern),
        ("date", PlaybookLoader.datePattern),
    ])
    func theHandCheckSaysWhatThePatternSays(name: String, pattern: String) {
        let check: (String) -> Bool = switch name {
        case "id": PlaybookPatterns.isIdentifier
        case "phone": PlaybookPatterns.isPhoneNumber
        case "press": PlaybookPatterns.isPress
        default: PlaybookPatterns.isDate
        }
        let byRegex = Self.regex(pattern)
        // A newline never reaches these checks (the reader refuses control characters first).
        let differing = Self.samples.filter { !$0.contains("\n") && check($0) != byRegex($0) }
        #expect(differing.isEmpty, "\(name): the hand check and \(pattern) differ on \(differing.prefix(5).map { "\"\($0)\"" })")
        #expect(Self.samples.contains { check($0) } && Self.samples.contains { !check($0) }, "\(name): the samples never reach both answers")
    }
}
