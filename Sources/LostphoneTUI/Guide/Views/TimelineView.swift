import LostphoneCore
import TerminalKit

/// Every recorded event, oldest first (as recorded), each with the time it happened. Given
/// only its rows (`TimelineRows`), what to say when there are none, and the theme.
enum TimelineView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, rows: [TimelineRow], empty: String, theme: Theme) {
        if rows.isEmpty {
            canvas.put(empty, x: rect.x + 1, y: rect.y, style: theme[.muted], limit: rect.width - 1)
            return
        }
        for (row, event) in rows.prefix(rect.height).enumerated() {
            let y = rect.y + row
            var x = rect.x
            x += canvas.put(event.selected ? "›" : " ", x: x, y: y, style: theme[.paneBorderFocused])
            canvas.put(event.spans, x: x, y: y, width: rect.maxX - x, theme: theme)
            if event.selected {
                canvas.restyle(Rect(x: rect.x + 1, y: y, width: rect.width - 1, height: 1)) { s in
                    var s = s
                    s.attributes.formUnion(theme[.selection].attributes)
                    return s
                }
            }
        }
    }
}
