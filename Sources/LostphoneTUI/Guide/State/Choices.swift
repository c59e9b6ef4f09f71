import LostphoneCore

/// What the person chose and what the next key acts on: providers picked per step and per
/// group, a recording key waiting for its second press, what was just recorded, the provider
/// of the open note and when the next action happened.
public struct Choices: Hashable, Sendable {
    /// The provider the person picked per step with ←/→ (or search, or the screen after a done
    /// moved on to their next one); kept in the screen's memory across restarts.
    public var providerChoice: [StepID: ProviderID] = [:]
    /// The provider last chosen or acted on per group (carrier, bank, brand): preselected in
    /// every step of that group. Rebuilt from the journal at start (`restore`).
    public var groupChoice: [String: ProviderID] = [:]
    /// A recording key waiting for its second press (the provider shown was not chosen).
    public var armed: Armed?
    /// What was just recorded, while the selection moved on; the next key other than `n` forgets it.
    public var justRecorded: RecordedTarget?
    /// The provider the open note is for.
    public var noteProvider: ProviderID?
    /// When the next recorded action happened, given with `@`; nil: now.
    public var happenedAt: Timestamp?

    public init() {}
}
