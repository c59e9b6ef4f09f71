/// Where a step stands. The allowed moves are the design's state machine; anything else is refused.
public enum StepState: String, Codable, CaseIterable, Sendable, Hashable {
    case pending
    case inProgress
    case done
    /// Tried and could not get through: retry later.
    case blocked
    /// Does not apply.
    case skipped

    /// The states this one may move to.
    public var allowedMoves: Set<StepState> {
        switch self {
        case .pending: [.inProgress, .done, .blocked, .skipped]
        case .inProgress: [.done, .blocked, .skipped, .pending]
        case .blocked: [.inProgress, .done, .skipped, .pending]
        case .done: [.pending]
        case .skipped: [.pending]
        }
    }

    public func canMove(to next: StepState) -> Bool { allowedMoves.contains(next) }

    /// Finished one way or the other: counts towards a pane's progress.
    public var isSettled: Bool { self == .done || self == .skipped }
}
