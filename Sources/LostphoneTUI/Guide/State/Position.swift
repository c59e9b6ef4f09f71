/// A place in the lists: a tab and a row.
public struct Position: Hashable, Sendable {
    public var tab: Int
    public var row: Int
}
