import LostphoneCore
import TerminalKit

/// A contact as a QR code in a box, for a borrowed phone's camera: scanning `tel:10086` offers to
/// dial, scanning an address opens it. Light modules are drawn in white and dark ones in black
/// whatever the theme, because a scanner needs dark on light. The block characters are the dark
/// modules, so without colour (NO_COLOR, where a background is shown as reverse video) a dark
/// terminal still shows dark on light.
enum QRCodeView {
    /// How modules become cells.
    enum Drawing: Equatable {
        /// One column and half a row per module: ▀ ▄ █ and space. Small, square on most fonts.
        case halfBlocks
        /// Two columns and one row per module, spaces only: for terminals that draw the block
        /// characters two columns wide (East Asian ambiguous width) or where they would not fit.
        case twoColumns
    }

    /// Light modules around the code; the standard asks for 4, scanners read 2 on a screen.
    static let quietZone = 2
    static let light = Color.rgb(255, 255, 255)
    static let dark = Color.rgb(0, 0, 0)

    /// Whether the block characters take one column each by the canvas's width rule.
    static var blocksAreNarrow: Bool { ["▀", "▄", "█"].allSatisfy { TextWidth.of($0) == 1 } }

    /// The columns and rows the code takes with `drawing`, quiet zone included.
    static func extent(_ code: QRCode, _ drawing: Drawing) -> (columns: Int, rows: Int) {
        let n = code.size + 2 * quietZone
        return drawing == .halfBlocks ? (n, (n + 1) / 2) : (2 * n, n)
    }

    /// Half blocks where they are one column wide and fit, else two columns per module where
    /// that fits; nil when neither fits in `columns` × `rows`.
    static func drawing(for code: QRCode, columns: Int, rows: Int, blocksAreNarrow: Bool = blocksAreNarrow) -> Drawing? {
        let candidates: [Drawing] = blocksAreNarrow ? [.halfBlocks, .twoColumns] : [.twoColumns]
        return candidates.first { d in
            let e = extent(code, d)
            return e.columns <= columns && e.rows <= rows
        }
    }

    /// Draws the code with its top-left corner (quiet zone included) at (x, y).
    static func drawCode(_ canvas: inout Canvas, _ code: QRCode, x: Int, y: Int, drawing: Drawing) {
        let q = quietZone
        let n = code.size + 2 * q
        switch drawing {
        case .halfBlocks:
            // The glyph is the dark part, on a light cell.
            let style = Style(foreground: dark, background: light)
            for row in 0..<((n + 1) / 2) {
                var line = ""
                for col in 0..<n {
                    let top = code.isDark(x: col - q, y: 2 * row - q)
                    let bottom = 2 * row + 1 < n && code.isDark(x: col - q, y: 2 * row + 1 - q)
                    line += top ? (bottom ? "█" : "▀") : (bottom ? "▄" : " ")
                }
                canvas.put(line, x: x, y: y + row, style: style)
            }
        case .twoColumns:
            for row in 0..<n {
                for col in 0..<n {
                    let isLight = !code.isDark(x: col - q, y: row - q)
                    canvas.put("  ", x: x + 2 * col, y: y + row, style: Style(background: isLight ? light : dark))
                }
            }
        }
    }

    static func draw(_ canvas: inout Canvas, _ screen: Rect, _ content: QRCodeContent, theme: Theme) {
        let code = content.code
        let textWidth = max(TextWidth.of(content.caption), TextWidth.of(content.hint))
        // The box: borders and padding take 4 columns and 4 rows (2 lines of text).
        guard let drawing = drawing(for: code, columns: screen.width - 6, rows: screen.height - 2) else {
            let text = content.tooSmall
            let inner = Box.draw(&canvas, width: TextWidth.of(text) + 4, height: 3, title: "QR", theme: theme, screen: screen, margin: 0)
            canvas.put(text, x: inner.x, y: inner.y, style: theme[.warning], limit: inner.width)
            return
        }
        let e = extent(code, drawing)
        let fitsText = e.rows + 4 <= screen.height
        let inner = Box.draw(&canvas, width: max(e.columns, min(textWidth, screen.width - 6)) + 4,
                             height: e.rows + (fitsText ? 4 : 2), title: content.title, theme: theme, screen: screen, margin: 0)
        drawCode(&canvas, code, x: inner.x + (inner.width - e.columns) / 2, y: inner.y, drawing: drawing)
        if fitsText {
            canvas.put(content.caption, x: inner.x, y: inner.y + e.rows, style: theme[.overlay], limit: inner.width)
            canvas.put(content.hint, x: inner.x, y: inner.y + e.rows + 1, style: theme[.muted], limit: inner.width)
        }
    }
}
