import Testing
@testable import TerminalKit
import LostphoneCore

/// `StyledLine.wrapped` joins a run of one span's characters at a time; it must give exactly
/// the lines of joining them one character at a time, as it did before (`characterByCharacter`).
@Suite struct StyledLineWrapTests {
    /// The wrapping as first written: every character appended to the span before, or a new span.
    static func characterByCharacter(_ line: StyledLine, width: Int) -> [[Span]] {
        guard width > 0 else { return [] }
        var chars: [(Character, Int)] = []
        for (i, span) in line.spans.enumerated() { for c in span.text { chars.append((c == "\n" ? " " : c, i)) } }
        let lines = TextWidth.lineRanges(chars.map(\.0), width: width, continuationWidth: max(1, width - line.hangingIndent))
            .map { chars[$0] }
        return lines.enumerated().map { i, l in
            var spans: [Span] = i > 0 && line.hangingIndent > 0 ? [Span(String(repeating: " ", count: line.hangingIndent))] : []
            var current = -1
            for (c, s) in l {
                let span = line.spans[s]
                if s == current || (!spans.isEmpty && spans[spans.count - 1].element == span.element
                                    && spans[spans.count - 1].link == span.link && spans[spans.count - 1].hit == span.hit) {
                    spans[spans.count - 1].text.append(c)
                } else {
                    spans.append(Span(String(c), span.element, link: span.link, hit: span.hit))
                }
                current = s
            }
            return spans
        }
    }

    @Test func runsGiveTheLinesCharactersGave() {
        var random = SystemRandomNumberGenerator()
        let words = ["Call", "10086", "冻结", "银行卡，", "and", "the", "police.", "挂失", "🇨🇳", "é", " ", "\n", "a-b", "—", "（客服）"]
        let elements: [ThemeElement] = [.text, .warning, .muted, .header]
        var compared = 0
        for _ in 0..<600 {
            let spans = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                Span((0..<Int.random(in: 0...8, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: Bool.random(using: &random) ? " " : ""),
                     elements.randomElement(using: &random)!,
                     link: Int.random(in: 0..<4, using: &random) == 0 ? "tel:10086" : nil,
                     hit: Int.random(in: 0..<5, using: &random) == 0 ? 1 : nil)
            }
            let line = StyledLine(spans, hangingIndent: Int.random(in: 0...3, using: &random))
            for width in [1, 2, 5, 13, 40, 80] {
                #expect(line.wrapped(to: width) == Self.characterByCharacter(line, width: width))
                compared += 1
            }
        }
        #expect(compared == 3_600)
    }

    @Test func aHangingIndentJoinsAPlainRunAndKeepsAStyledOneApart() {
        let line = StyledLine([Span("one two three four", .text), Span(" five six", .warning)], hangingIndent: 2)
        let lines = line.wrapped(to: 9)
        #expect(lines.map { $0.map(\.text).joined() } == ["one two", "  three", "  four", "  five", "  six"])
        #expect(lines[1] == [Span("  three")])
        #expect(lines[3] == [Span("  "), Span("five", .warning)])
    }
}
