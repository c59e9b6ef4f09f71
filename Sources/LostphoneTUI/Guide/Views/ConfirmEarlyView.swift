import LostphoneCore
import TerminalKit

/// Asks before recording a step whose required steps are still open: the step, what is not
/// done yet, why it comes first, and the keys (`y` records, anything else cancels).
enum ConfirmEarlyView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, early: EarlyRecording) {
        let w = state.words
        let lang = state.language
        guard let step = state.step(early.step) else { return }
        var lines: [StyledLine] = [StyledLine([Span("⚠ ", .warning), Span(step.title[lang], .heading)], hangingIndent: 2)]
        lines.append(.blank)
        lines.append(StyledLine(w.capitalized(.notSettledYet) + w.colon, .text))
        for id in early.unmet {
            let title = state.step(id)?.title[lang] ?? id.rawValue
            lines.append(StyledLine([Span("• ", .warning), Span(title, .heading)], hangingIndent: 2))
        }
        if let why = step.requiresWhy {
            lines.append(.blank)
            lines.append(StyledLine(why[lang], .text))
        }
        let width = min(64, state.width - 2)
        let rows = lines.flatMap { $0.wrapped(to: width - 4) }
        let inner = Box.draw(&canvas, width: width, height: rows.count + 4, title: w[.confirmEarlyTitle], state: state, margin: 0)
        for (i, spans) in rows.prefix(max(0, inner.height - 2)).enumerated() {
            canvas.put(spans, x: inner.x, y: inner.y + i, width: inner.width, theme: state.theme)
        }
        canvas.put(w[.confirmEarlyKeys], x: inner.x, y: inner.maxY - 1, style: state.theme[.key], limit: inner.width)
    }
}
