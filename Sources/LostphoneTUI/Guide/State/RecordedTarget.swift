import LostphoneCore

/// A step and provider an action was just recorded for: a note right after goes to it, though
/// the selection has moved on.
public struct RecordedTarget: Hashable, Sendable {
    public var step: StepID
    public var provider: ProviderID?
}
