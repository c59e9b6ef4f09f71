import LostphoneCore
import TerminalKit

/// Asks before recording a step whose required steps are still open: the step, what is not
/// done yet, why it comes first, and the keys (`y` records, anything else cancels).
enum ConfirmEarlyView {
    static func draw(_ canvas: inout Canvas, _ screen: Rect, _ content: ConfirmEarlyContent, theme: Theme) {
        var lines: [StyledLine] = [StyledLine([Span("⚠ ", .warning), Span(content.step, .heading)], hangingIndent: 2)]
        lines.append(.blank)
        lines.append(StyledLine(content.unmetLabel, .text))
        for title in content.unmet {
            lines.append(StyledLine([Span("• ", .warning), Span(title, .heading)], hangingIndent: 2))
        }
        if let why = content.why {
            lines.append(.blank)
            lines.append(StyledLine(why, .text))
        }
        let width = min(64, screen.width - 2)
        let rows = lines.flatMap { $0.wrapped(to: width - 4) }
        let inner = Box.draw(&canvas, width: width, height: rows.count + 4, title: content.boxTitle, theme: theme,
                             screen: screen, margin: 0)
        for (i, spans) in rows.prefix(max(0, inner.height - 2)).enumerated() {
            canvas.put(spans, x: inner.x, y: inner.y + i, width: inner.width, theme: theme)
        }
        canvas.put(content.keys, x: inner.x, y: inner.maxY - 1, style: theme[.key], limit: inner.width)
    }
}
