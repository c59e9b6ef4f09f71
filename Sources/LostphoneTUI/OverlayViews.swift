import LostphoneCore

/// A bordered box in the middle of the screen, for help and dialogs.
enum Box {
    /// Draws the frame and title; returns the inner rectangle.
    static func draw(_ canvas: inout Canvas, width: Int, height: Int, title: String, state: AppState, margin: Int = 2) -> Rect {
        draw(&canvas, width: width, height: height, title: title, theme: state.theme,
             screenWidth: state.width, screenHeight: state.height, margin: margin)
    }

    /// The same box on any full screen (the guide, the form of `lostphone prepare`).
    static func draw(_ canvas: inout Canvas, width: Int, height: Int, title: String, theme: Theme,
                     screenWidth: Int, screenHeight: Int, margin: Int = 2) -> Rect {
        let w = min(width, screenWidth - 2), h = min(height, screenHeight - margin)
        let rect = Rect(x: (screenWidth - w) / 2, y: (screenHeight - h) / 2, width: w, height: h)
        let border = theme[.overlayBorder]
        canvas.fill(rect, style: theme[.overlay])
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

/// Every key and what it does (the key table), wrapped to the box and scrollable when the
/// screen is short. The form of `lostphone prepare` shows its own table the same way.
enum HelpOverlay {
    /// What the box shows on a screen: the table's rows and a footer.
    struct Content {
        var rows: [(keys: String, does: String)]
        var footer: String
        var title: String
        var theme: Theme
        var screenWidth: Int
        var screenHeight: Int
    }

    static func content(_ state: AppState) -> Content {
        Content(rows: KeyBindings.helpRows(state.language), footer: state.words[.keysFooter], title: state.words[.keysTitle],
                theme: state.theme, screenWidth: state.width, screenHeight: state.height)
    }

    /// The box's size on this screen and its lines: a key column beside the wrapped text, or,
    /// where the screen is too narrow for both, each key line above its text.
    static func layout(_ c: Content) -> (width: Int, height: Int, lines: [(keys: String, does: [Span])], footer: [[Span]]) {
        let rows = c.rows
        let keyWidth = rows.map { TextWidth.of($0.keys) }.max() ?? 10
        let descWidth = rows.map { TextWidth.of($0.does) }.max() ?? 20
        let width = min(keyWidth + descWidth + 7, c.screenWidth - 2)
        let inner = max(1, width - 4)
        let besides = inner - keyWidth - 2 >= 20
        var lines: [(keys: String, does: [Span])] = []
        for row in rows {
            if besides {
                let wrapped = StyledLine(row.does, .overlay).wrapped(to: inner - keyWidth - 2)
                for (i, part) in wrapped.enumerated() { lines.append((i == 0 ? row.keys : "", part)) }
            } else {
                lines.append((row.keys, []))
                for part in StyledLine("  " + row.does, .overlay, hangingIndent: 2).wrapped(to: inner) { lines.append(("", part)) }
            }
        }
        let footer = StyledLine(c.footer, .muted).wrapped(to: inner)
        let height = min(lines.count + footer.count + 2, c.screenHeight)
        return (width, height, lines, footer)
    }

    /// How far the help scrolls on this screen.
    static func maxScroll(_ state: AppState) -> Int { maxScroll(content(state)) }

    static func maxScroll(_ c: Content) -> Int {
        let l = layout(c)
        return max(0, l.lines.count - max(1, l.height - 2 - l.footer.count))
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, scroll: Int) { draw(&canvas, content(state), scroll: scroll) }

    static func draw(_ canvas: inout Canvas, _ c: Content, scroll: Int) {
        let l = layout(c)
        let keyWidth = l.lines.map { TextWidth.of($0.keys) }.max() ?? 10
        let inner = Box.draw(&canvas, width: l.width, height: l.height, title: c.title, theme: c.theme,
                             screenWidth: c.screenWidth, screenHeight: c.screenHeight, margin: 0)
        let visible = max(1, inner.height - l.footer.count)
        let top = min(scroll, max(0, l.lines.count - visible))
        // Say that there is more, and which keys reach it.
        let border = c.theme[.overlayBorder]
        if top > 0 { canvas.put(" ↑ k ", x: inner.maxX - 5, y: inner.y - 1, style: border) }
        if top + visible < l.lines.count { canvas.put(" ↓ j ", x: inner.maxX - 5, y: inner.maxY, style: border) }
        let besides = l.lines.contains { !$0.keys.isEmpty && !$0.does.isEmpty }
        for (i, line) in l.lines.dropFirst(top).prefix(visible).enumerated() {
            let y = inner.y + i
            canvas.put(line.keys, x: inner.x, y: y, style: c.theme[.key], limit: inner.width)
            let x = besides ? inner.x + keyWidth + 2 : inner.x
            canvas.put(line.does, x: x, y: y, width: inner.maxX - x, theme: c.theme)
        }
        for (i, part) in l.footer.enumerated() where inner.maxY - l.footer.count + i >= inner.y {
            canvas.put(part, x: inner.x, y: inner.maxY - l.footer.count + i, width: inner.width, theme: c.theme)
        }
    }
}

/// The form of `i`: when the phone was lost, the owner, the number, the model and the IMEI.
enum DetailsFormView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, form: DetailsForm) {
        let w = state.words
        // A refusal (a wrong IMEI says why and where to find the real one) wraps below the
        // fields, the box growing to hold it.
        let footer = form.error.map { TextWidth.wrap($0, to: max(10, min(60, state.width - 6))) } ?? [w[.detailsHint]]
        let inner = Box.draw(&canvas, width: 64, height: 11 + footer.count, title: w[.detailsTitle], state: state)
        let labels: [DetailsForm.Field: String] = [
            .lostAt: w.capitalized(.lostAt), .owner: w.capitalized(.owner), .number: w.capitalized(.lostNumber),
            .model: w.capitalized(.phoneModel), .imei: w[.imei],
            .insurer: w.capitalized(.profile(.insurer)), .policy: w.capitalized(.profile(.policy)),
        ]
        let labelWidth = (labels.values.map { TextWidth.of($0) }.max() ?? 8) + 2
        for field in DetailsForm.Field.allCases {
            // The lost-at time has its hint on the line below it.
            let y = inner.y + 1 + field.rawValue + (field == .lostAt ? 0 : 1)
            guard y < inner.maxY - footer.count else { break }
            let focused = form.focus == field
            canvas.put(labels[field] ?? "", x: inner.x, y: y, style: state.theme[focused ? .heading : .text], limit: labelWidth)
            TextFieldView.draw(&canvas, Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1),
                               field: form[field], style: state.theme[.input], focused: focused)
            if field == .lostAt {
                canvas.put(w[.detailsLostAtHint], x: inner.x + labelWidth, y: y + 1, style: state.theme[.muted],
                           limit: inner.width - labelWidth)
            }
        }
        for (i, line) in footer.enumerated() where inner.maxY - footer.count + i >= inner.y {
            canvas.put(line, x: inner.x, y: inner.maxY - footer.count + i, style: state.theme[form.error == nil ? .muted : .error],
                       limit: inner.width)
        }
    }
}
