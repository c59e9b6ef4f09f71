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

/// One line of the journal (docs/journal-format.md): when it was recorded, and a payload of its
/// kind holding only that kind's fields, so an event a kind cannot have (a move without its
/// states, a due date on a `mine`) cannot be built. A move carries the state before and after;
/// an undo names the event it takes back. Journals opened before provider tracking (no
/// `journalVersion`) also carry `previousProvider` and `previousNote`, read but no longer written.
///
/// The journal's JSON is the flat object it always was (`Event.Wire`): the same keys, absent
/// when empty, so journals of every version replay and new lines are byte for byte what
/// earlier versions wrote.
public struct Event: Sendable, Hashable {
    public var seq: Int
    public var at: Timestamp
    /// When the person says it happened, if earlier than `at` (when it was recorded).
    public var happenedAt: Timestamp?
    /// Written from the person's profile when the incident opened (`details`, `mine`, a tip
    /// done before, an app that is not theirs skipped): part of the record, but not an action
    /// `u` takes back.
    public var prepared: Bool?
    public var payload: Payload

    public init(seq: Int, at: Timestamp, happenedAt: Timestamp? = nil, prepared: Bool? = nil, _ payload: Payload) {
        self.seq = seq; self.at = at; self.happenedAt = happenedAt; self.prepared = prepared; self.payload = payload
    }

    public enum Payload: Sendable, Hashable {
        case opened(Opened)
        case details(Details)
        case move(Move)
        case note(NoteEntry)
        /// A provider marked as the person's (`mine` true or absent) or unmarked.
        case mine(Mark)
        case noneOfMine(step: StepID)
        case undo(Undo)
        case resolved
    }

    /// The `opened` event's fields.
    public struct Opened: Sendable, Hashable {
        /// 2 since provider tracking; absent in older journals.
        public var journalVersion: Int?
        /// How many prepared events follow it, written with it in one file. Absent in journals
        /// of earlier versions, which appended them one by one after it.
        public var preparedEvents: Int?
        public var playbook: String?
        public var playbookVersion: Int?

        public init(journalVersion: Int? = nil, preparedEvents: Int? = nil, playbook: String? = nil, playbookVersion: Int? = nil) {
            self.journalVersion = journalVersion; self.preparedEvents = preparedEvents
            self.playbook = playbook; self.playbookVersion = playbookVersion
        }
    }

    /// A `details` event: when the phone was lost and the device's details (the claim window
    /// comes from the profile).
    public struct Details: Sendable, Hashable {
        public var lostAt: Timestamp?
        public var device: DeviceDetails

        public init(lostAt: Timestamp? = nil, device: DeviceDetails = DeviceDetails()) {
            self.lostAt = lostAt; self.device = device
        }
    }

    /// What journals from before provider tracking wrote on a step event; read, never written.
    public struct Legacy: Sendable, Hashable {
        public var previousProvider: ProviderID?
        public var previousNote: String?

        public init(previousProvider: ProviderID? = nil, previousNote: String? = nil) {
            self.previousProvider = previousProvider; self.previousNote = previousNote
        }
    }

    /// A step (or one provider of it) moved from one state to another.
    public struct Move: Sendable, Hashable {
        public var step: StepID
        public var from: StepState
        public var to: StepState
        /// The provider acted on (nil for a step without providers).
        public var provider: ProviderID?
        /// On a move to `blocked`: when to try again (a follow-up, `FollowUps`).
        public var due: Timestamp?
        public var legacy: Legacy

        public init(step: StepID, from: StepState, to: StepState, provider: ProviderID? = nil, due: Timestamp? = nil,
                    legacy: Legacy = Legacy()) {
            self.step = step; self.from = from; self.to = to; self.provider = provider; self.due = due; self.legacy = legacy
        }
    }

    /// A note on a step or one of its providers.
    public struct NoteEntry: Sendable, Hashable {
        public var step: StepID
        public var provider: ProviderID?
        /// The text; an older journal's note could clear the note (no text).
        public var text: String?
        /// The date its item is due (an insurer's claim window): a follow-up.
        public var due: Timestamp?
        /// The follow-up it closes, by its key within the step and provider (a playbook
        /// follow-up's id, or `e` and the seq of the event that set a date).
        public var closes: String?
        public var legacy: Legacy

