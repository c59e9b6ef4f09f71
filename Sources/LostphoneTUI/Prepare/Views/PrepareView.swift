import LostphoneCore
import TerminalKit

/// Draws the form for a state: the title, the notices, the list of sections with their
/// checkboxes and fields, and the bottom line. Pure, like the guide's `Screen`.
public enum PrepareView {
    public static func render(_ state: PrepareState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height, style: state.theme[.text])
        let layout = PrepareLayout(state)
        // Below the minimum size the runtime shows its message instead (`Program.draw`).
        if layout.tooSmall { return canvas }
        let theme = state.theme
        canvas.fill(layout.header, style: theme[.header])
        canvas.put(" lostphone prepare · " + state.words[.profileTitle], x: 0, y: layout.header.y, style: theme[.headerTitle],
                   limit: layout.header.width)
        for (i, notice) in layout.notices.enumerated() {
            canvas.put(notice.spans, x: 0, y: layout.noticeRect.y + i, width: layout.noticeRect.width, theme: theme)
        }
        list(&canvas, layout, state)
        status(&canvas, layout, state)
        if case .help(let scroll) = state.mode { HelpOverlay.draw(&canvas, PrepareHelp.page(state), scroll: scroll) }
        return canvas
    }

    static func list(_ canvas: inout Canvas, _ layout: PrepareLayout, _ state: PrepareState) {
        let rect = layout.list
        let theme = state.theme
        let total = layout.lineCount(state)
        for screenRow in 0..<rect.height {
            let line = state.scroll + screenRow
            guard let (index, first) = layout.row(atLine: line, state) else { break }
            let y = rect.y + screenRow
            let row = state.rows[index]
            guard first else {
                // The edited field's refusal, under its text.
                let part = layout.errorLines[line - layout.line(ofRow: index, state) - 1]
                canvas.put(part, x: rect.x + layout.valueColumn, y: y, width: rect.width - layout.valueColumn, theme: theme)
                continue
            }
            let selected = index == state.selection
            var x = rect.x
            x += canvas.put(selected ? " › " : "   ", x: x, y: y, style: theme[.paneBorderFocused])
            switch row {
            case .heading:
                canvas.put(state.name(row), x: rect.x + 1, y: y, style: theme[.heading], limit: rect.width - 1)
            case .option, .tip:
                let ticked = state.isTicked(row) == true
                x += canvas.put(ticked ? "[x] " : "[ ] ", x: x, y: y, style: theme[ticked ? .stepDone : .muted])
                var date = ""
                if case .tip(let id) = row, let d = state.tipDate(id) { date = "✓ " + d }
                let dateWidth = date.isEmpty ? 0 : TextWidth.of(date) + 2
                let name = state.name(row)
                let room = max(0, rect.maxX - x - dateWidth - 1)
                x += canvas.put(TextWidth.truncate(name, to: room), x: x, y: y, style: theme[.text], limit: room)
                if !date.isEmpty { canvas.put("  " + date, x: x, y: y, style: theme[.success], limit: rect.maxX - x) }
            case .field(let field):
                canvas.put(field.label(state.words), x: x, y: y, style: theme[.text], limit: layout.valueColumn - 5)
                let valueRect = Rect(x: rect.x + layout.valueColumn, y: y, width: rect.width - layout.valueColumn - 1, height: 1)
                if let editor = state.editor, selected {
                    TextFieldView.draw(&canvas, valueRect, field: editor.input, style: theme[.input], focused: true)
                } else if let value = field.value(in: state.profile) {
                    canvas.put(TextWidth.truncate(value, to: valueRect.width), x: valueRect.x, y: y, style: theme[.text],
                               limit: valueRect.width)
                } else {
                    canvas.put("–", x: valueRect.x, y: y, style: theme[.muted])
                }
            }
            if selected && state.editor == nil {
                canvas.highlight(Rect(x: rect.x + 3, y: y, width: rect.width - 3, height: 1), with: theme[.selection])
            }
        }
        let hidden = total - state.scroll - rect.height
        if hidden > 0 {
            let text = " " + state.words[.moreRows(hidden)] + " "
            let width = TextWidth.of(text)
            canvas.put(text, x: max(rect.x, rect.maxX - width), y: rect.maxY - 1, style: theme[.muted], limit: rect.width)
        }
    }

    /// The bottom line: while editing, how to save or cancel; else the last message, else the
    /// hints that fit, with how to leave kept at the right end.
    static func status(_ canvas: inout Canvas, _ layout: PrepareLayout, _ state: PrepareState) {
        let rect = layout.status
        let theme = state.theme
        canvas.fill(rect, style: theme[.status])
        if state.editor != nil {
            canvas.put(" " + state.words[.formEditHint], x: rect.x, y: rect.y, style: theme[.key], limit: rect.width)
            return
        }
        if !layout.message.isEmpty {
            canvas.fill(rect, style: theme[layout.message[0].element])
            for (i, line) in layout.message.enumerated() {
                canvas.put(line.spans, x: rect.x, y: rect.y + i, width: rect.width, theme: theme)
            }
            return
        }
        HintLine.draw(&canvas, rect, hints: PrepareKeys.hints(on: state.selectedRow, state.language),
                               rightEnd: PrepareKeys.rightEndHint(state.language), theme: theme)
    }
}
