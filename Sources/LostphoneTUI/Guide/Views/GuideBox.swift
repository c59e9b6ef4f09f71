import LostphoneCore
import TerminalKit

extension Box {
    /// A box centred on the guide's screen, in its theme.
    static func draw(_ canvas: inout Canvas, width: Int, height: Int, title: String, theme: Theme, screen: Rect,
                     margin: Int = 2) -> Rect {
        draw(&canvas, width: width, height: height, title: title, theme: theme,
             screenWidth: screen.width, screenHeight: screen.height, margin: margin)
    }
}
