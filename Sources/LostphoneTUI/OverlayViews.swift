import LostphoneCore

/// A bordered box in the middle of the screen, for help and dialogs.
enum Box {
    /// Draws the frame and title; returns the inner rectangle.
    static func draw(_ canvas: inout Canvas, width: Int, height: Int, title: String, state: AppState, margin: Int = 2) -> Rect {
        let w = min(width, state.width - 2), h = min(height, state.height - margin)
        let rect = Rect(x: (state.width - w) / 2, y: (state.height - h) / 2, width: w, height: h)
        let border = state.theme[.overlayBorder]
        canvas.fill(rect, style: state.theme[.overlay])
        let horizontal = String(repeating: "─", count: max(0, w - 2))
        canvas.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border)
        canvas.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.put("│", x: rect.x, y: y, style: border)
            canvas.put("│", x: rect.maxX - 1, y: y, style: border)
        }
        canvas.put(" \(title) ", x: rect.x + 2, y: rect.y, style: border, limit: w - 4)
        return Rect(x: rect.x + 2, y: rect.y + 1, width: w - 4, height: h - 2)
    }
}

/// Every key and what it does (the key table), scrollable when the screen is short.
enum HelpOverlay {
    static func draw(_ canvas: inout Canvas, _ state: AppState, scroll: Int) {
        let rows = KeyBindings.helpRows(state.language)
        let keyWidth = rows.map { TextWidth.of($0.keys) }.max() ?? 10
        let descWidth = rows.map { TextWidth.of($0.does) }.max() ?? 20
        let inner = Box.draw(&canvas, width: keyWidth + descWidth + 7, height: rows.count + 4,
                             title: state.words[.keysTitle], state: state, margin: 0)
        let visible = max(1, inner.height - 1)
        let top = min(scroll, max(0, rows.count - visible))
        // Say that there is more, and which keys reach it.
        let border = state.theme[.overlayBorder]
        if top > 0 { canvas.put(" ↑ k ", x: inner.maxX - 5, y: inner.y - 1, style: border) }
        if top + visible < rows.count { canvas.put(" ↓ j ", x: inner.maxX - 5, y: inner.maxY, style: border) }
        for (i, row) in rows.dropFirst(top).prefix(visible).enumerated() {
            let y = inner.y + i
            canvas.put(row.keys, x: inner.x, y: y, style: state.theme[.key], limit: keyWidth)
            canvas.put(row.does, x: inner.x + keyWidth + 2, y: y, style: state.theme[.overlay],
                       limit: inner.width - keyWidth - 2)
        }
        canvas.put(state.words[.keysFooter], x: inner.x, y: inner.maxY - 1, style: state.theme[.muted], limit: inner.width)
    }
}

/// The form of `i`: when the phone was lost, the owner, the number, the model and the IMEI.
enum DetailsFormView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, form: DetailsForm) {
        let w = state.words
        let inner = Box.draw(&canvas, width: 64, height: 10, title: w[.detailsTitle], state: state)
        let labels: [DetailsForm.Field: String] = [
            .lostAt: w.capitalized(.lostAt), .owner: w.capitalized(.owner), .number: w.capitalized(.lostNumber),
            .model: w.capitalized(.phoneModel), .imei: w[.imei],
        ]
        let labelWidth = (labels.values.map { TextWidth.of($0) }.max() ?? 8) + 2
        for field in DetailsForm.Field.allCases {
            // The lost-at time has its hint on the line below it.
            let y = inner.y + 1 + field.rawValue + (field == .lostAt ? 0 : 1)
            guard y < inner.maxY - 1 else { break }
            let focused = form.focus == field
            canvas.put(labels[field] ?? "", x: inner.x, y: y, style: state.theme[focused ? .heading : .text], limit: labelWidth)
            TextFieldView.draw(&canvas, Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1),
                               field: form[field], style: state.theme[.input], focused: focused)
            if field == .lostAt {
                canvas.put(w[.detailsLostAtHint], x: inner.x + labelWidth, y: y + 1, style: state.theme[.muted],
                           limit: inner.width - labelWidth)
            }
        }
        let footer = form.error ?? w[.detailsHint]
        canvas.put(footer, x: inner.x, y: inner.maxY - 1, style: state.theme[form.error == nil ? .muted : .error],
                   limit: inner.width)
    }
}
