import TerminalKit

/// Where the Due tab's items go: each takes a few lines (when and how late, what, whose and the
/// contact), so its list scrolls and is clicked by item, not by line.
enum DueLayout {
    static let linesPerItem = 3

    /// How many items the list shows whole (at least one).
    static func visibleItems(_ list: Rect) -> Int { max(1, list.height / linesPerItem) }

    /// The item under a line of the list.
    static func item(atY y: Int, list: Rect, scroll: Int) -> Int { scroll + (y - list.y) / linesPerItem }
}
