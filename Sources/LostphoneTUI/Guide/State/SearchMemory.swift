/// What the screen remembers of `/` once its field is closed.
public struct SearchMemory: Hashable, Sendable {
    /// The last search that found something: `N` goes back through its hits.
    public var last: String?
    /// Right after the search field closed on a hit: `n` and Enter go to the next one. Any
    /// other key ends it, and `n` adds a note again.
    public var justClosed = false

    public init() {}
}
