/// Where one step stands now: the fold of its events.
public struct StepRecord: Hashable, Sendable {
    public var state: StepState
    public var provider: ProviderID?
    public var note: String?
    /// When the step last changed; nil while nothing was recorded for it.
    public var updatedAt: Timestamp?

    public init(state: StepState = .pending, provider: ProviderID? = nil, note: String? = nil, updatedAt: Timestamp? = nil) {
        self.state = state; self.provider = provider; self.note = note; self.updatedAt = updatedAt
    }

    public static let initial = StepRecord()
}
