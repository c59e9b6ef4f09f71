/// A note the person added: a reference number, an agent's name. Notes are added, never edited.
public struct Note: Hashable, Sendable {
    /// When it was recorded.
    public var at: Timestamp
    /// When the person says it happened, if earlier.
    public var happenedAt: Timestamp?
    public var text: String
}

/// Where one provider of a step stands (a bank, a carrier), or the step itself when it has no
/// providers: the fold of its events.
public struct ProviderRecord: Hashable, Sendable {
    public var state: StepState = .pending
    /// One the person uses: acted on, or marked with `m`; one with something recorded
    /// (`holdsRecord`) stays so.
    public var mine = false
    /// When its state last changed; nil while none was recorded.
    public var updatedAt: Timestamp?
    /// When the person says the last change happened, if they said.
    public var happenedAt: Timestamp?
    public var notes: [Note] = []

    public init() {}

    /// Whether something is recorded for it that every view shows: a state other than to do,
    /// or a note. It cannot be un-marked then.
    public var holdsRecord: Bool { state != .pending || !notes.isEmpty }

    /// The time to show and report for the last change: the happened time when given.
    public var effectiveAt: Timestamp? { happenedAt ?? updatedAt }
}

/// Where one step stands: a record per provider acted on (or the step's own, keyed nil, when it
/// has no providers), and the step's state derived from those the person uses.
public struct StepRecord: Hashable, Sendable {
    private var records: [ProviderID?: ProviderRecord] = [:]
    /// Providers in the order they were first acted on or marked.
    public private(set) var order: [ProviderID?] = []
    /// The provider of the last event, for choosing which to show.
    public var lastProvider: ProviderID?
    /// Whether the person's profile named their providers here when the incident opened: the
    /// others are then "not yours".
    public internal(set) var prepared = false
    /// Whether the person said they have none (or no other) of the step's providers.
    public internal(set) var noneOfMine = false
    /// When they last said so (recorded): the step's time while none of its providers is theirs.
    public internal(set) var noneOfMineAt: Timestamp?
    /// The `to` of the step's last move, whatever the provider: the step's state as journals
    /// before provider tracking (no `journalVersion`) recorded it, checked only for them.
    var legacyState: StepState = .pending

    public init() {}

    public static let initial = StepRecord()

    /// Where `provider` stands (nil: the step's own record).
    public func provider(_ provider: ProviderID?) -> ProviderRecord { records[provider] ?? ProviderRecord() }

    mutating func set(_ provider: ProviderID?, _ record: ProviderRecord) {
        if records[provider] == nil { order.append(provider) }
        records[provider] = record
    }

    /// Adds a note to `provider`'s record in place: the notes are not copied when this record
    /// holds the only reference to them.
    mutating func appendNote(_ note: Note, to provider: ProviderID?) {
        if records[provider] == nil { order.append(provider); records[provider] = ProviderRecord() }
        records[provider]!.notes.append(note)
    }

    /// This record without its notes, and how many each provider had: what an undo keeps. A copy
    /// holding the notes would make the next note copy them all, once per event.
    func strippedOfNotes() -> (record: StepRecord, noteCounts: [ProviderID?: Int]) {
        var stripped = self
        var counts: [ProviderID?: Int] = [:]
        for (id, record) in records where !record.notes.isEmpty {
            counts[id] = record.notes.count
            stripped.records[id]!.notes = []
        }
        return (stripped, counts)
    }

    /// A stripped record with its notes given back from `current`, the record of the same step
    /// after the actions since it was stripped: they only added notes at the end.
    func restoringNotes(_ counts: [ProviderID?: Int], from current: StepRecord) -> StepRecord {
        var restored = self
        for (id, count) in counts {
            restored.records[id]?.notes = Array(current.provider(id).notes.prefix(count))
        }
        return restored
    }

    /// The providers the person uses, in the order first acted on, with their records.
    public var mine: [(provider: ProviderID?, record: ProviderRecord)] {
        order.compactMap { id in records[id].flatMap { $0.mine ? (id, $0) : nil } }
    }

    /// Whether the step is settled by the person having none of its providers: they said so,
    /// and none is theirs.
    public var isNoneOfMine: Bool { noneOfMine && !hasMine }

    /// Whether the person answered "no more" after their own: they have no other of the
    /// step's providers than those they use.
    public var saidNoOther: Bool { noneOfMine && hasMine }

    var hasMine: Bool { records.values.contains { $0.mine } }

    /// The step's state, from its providers the person uses: blocked when any is; done when all
    /// are done or skipped and one is done; skipped when all are skipped; in progress when some
    /// are under way or done; to do when none is touched, or skipped when the person has none.
    public var state: StepState {
        let states = mine.map(\.record.state)
        if states.isEmpty { return noneOfMine ? .skipped : .pending }
        if states.contains(.blocked) { return .blocked }
        if states.allSatisfy(\.isSettled) { return states.contains(.done) ? .done : .skipped }
        if states.contains(where: { $0 == .done || $0 == .inProgress || $0 == .skipped }) { return .inProgress }
        return .pending
    }

    /// When anything of the step last changed: a state, a note, or "none (no other) of mine".
    public var updatedAt: Timestamp? {
        let providers = order.compactMap { id in records[id].flatMap { r in ([r.updatedAt] + [r.notes.last?.at]).compactMap { $0 }.max() } }.max()
        return [providers, noneOfMineAt].compactMap { $0 }.max()
    }

    /// When the step's last change happened, as the person stated it: the latest happened-at
    /// (else recorded) time among the records the person uses, with when that change was
    /// recorded. Reports and `status` show it as the step's time; nil while no state was recorded.
    public var lastChange: (happened: Timestamp, recorded: Timestamp)? {
        let changes = mine.compactMap { m -> (happened: Timestamp, recorded: Timestamp)? in
            guard let recorded = m.record.updatedAt else { return nil }
            return (m.record.happenedAt ?? recorded, recorded)
        }
        return changes.max { $0.happened == $1.happened ? $0.recorded < $1.recorded : $0.happened < $1.happened }
    }

    /// The step's time as shown: its last change (`lastChange`), else, for a step with only
    /// notes, when the last note was recorded, or when the person said none is theirs.
    public var shownChange: (happened: Timestamp, recorded: Timestamp)? {
        lastChange ?? updatedAt.map { ($0, $0) }
    }

    /// Every note of the step, providers' included, oldest first.
    public var notes: [(provider: ProviderID?, note: Note)] {
        order.flatMap { id in (records[id]?.notes ?? []).map { (id, $0) } }.sorted { $0.note.at < $1.note.at }
    }
}
