import LostphoneCore
import TerminalKit

/// The form of `i`: when the phone was lost, the owner, the number, the model and the IMEI,
/// the insurer and the policy.
enum DetailsFormView {
    static func draw(_ canvas: inout Canvas, _ screen: Rect, _ content: DetailsFormContent, theme: Theme) {
        let footer = content.footer
        let inner = Box.draw(&canvas, width: 64, height: 11 + footer.count, title: content.title, theme: theme, screen: screen)
        let labelWidth = (content.rows.map { TextWidth.of($0.label) }.max() ?? 8) + 2
        var y = inner.y + 1
        for row in content.rows {
            guard y < inner.maxY - footer.count else { break }
            canvas.put(row.label, x: inner.x, y: y, style: theme[row.focused ? .heading : .text], limit: labelWidth)
            TextFieldView.draw(&canvas, Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1),
                               field: row.field, style: theme[.input], focused: row.focused)
            // A hint (the lost-at time's forms) has the line below its field.
            if let hint = row.hint {
                canvas.put(hint, x: inner.x + labelWidth, y: y + 1, style: theme[.muted], limit: inner.width - labelWidth)
                y += 1
            }
            y += 1
        }
        for (i, line) in footer.enumerated() where inner.maxY - footer.count + i >= inner.y {
            canvas.put(line, x: inner.x, y: inner.maxY - footer.count + i, style: theme[content.isError ? .error : .muted],
                       limit: inner.width)
        }
    }
}
