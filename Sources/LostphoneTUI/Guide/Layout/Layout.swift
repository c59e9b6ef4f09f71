import TerminalKit
/// Where everything goes for a screen size. `update` and the views use the same layout, so
/// scrolling keeps the selection where the person can see it.
public struct Layout: Hashable, Sendable {
    public static let minimumWidth = 40
    public static let minimumHeight = 10
    /// From this width on, the list and the details sit side by side.
    public static let sideBySideWidth = 100

    public var header: Rect
    public var tabs: Rect
    public var list: Rect
    /// Nil when the details are closed.
    public var detail: Rect?
    /// The line between list and details (vertical when side by side).
    public var divider: Rect?
    public var status: Rect
    public var tooSmall: Bool
    public var sideBySide: Bool

    public init(width: Int, height: Int, detailOpen: Bool) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        tooSmall = width < Layout.minimumWidth || height < Layout.minimumHeight
        let (header, rest1) = screen.splitTop(1)
        let (tabs, rest2) = rest1.splitTop(1)
        let (body, status) = rest2.splitBottom(1)
        self.header = header
        self.tabs = tabs
        self.status = status
        sideBySide = width >= Layout.sideBySideWidth
        guard detailOpen else {
            list = body; detail = nil; divider = nil
            return
        }
        if sideBySide {
            let listWidth = max(40, body.width * 45 / 100)
            let (l, rest) = body.splitLeft(listWidth)
            let (d, r) = rest.splitLeft(1)
            list = l; divider = d; detail = r
        } else {
            let listHeight = max(3, min(body.height / 3, 8))
            let (l, rest) = body.splitTop(listHeight)
            let (d, r) = rest.splitTop(1)
            list = l; divider = d; detail = r
        }
    }
}
