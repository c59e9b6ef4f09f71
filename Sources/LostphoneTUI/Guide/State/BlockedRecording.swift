import LostphoneCore

/// A blocked state waiting for its retry time: the provider and happened-at time it was asked for.
public struct BlockedRecording: Hashable, Sendable {
    public var step: StepID
    public var provider: ProviderID?
    public var happenedAt: Timestamp?
}
