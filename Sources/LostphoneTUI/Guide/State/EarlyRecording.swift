import LostphoneCore

/// A recording held back because the step requires others that are still open (erase before
/// the police report): `y` records it as it was asked, any other key drops it.
public struct EarlyRecording: Hashable, Sendable {
    public var step: StepID
    public var target: StepState
    public var provider: ProviderID?
    /// The required steps not yet done or skipped, in the order the step lists them.
    public var unmet: [StepID]
}
