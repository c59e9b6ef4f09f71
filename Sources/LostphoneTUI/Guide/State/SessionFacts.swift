/// What this session learnt about the disk: whether the state directory can be written, and
/// how many actions it refused.
public struct SessionFacts: Hashable, Sendable {
    /// The state directory that cannot be written, or nil: the screen is then a read-only view
    /// of the guide and of what was recorded before.
    public var readOnlyDirectory: String?
    /// How many actions the disk refused this session; quitting says so rather than claiming
    /// everything was saved.
    public var unsavedActions = 0

    public init() {}
}
