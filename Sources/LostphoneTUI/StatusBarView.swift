import LostphoneCore

/// The bottom line: a prompt while typing, else the last message, else the key hints that fit.
enum StatusBarView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        canvas.fill(rect, style: theme[.status])
        let s = state.strings
        switch state.mode {
        case .note(_, let field):
            prompt(&canvas, rect, state, label: s.notePrompt, field: field)
            return
        case .search(let field, _):
            prompt(&canvas, rect, state, label: s.searchPrompt, field: field)
            return
        default: break
        }
        if let m = state.message {
            let element: ThemeElement = m.kind == .error ? .error : (m.kind == .success ? .success : .status)
            canvas.fill(rect, style: theme[element])
            canvas.put(" " + m.text, x: rect.x, y: rect.y, style: theme[element], limit: rect.width)
            return
        }
        // How to leave is always in sight, at the right end (as htop keeps F10 Quit).
        let quit = ("q", state.strings.hintQuit)
        let quitWidth = TextWidth.of(quit.0) + 1 + TextWidth.of(quit.1) + 1
        let end = rect.width > quitWidth + 10 ? rect.maxX - quitWidth : rect.maxX
        if end < rect.maxX {
            let qx = end + canvas.put(quit.0, x: end, y: rect.y, style: theme[.key])
            canvas.put(" " + quit.1, x: qx, y: rect.y, style: theme[.status])
        }
        var x = rect.x + 1
        for (key, label) in hints(state) where key != quit.0 {
            let w = TextWidth.of(key) + 1 + TextWidth.of(label) + 2
            if x + w > end { break }
            x += canvas.put(key, x: x, y: rect.y, style: theme[.key])
            x += canvas.put(" " + label + "  ", x: x, y: rect.y, style: theme[.status])
        }
    }

    /// Key hints, most important first, so whatever is cut for width is the least needed.
    static func hints(_ state: AppState) -> [(String, String)] {
        let s = state.strings
        return [
            ("?", s.hintHelp), ("d", s.hintDone), ("↑↓", s.hintMove), ("Tab", s.hintPane),
            ("s", s.hintStart), ("b", s.hintBlocked), ("n", s.hintNote), ("u", s.hintUndo),
            ("←→", s.hintProvider), ("x", s.hintSkip), ("Enter", s.hintDetail), ("e", s.hintExport),
            ("L", s.hintLanguage), ("q", s.hintQuit),
        ]
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
