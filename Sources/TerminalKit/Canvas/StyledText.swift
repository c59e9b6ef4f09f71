import LostphoneCore

/// A run of text in one element's style, the URL it links to, if any (a web contact), and
/// what a click on it asks for, if anything (`hit`, a number the screen gives its meaning), so
/// a click is found by where it landed, never by comparing text.
public struct Span: Hashable, Sendable {
    public var text: String
    public var element: ThemeElement
    public var link: String?
    public var hit: Int?
    public init(_ text: String, _ element: ThemeElement = .text, link: String? = nil, hit: Int? = nil) {
        self.text = text; self.element = element; self.link = link; self.hit = hit
    }
}

/// A line made of spans, wrapped to a width as one piece of text: breaks at spaces where it can
/// and between CJK characters otherwise, keeping each character's style and link.
public struct StyledLine: Hashable, Sendable {
    public var spans: [Span]
    /// Columns of indent for continuation lines.
    public var hangingIndent: Int

    public init(_ spans: [Span], hangingIndent: Int = 0) { self.spans = spans; self.hangingIndent = hangingIndent }
    public init(_ text: String, _ element: ThemeElement = .text, hangingIndent: Int = 0) {
        self.init([Span(text, element)], hangingIndent: hangingIndent)
    }

    public static let blank = StyledLine([])

    public func wrapped(to width: Int) -> [[Span]] {
        guard width > 0 else { return [] }
        // Each character, and the index of its span, whose element and link it keeps.
        var chars: [Character] = []
        var owner: [Int] = []
        for (i, span) in spans.enumerated() {
            for c in span.text {
                chars.append(c == "\n" ? " " : c)
                owner.append(i)
            }
        }
        let lines = TextWidth.lineRanges(chars, width: width, continuationWidth: max(1, width - hangingIndent))
        return lines.enumerated().map { number, range in
            var line: [Span] = number > 0 && hangingIndent > 0 ? [Span(String(repeating: " ", count: hangingIndent))] : []
            // A run of one span's characters at a time (not a character at a time), joined to
            // the span before when they look the same.
            var start = range.lowerBound
            while start < range.upperBound {
                let s = owner[start]
                var end = start + 1
                while end < range.upperBound && owner[end] == s { end += 1 }
                // Character by character: `String(chars[start..<end])` is the standard library's
                // unspecialized `String.init<S: Sequence>`, whose first use scanned every
                // conformance of the binary for an associated type (0.2 ms of the first frame).
                var text = ""
                for c in chars[start..<end] { text.append(c) }
                let span = spans[s]
                if let last = line.last, last.element == span.element, last.link == span.link, last.hit == span.hit {
                    line[line.count - 1].text += text
                } else {
                    line.append(Span(text, span.element, link: span.link, hit: span.hit))
                }
                start = end
            }
            return line
        }
    }
}

extension Canvas {
    /// Draws spans from (x, y) within `width` columns; returns the columns used.
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, width: Int, theme: Theme, base: Style? = nil) -> Int {
        var col = x
        for (i, span) in spans.enumerated() {
            var style = theme[span.element]
            if let base, span.element == .text { style = base }
            col += put(span.text, x: col, y: y, style: style, limit: x + width - col, link: span.link)
            if col >= x + width {
                // Filled exactly, with more to come: the last column says the line is cut.
                if spans[(i + 1)...].contains(where: { !$0.text.allSatisfy(\.isWhitespace) }), col - 1 >= 0, col - 1 < self.width {
                    put("…", x: col - 1, y: y, style: style)
                }
                break
            }
        }
        return col - x
    }
}
