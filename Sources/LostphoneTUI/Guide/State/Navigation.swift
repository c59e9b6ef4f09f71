/// Where the person is in the lists: the focused tab, the row selected and the first row shown
/// in each tab, and the details pane under them.
public struct Navigation: Hashable, Sendable {
    /// The focused tab: the playbook's panes, then the timeline, then what is due.
    public var focus: Int = 0
    /// The selected row, per tab.
    public var selection: [Int]
    /// The first row shown, per tab.
    public var scroll: [Int]
    /// The selected row in the focused tab.
    public var row: Int {
        get { selection[focus] }
        set { selection[focus] = newValue }
    }
    public var detailOpen = true
    public var detailScroll = 0

    /// Nothing selected nor scrolled in any of `tabs` tabs, the first focused, the details open.
    public init(tabs: Int) {
        selection = Array(repeating: 0, count: tabs)
        scroll = Array(repeating: 0, count: tabs)
    }
}
