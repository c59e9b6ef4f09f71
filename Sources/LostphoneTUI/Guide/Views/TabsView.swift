import LostphoneCore
import TerminalKit

/// The pane tabs, as the layout placed them; the focused one reversed.
enum TabsView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, tabs: [(label: String, x: Int, width: Int)], focus: Int, theme: Theme) {
        for (i, t) in tabs.enumerated() {
            let focused = i == focus
            var style = theme[focused ? .paneBorderFocused : .paneBorder]
            if focused { style.attributes.insert(.reverse) }
            canvas.put(" \(t.label) ", x: rect.x + t.x, y: rect.y, style: style, limit: rect.maxX - rect.x - t.x)
        }
    }
}
