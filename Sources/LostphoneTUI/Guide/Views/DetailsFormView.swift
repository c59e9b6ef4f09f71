import LostphoneCore
import TerminalKit

extension Box {
    /// The box on the guide's screen, in its theme.
    static func draw(_ canvas: inout Canvas, width: Int, height: Int, title: String, state: AppState, margin: Int = 2) -> Rect {
        draw(&canvas, width: width, height: height, title: title, theme: state.theme,
             screenWidth: state.width, screenHeight: state.height, margin: margin)
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
