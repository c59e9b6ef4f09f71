import LostphoneCore

/// A text field: its text, scrolled so the cursor is visible, the cursor as a reversed cell.
public enum TextFieldView {
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, field: TextInput, style: Style, focused: Bool) {
        guard rect.width > 1 else { return }
        let chars = field.characters
        // Start far enough in that the cursor fits.
        var start = 0
        var widthToCursor = TextWidth.of(String(chars[0..<field.cursor]))
        while widthToCursor > rect.width - 2 && start < field.cursor {
            widthToCursor -= TextWidth.of(chars[start])
            start += 1
        }
        canvas.fill(rect, style: style)
        let visible = String(chars[start...])
        // A selected (pre-filled) text shows reversed: typing replaces it.
        var textStyle = style
        if focused && field.selected { textStyle.attributes.insert(.reverse) }
        canvas.put(visible, x: rect.x, y: rect.y, style: textStyle, limit: rect.width)
        guard focused else { return }
        let cx = rect.x + widthToCursor
        if cx < rect.maxX {
            let under = field.cursor < chars.count ? String(chars[field.cursor]) : " "
            var cursorStyle = style
            cursorStyle.attributes.insert(.reverse)
            canvas.put(under, x: cx, y: rect.y, style: cursorStyle, limit: rect.maxX - cx)
        }
    }
}
