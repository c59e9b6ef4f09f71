import LostphoneCore

/// "Another bank of yours?": the step, and the provider whose state was just recorded.
public struct AnotherQuestion: Hashable, Sendable {
    public var step: StepID
    public var provider: ProviderID
    public var state: StepState
    public var group: String
}
