import LostphoneCore
import TerminalKit

/// A pane's steps: state glyph, priority, title, the person's providers, and when its last
/// change happened. Given only its rows (`StepListRows`) and the theme.
enum StepListView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, rows: [StepListRow], theme: Theme) {
        for (row, step) in rows.prefix(rect.height).enumerated() {
            let y = rect.y + row
            var x = rect.x
            x += canvas.put(step.selected ? "›" : " ", x: x, y: y, style: theme[.paneBorderFocused])
            x += canvas.put(StepGlyph.glyph(step.state) + " ", x: x, y: y, style: theme[StepGlyph.element(step.state)])
            x += canvas.put(TextWidth.padded(step.number, to: 2, alignRight: true) + " ", x: x, y: y, style: theme[.priority])
            // With its date when not today; the recorded time is in the details, where there is room.
            let timeWidth = step.time.isEmpty || rect.width < 50 ? 0 : TextWidth.of(step.time) + 1
            let titleStyle = theme[step.state == .skipped ? .stepSkipped : (step.state == .done ? .stepDone : .text)]
            let room = max(0, rect.maxX - x - timeWidth - 1)
            // Where the names do not fit beside the title, the glyphs alone: `1/2 ✗ ✓`.
            let summary = TextWidth.of(step.title) + TextWidth.of(step.summary) + 2 > room ? step.glyphSummary : step.summary
            let titleRoom = summary.isEmpty ? room : min(TextWidth.of(step.title), max(room / 2, room - TextWidth.of(summary) - 2))
            // A cut title says so (…) rather than ending mid-word, and keeps `← now` whole after
            // it while the title keeps 20 columns (narrower, the step's name matters more).
            let marker = "  " + step.marker
            let shownTitle = step.marker.isEmpty || TextWidth.of(step.title) <= titleRoom || titleRoom - TextWidth.of(marker) < 20
                ? TextWidth.truncate(step.title, to: titleRoom)
                : TextWidth.truncate(step.bareTitle, to: titleRoom - TextWidth.of(marker)) + marker
            let titleWidth = canvas.put(shownTitle, x: x, y: y, style: titleStyle, limit: titleRoom)
            if !summary.isEmpty && room - titleWidth > 4 {
                canvas.put(TextWidth.truncate(summary, to: room - titleWidth - 2), x: x + titleWidth + 2, y: y,
                           style: theme[.muted], limit: room - titleWidth - 2)
            }
            if timeWidth > 0 { canvas.put(step.time, x: rect.maxX - timeWidth, y: y, style: theme[.muted]) }
            if step.selected {
                canvas.highlight(Rect(x: rect.x + 1, y: y, width: rect.width - 1, height: 1), with: theme[.selection])
            }
        }
    }
}
