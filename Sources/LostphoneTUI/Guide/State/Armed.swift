import LostphoneCore

/// A recording key pressed for a provider the person has not chosen: pressed again, it records.
public struct Armed: Hashable, Sendable {
    public var step: StepID
    public var provider: ProviderID
    public var action: Action
}
