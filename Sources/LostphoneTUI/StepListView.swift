import LostphoneCore

/// A pane's steps: state glyph, priority, title, and when it last changed.
enum StepListView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let pane = state.playbook.panes[state.focus]
        let top = state.scroll[state.focus]
        for row in 0..<rect.height {
            let i = top + row
            guard i < pane.steps.count else { break }
            let step = pane.steps[i]
            let rec = state.incident.record(step.id)
            let y = rect.y + row
            let selected = i == state.selection[state.focus]
            var x = rect.x
            x += canvas.put(selected ? "›" : " ", x: x, y: y, style: state.theme[.paneBorderFocused])
            x += canvas.put(StepGlyph.glyph(rec.state) + " ", x: x, y: y, style: state.theme[StepGlyph.element(rec.state)])
            let number = step.priority.map { "\($0)" } ?? "\(i + 1)"
            x += canvas.put(TextWidth.padded(number, to: 2, alignRight: true) + " ", x: x, y: y, style: state.theme[.priority])
            let time = rec.updatedAt.map { DetailsInput.clock($0, seconds: false) } ?? ""
            let timeWidth = time.isEmpty || rect.width < 50 ? 0 : TextWidth.of(time) + 1
            let titleStyle = state.theme[rec.state == .skipped ? .stepSkipped : (rec.state == .done ? .stepDone : .text)]
            let room = max(0, rect.maxX - x - timeWidth - 1)
            // A cut title says so (…) rather than ending mid-word.
            canvas.put(TextWidth.truncate(step.title[state.language], to: room), x: x, y: y, style: titleStyle, limit: room)
            if timeWidth > 0 { canvas.put(time, x: rect.maxX - timeWidth, y: y, style: state.theme[.muted]) }
            if selected {
                let sel = state.theme[.selection]
                canvas.restyle(Rect(x: rect.x + 1, y: y, width: rect.width - 1, height: 1)) { s in
                    var s = s
                    s.attributes.formUnion(sel.attributes)
                    if sel.background != .default { s.background = sel.background }
                    if sel.foreground != .default { s.foreground = sel.foreground }
                    return s
                }
            }
        }
    }
}
