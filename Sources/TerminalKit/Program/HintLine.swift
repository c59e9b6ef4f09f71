import LostphoneCore

/// The key hints of a bottom line: ranked left to right as many as fit, and one kept at the
/// right end whatever else fits (as htop keeps F10 Quit). Every screen's.
public enum HintLine {
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, hints: [(keys: String, text: String)],
                            rightEnd: (keys: String, text: String)?, theme: Theme) {
        var end = rect.maxX
        if let right = rightEnd {
            let width = TextWidth.of(right.keys) + 1 + TextWidth.of(right.text) + 1
            if rect.width > width + 10 {
                end = rect.maxX - width
                let x = end + canvas.put(right.keys, x: end, y: rect.y, style: theme[.key])
                canvas.put(" " + right.text, x: x, y: rect.y, style: theme[.status])
            }
        }
        var x = rect.x + 1
        for (key, label) in hints {
            let w = TextWidth.of(key) + 1 + TextWidth.of(label) + 2
            if x + w > end { break }
            x += canvas.put(key, x: x, y: rect.y, style: theme[.key])
            x += canvas.put(" " + label + "  ", x: x, y: rect.y, style: theme[.status])
        }
    }
}
