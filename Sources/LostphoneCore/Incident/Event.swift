/// What kind of thing an event records.
public enum EventKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// The incident began (always the first event).
    case opened
    /// Lost-at time or device details were entered or changed.
    case details
    /// A step changed state.
    case move
    /// A note (reference or case number, name of the agent) was attached to a step.
    case note
    /// A compensating event: restores what event `undoes` changed.
    case undo
    /// The person declared the incident resolved.
    case resolved
}

/// One line of the journal. Step events carry both the values before and after, so the state is
/// a plain fold (`after` wins) and an undo is just another event with before and after swapped.
public struct Event: Codable, Sendable, Hashable {
    public var seq: Int
    public var at: Timestamp
    public var kind: EventKind

    // step events (move, note, undo)
    public var step: StepID?
    public var from: StepState?
    public var to: StepState?
    /// The provider after the event.
    public var provider: ProviderID?
    /// The note after the event.
    public var note: String?
    public var previousProvider: ProviderID?
    public var previousNote: String?
    /// For `undo`: the seq of the event it compensates.
    public var undoes: Int?

    // incident events (opened, details)
    public var playbook: String?
    public var playbookVersion: Int?
    public var lostAt: Timestamp?
    public var deviceModel: String?
    public var imei: String?

    public init(seq: Int, at: Timestamp, kind: EventKind, step: StepID? = nil, from: StepState? = nil,
                to: StepState? = nil, provider: ProviderID? = nil, note: String? = nil,
                previousProvider: ProviderID? = nil, previousNote: String? = nil, undoes: Int? = nil,
                playbook: String? = nil, playbookVersion: Int? = nil, lostAt: Timestamp? = nil,
                deviceModel: String? = nil, imei: String? = nil) {
        self.seq = seq; self.at = at; self.kind = kind; self.step = step; self.from = from; self.to = to
        self.provider = provider; self.note = note; self.previousProvider = previousProvider
        self.previousNote = previousNote; self.undoes = undoes; self.playbook = playbook
        self.playbookVersion = playbookVersion; self.lostAt = lostAt; self.deviceModel = deviceModel
        self.imei = imei
    }
}
