import LostphoneCore

/// A run of text in one element's style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var element: ThemeElement
    public init(_ text: String, _ element: ThemeElement = .text) { self.text = text; self.element = element }
}

/// A line made of spans, wrapped to a width as one piece of text: breaks at spaces where it can
/// and between CJK characters otherwise, keeping each character's style.
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
        var chars: [(Character, ThemeElement)] = []
        for span in spans { for c in span.text { chars.append((c == "\n" ? " " : c, span.element)) } }
        if chars.isEmpty { return [[]] }
        var lines: [[(Character, ThemeElement)]] = []
        var line: [(Character, ThemeElement)] = []
        var lineWidth = 0
        // Break points as in TextWidth.wrap: at a space, or between CJK characters.
        var breakAt: Int? = nil
        var breakIsSpace = false
        var previousWide = false
        var limit = width
        for (c, e) in chars {
            let w = TextWidth.of(c)
            if c == " " {
                breakAt = line.count; breakIsSpace = true
            } else if !line.isEmpty && TextWidth.mayBreak(before: c, afterWide: previousWide) {
                breakAt = line.count; breakIsSpace = false
            }
            if lineWidth + w > limit && !line.isEmpty {
                if let b = breakAt, c != " ", b > 0 || breakIsSpace {
                    let rest = Array(line[(breakIsSpace ? b + 1 : b)...])
                    lines.append(Array(line[..<b]))
                    line = rest
                } else {
                    lines.append(line)
                    line = []
                }
                limit = max(1, width - hangingIndent)
                lineWidth = line.reduce(0) { $0 + TextWidth.of($1.0) }
                breakAt = nil
                // Still too long (no break point at all): cut where it overflows.
                while lineWidth + w > limit && !line.isEmpty {
                    var taken = 0, used = 0
                    while taken < line.count && used + TextWidth.of(line[taken].0) <= limit { used += TextWidth.of(line[taken].0); taken += 1 }
                    if taken == 0 { taken = 1 }
                    lines.append(Array(line[..<taken]))
                    line = Array(line[taken...])
                    lineWidth = line.reduce(0) { $0 + TextWidth.of($1.0) }
                }
                if c == " " { previousWide = false; continue }
            }
            line.append((c, e))
            lineWidth += w
            previousWide = w == 2
        }
        lines.append(line)
        return lines.enumerated().map { i, l in
            var spans: [Span] = i > 0 && hangingIndent > 0 ? [Span(String(repeating: " ", count: hangingIndent))] : []
            for (c, e) in l {
                if let last = spans.last, last.element == e { spans[spans.count - 1].text.append(c) }
                else { spans.append(Span(String(c), e)) }
            }
            return spans
        }
    }
}

extension Canvas {
    /// Draws spans from (x, y) within `width` columns; returns the columns used.
    @discardableResult
    mutating func put(_ spans: [Span], x: Int, y: Int, width: Int, theme: Theme, base: Style? = nil) -> Int {
        var col = x
        for span in spans {
            var style = theme[span.element]
            if let base, span.element == .text { style = base }
            col += put(span.text, x: col, y: y, style: style, limit: x + width - col)
            if col >= x + width { break }
        }
        return col - x
    }
}
