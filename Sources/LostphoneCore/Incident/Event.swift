/// What kind of thing an event records.
public enum EventKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// The incident began (always the first event).
    case opened
    /// Lost-at time or device details were entered or changed.
    case details
    /// A step changed state.
    case move
    /// A note (reference or case number, name of the agent) was added to a step or provider.
    case note
    /// A provider was marked as one the person uses, or unmarked (`mine`).
    case mine
    /// The person has none (or no other) of a step's providers: no lending platform, no other
    /// bank. The step counts as settled when none of its providers is theirs.
    case noneOfMine
    /// A compensating event: restores what event `undoes` changed.
    case undo
    /// The person declared the incident resolved.
    case resolved
}

/// One line of the journal (docs/journal-format.md). A move carries the state before and after;
/// an undo names the event it takes back. Journals opened before provider tracking (no
/// `journalVersion`) also carry `previousProvider` and `previousNote`, read but no longer written.
public struct Event: Codable, Sendable, Hashable {
    public var seq: Int
    public var at: Timestamp
    public var kind: EventKind

    // step events (move, note, undo)
    public var step: StepID?
    public var from: StepState?
    public var to: StepState?
    /// The provider acted on (nil for a step without providers).
    public var provider: ProviderID?
    /// A note's text.
    public var note: String?
    /// When the person says it happened, if earlier than `at` (when it was recorded).
    public var happenedAt: Timestamp?
    /// For `mine`: marked (true) or unmarked.
    public var mine: Bool?
    public var previousProvider: ProviderID?
    public var previousNote: String?
    /// For `undo`: the seq of the event it compensates.
    public var undoes: Int?
    /// Written from the person's profile when the incident opened (`details`, `mine`, a tip
    /// done before, an app that is not theirs skipped): part of the record, but not an action
    /// `u` takes back.
    public var prepared: Bool?
    /// A deadline the person set: on a `blocked` move, when to try again; on a note, the date
    /// its item is due (an insurer's claim window). Either is a follow-up (`FollowUps`).
    public var due: Timestamp?
    /// On a note: the follow-up it closes, by its key within the step and provider (a playbook
    /// follow-up's id, or `e` and the seq of the event that set a date).
    public var closes: String?

    // incident events (opened, details)
    /// For `opened`: 2 since provider tracking; absent in older journals.
    public var journalVersion: Int?
    /// For `opened`: how many prepared events follow it, written with it in one file. Absent in
    /// journals of earlier versions, which appended them one by one after it.
    public var preparedEvents: Int?
    public var playbook: String?
    public var playbookVersion: Int?
    public var lostAt: Timestamp?
    public var deviceModel: String?
    public var imei: String?
    public var lostNumber: String?
    public var owner: String?
    public var insurer: String?
    public var policy: String?
    /// For `details`: the insurance's claim window (`30d`), from the profile.
    public var claimWithin: String?

    public init(seq: Int, at: Timestamp, kind: EventKind, step: StepID? = nil, from: StepState? = nil,
                to: StepState? = nil, provider: ProviderID? = nil, note: String? = nil,
                previousProvider: ProviderID? = nil, previousNote: String? = nil, undoes: Int? = nil,
                happenedAt: Timestamp? = nil, mine: Bool? = nil, journalVersion: Int? = nil,
                playbook: String? = nil, playbookVersion: Int? = nil, lostAt: Timestamp? = nil,
                deviceModel: String? = nil, imei: String? = nil, lostNumber: String? = nil, owner: String? = nil,
                insurer: String? = nil, policy: String? = nil, prepared: Bool? = nil,
                due: Timestamp? = nil, closes: String? = nil, claimWithin: String? = nil) {
        self.seq = seq; self.at = at; self.kind = kind; self.step = step; self.from = from; self.to = to
        self.provider = provider; self.note = note; self.previousProvider = previousProvider
        self.previousNote = previousNote; self.undoes = undoes; self.playbook = playbook
        self.playbookVersion = playbookVersion; self.lostAt = lostAt; self.deviceModel = deviceModel
        self.imei = imei; self.happenedAt = happenedAt; self.mine = mine; self.journalVersion = journalVersion
        self.lostNumber = lostNumber; self.owner = owner; self.prepared = prepared
        self.insurer = insurer; self.policy = policy
        self.due = due; self.closes = closes; self.claimWithin = claimWithin
    }
}
