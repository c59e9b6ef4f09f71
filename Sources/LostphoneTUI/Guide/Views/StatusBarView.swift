import LostphoneCore
import TerminalKit

/// The bottom line: a prompt while typing, else the last message, else the key hints that fit.
enum StatusBarView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        canvas.fill(rect, style: theme[.status])
        switch state.mode {
        case .note(_, let field):
            prompt(&canvas, rect, state, label: state.words[.notePrompt], field: field)
            return
        case .search(let field, _, _):
            // The field, and beside it which hit is shown or that nothing matches.
            let note = state.message.map { " " + $0.text + " " } ?? ""
            let noteWidth = min(TextWidth.of(note), max(0, rect.width - 30))
            prompt(&canvas, Rect(x: rect.x, y: rect.y, width: rect.width - noteWidth, height: 1), state,
                   label: state.words[.searchPrompt], field: field)
            if noteWidth > 0 {
                canvas.put(note, x: rect.maxX - noteWidth, y: rect.y, style: theme[.key], limit: noteWidth)
            }
            return
        case .happenedAt(let field):
            prompt(&canvas, rect, state, label: state.words[.happenedAtPrompt], field: field)
            return
        default: break
        }
        if let m = state.message {
            let element: ThemeElement = m.kind == .error ? .error : (m.kind == .success ? .success : .status)
            canvas.fill(rect, style: theme[element])
            canvas.put(" " + m.text, x: rect.x, y: rect.y, style: theme[element], limit: rect.width)
            return
        }
        HintLine.draw(&canvas, rect, hints: KeyBindings.hints(state), rightEnd: KeyBindings.rightEndHint(state), theme: theme)
    }

    /// A text field with a visible cursor (a reversed cell), scrolled so the cursor shows.
    static func prompt(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, label: String, field: TextInput) {
        let theme = state.theme
        var x = rect.x
        x += canvas.put(" " + label, x: x, y: rect.y, style: theme[.key], limit: max(0, rect.width - 10))
        TextFieldView.draw(&canvas, Rect(x: x, y: rect.y, width: rect.maxX - x, height: 1), field: field,
                           style: theme[.status], focused: true)
    }
}
