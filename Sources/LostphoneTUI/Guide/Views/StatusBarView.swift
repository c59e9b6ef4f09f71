import LostphoneCore
import TerminalKit

/// The bottom line, as `StatusLine` made it: a prompt while typing (with what is wrong beside
/// it), a question after a recording, else the last message, else the key hints that fit.
enum StatusBarView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ line: StatusLine, theme: Theme) {
        canvas.fill(rect, style: theme[.status])
        switch line {
        case .prompt(let label, let short, let field, let message):
            prompt(&canvas, rect, label: label, short: short, field: field, message: message, theme: theme)
        case .question(let text):
            canvas.put(" " + text, x: rect.x, y: rect.y, style: theme[.key], limit: rect.width)
        case .message(let m):
            let element: ThemeElement = m.kind == .error ? .error : (m.kind == .success ? .success : .status)
            canvas.fill(rect, style: theme[element])
            canvas.put(" " + m.text, x: rect.x, y: rect.y, style: theme[element], limit: rect.width)
        case .hints(let hints, let rightEnd):
            HintLine.draw(&canvas, rect, hints: hints, rightEnd: rightEnd, theme: theme)
        }
    }

    /// A text field with a visible cursor (a reversed cell), scrolled so the cursor shows; the
    /// message (an error, the search's hit) beside it, at the right. With a message, `short`
    /// (when given) takes the place of the long label, whose forms the error lists again.
    static func prompt(_ canvas: inout Canvas, _ rect: Rect, label: String, short: String?, field: TextInput,
                       message: StatusMessage?, theme: Theme) {
        var line = rect
        if let m = message {
            let note = " " + m.text + " "
            let fieldRoom = min(max(12, TextWidth.of(field.text) + 2), 30)
            let noteWidth = min(TextWidth.of(note), max(0, rect.width - TextWidth.of(short ?? label) - fieldRoom - 1))
            if noteWidth > 0 {
                let style = theme[m.kind == .error ? .error : .key]
                canvas.put(note, x: rect.maxX - noteWidth, y: rect.y, style: style, limit: noteWidth)
                line = Rect(x: rect.x, y: rect.y, width: rect.width - noteWidth, height: 1)
            }
        }
        let shown = message != nil ? (short ?? label) : label
        var x = line.x
        x += canvas.put(" " + shown, x: x, y: line.y, style: theme[.key], limit: max(0, line.width - 10))
        TextFieldView.draw(&canvas, Rect(x: x, y: line.y, width: line.maxX - x, height: 1), field: field,
                           style: theme[.status], focused: true)
    }
}
