import LostphoneCore

/// A bordered box in the middle of the screen, for help and dialogs.
public enum Box {
    /// Draws the frame and title in the middle of a screen of the given size; returns the inner
    /// rectangle. The same box on any full screen (the guide, the form of `lostphone prepare`).
    public static func draw(_ canvas: inout Canvas, width: Int, height: Int, title: String, theme: Theme,
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

/// The help of a screen: its key table's rows and a footer, wrapped to the screen and
/// scrollable when the screen is short. Geometry only; `HelpOverlay` draws it.
public struct HelpPage {
    public var rows: [(keys: String, does: String)]
    public var footer: String
    public var title: String
    public var theme: Theme
    public var screenWidth: Int
    public var screenHeight: Int

    public init(rows: [(keys: String, does: String)], footer: String, title: String, theme: Theme,
                screenWidth: Int, screenHeight: Int) {
        self.rows = rows; self.footer = footer; self.title = title; self.theme = theme
        self.screenWidth = screenWidth; self.screenHeight = screenHeight
    }

    /// The box's size on this screen and its lines: a key column beside the wrapped text, or,
    /// where the screen is too narrow for both, each key line above its text.
    public func layout() -> (width: Int, height: Int, lines: [(keys: String, does: [Span])], footer: [[Span]]) {
        let keyWidth = rows.map { TextWidth.of($0.keys) }.max() ?? 10
        let descWidth = rows.map { TextWidth.of($0.does) }.max() ?? 20
        let width = min(keyWidth + descWidth + 7, screenWidth - 2)
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
        let footer = StyledLine(footer, .muted).wrapped(to: inner)
        let height = min(lines.count + footer.count + 2, screenHeight)
        return (width, height, lines, footer)
    }

    /// How far the help scrolls on this screen.
    public var maxScroll: Int {
        let l = layout()
        return max(0, l.lines.count - max(1, l.height - 2 - l.footer.count))
    }
}

/// Every key and what it does (the key table) in a box, the same on every screen.
public enum HelpOverlay {
    public static func draw(_ canvas: inout Canvas, _ c: HelpPage, scroll: Int) {
        let l = c.layout()
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

extension HelpPage {
    /// The help after a key, the same on every screen: ↑ ↓ j k scroll a line, PgUp PgDn five,
    /// Ctrl-L redraws, and Esc, ?, ？, q or Enter close it (`scroll` nil), as its footer says.
    /// Any other key is ignored, so a key meant for the screen behind does nothing unseen.
    public func after(_ key: Key, scroll: Int) -> (scroll: Int?, redraw: Bool) {
        switch key {
        case .escape, .char("?"), .char("？"), .char("q"), .enter: (nil, false)
        case .down, .char("j"): (min(scroll + 1, maxScroll), false)
        case .up, .char("k"): (max(0, scroll - 1), false)
        case .pageDown: (min(scroll + 5, maxScroll), false)
        case .pageUp: (max(0, scroll - 5), false)
        // As in the lists (and less, and vim): g and Home to the top, G and End to the end.
        case .home, .char("g"): (0, false)
        case .end, .char("G"): (maxScroll, false)
        case .ctrl("l"): (scroll, true)
        default: (scroll, false)
        }
    }
}