        public init(step: StepID, provider: ProviderID? = nil, text: String?, due: Timestamp? = nil, closes: String? = nil,
                    legacy: Legacy = Legacy()) {
            self.step = step; self.provider = provider; self.text = text; self.due = due; self.closes = closes
            self.legacy = legacy
        }
    }

    /// A provider of a step marked as the person's, or unmarked.
    public struct Mark: Sendable, Hashable {
        public var step: StepID
        public var provider: ProviderID
        /// Marked (true) or unmarked; absent is marked.
        public var mine: Bool?

        public init(step: StepID, provider: ProviderID, mine: Bool?) {
            self.step = step; self.provider = provider; self.mine = mine
        }
    }

    /// Takes back the step action `undoes`, with the provider's state before and after.
    public struct Undo: Sendable, Hashable {
        public var step: StepID
        public var from: StepState?
        public var to: StepState?
        public var provider: ProviderID?
        public var undoes: Int
        public var legacy: Legacy

        public init(step: StepID, from: StepState? = nil, to: StepState? = nil, provider: ProviderID? = nil, undoes: Int,
                    legacy: Legacy = Legacy()) {
            self.step = step; self.from = from; self.to = to; self.provider = provider; self.undoes = undoes; self.legacy = legacy
        }
    }
}

// MARK: - reading the payload (for reports, the screen and the command line)

extension Event {
    public var kind: EventKind {
        switch payload {
        case .opened: .opened
        case .details: .details
        case .move: .move
        case .note: .note
        case .mine: .mine
        case .noneOfMine: .noneOfMine
        case .undo: .undo
        case .resolved: .resolved
        }
    }

    /// The step of a move, note, mark, noneOfMine or undo.
    public var step: StepID? {
        switch payload {
        case .move(let m): m.step
        case .note(let n): n.step
        case .mine(let m): m.step
        case .noneOfMine(let step): step
        case .undo(let u): u.step
        case .opened, .details, .resolved: nil
        }
    }

    public var from: StepState? {
        switch payload {
        case .move(let m): m.from
        case .undo(let u): u.from
        default: nil
        }
    }

    public var to: StepState? {
        switch payload {
        case .move(let m): m.to
        case .undo(let u): u.to
        default: nil
        }
    }

    /// The provider acted on (nil for a step without providers).
    public var provider: ProviderID? {
        switch payload {
        case .move(let m): m.provider
        case .note(let n): n.provider
        case .mine(let m): m.provider
        case .undo(let u): u.provider
        default: nil
        }
    }

    /// A note's text.
    public var note: String? {
        if case .note(let n) = payload { return n.text }
        return nil
    }

    /// For `mine`: marked (true) or unmarked.
    public var mine: Bool? {
        if case .mine(let m) = payload { return m.mine }
        return nil
    }

    /// For `undo`: the seq of the event it compensates.
    public var undoes: Int? {
        if case .undo(let u) = payload { return u.undoes }
        return nil
    }

    /// A deadline the person set: on a `blocked` move, when to try again; on a note, the date
    /// its item is due. Either is a follow-up (`FollowUps`).
    public var due: Timestamp? {
        switch payload {
        case .move(let m): m.due
        case .note(let n): n.due
        default: nil
        }
    }

    /// On a note: the follow-up it closes.
    public var closes: String? {
        if case .note(let n) = payload { return n.closes }
        return nil
    }

    var legacy: Legacy? {
        switch payload {
        case .move(let m): m.legacy
        case .note(let n): n.legacy
        case .undo(let u): u.legacy
        default: nil
        }
    }

    public var previousProvider: ProviderID? { legacy?.previousProvider }
    public var previousNote: String? { legacy?.previousNote }

    var opened: Opened? {
        if case .opened(let o) = payload { return o }
        return nil
    }

    public var journalVersion: Int? { opened?.journalVersion }
    public var preparedEvents: Int? { opened?.preparedEvents }
    public var playbook: String? { opened?.playbook }
    public var playbookVersion: Int? { opened?.playbookVersion }

    var details: Details? {
        if case .details(let d) = payload { return d }
        return nil
    }

    public var lostAt: Timestamp? { details?.lostAt }
    public var deviceModel: String? { details?.device.model }
    public var imei: String? { details?.device.imei }
    public var lostNumber: String? { details?.device.number }
    public var owner: String? { details?.device.owner }
    public var insurer: String? { details?.device.insurer }
    public var policy: String? { details?.device.policy }
    /// For `details`: the insurance's claim window (`30d`), from the profile.
    public var claimWithin: String? { details?.device.claimWithin }
}
