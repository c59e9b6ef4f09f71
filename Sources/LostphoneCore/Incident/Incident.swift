import Foundation

/// One lost-phone incident: its events and the state they fold to.
///
/// The state is a fold of the events: `replay(events)` rebuilds exactly what `apply` built
/// live, which is what makes the journal the single source of truth. State is kept per
/// provider (each bank, carrier or brand the person acts on); a step's state is derived from
/// its providers (`StepRecord.state`).
public struct Incident: Hashable, Sendable {
    /// The journal version this program writes in `opened`: state per provider. Journals
    /// without one were written before, when a step had one state whatever the provider.
    public static let journalVersion = 2

    public private(set) var id: String
    public private(set) var startedAt: Timestamp
    public private(set) var lostAt: Timestamp?
    public private(set) var device: DeviceDetails
    public private(set) var resolvedAt: Timestamp?
    public private(set) var playbookID: String
    public private(set) var playbookVersion: Int?
    public private(set) var events: [Event]
    public private(set) var records: [StepID: StepRecord]
    /// The `noneOfMine` events recorded when the step already had one of the person's providers:
    /// those said "no other" (the answer to "another bank?"), the rest "none of them is mine".
    /// Decided when each is applied, so a later mark or undo does not change what an earlier
    /// line of the timeline or the report says.
    private var noOtherEvents: Set<Int> = []
    /// Written before provider tracking: a move's `from` may be the step's state.
    private let isLegacy: Bool
    /// The step actions an undo would take back, last on top, with what each replaced.
    private var undoStack: [Undoable]

    private struct Undoable: Hashable, Sendable {
        var seq: Int
        var step: StepID
        /// The step's record before the action, without its notes (`StepRecord.strippedOfNotes`).
        var before: StepRecord
        var noteCounts: [ProviderID?: Int]
    }

    private init(id: String, opened: Event) {
        self.id = id
        self.startedAt = opened.at
        self.device = DeviceDetails()
        self.playbookID = opened.playbook ?? ""
        self.playbookVersion = opened.playbookVersion
        self.isLegacy = opened.journalVersion == nil
        self.events = [opened]
        self.records = [:]
        self.undoStack = []
    }

    /// A new incident and the `opened` event that starts its journal.
    public static func open(id: String, playbook: Playbook, at time: Timestamp) -> (Incident, Event) {
        let first = Event(seq: 1, at: time, .opened(.init(journalVersion: journalVersion, playbook: playbook.id,
                                                          playbookVersion: playbook.version)))
        return (Incident(id: id, opened: first), first)
    }

    /// A file-name-safe id from the start time in local time: `20261124-210000`.
    public static func makeID(at time: Timestamp) -> String {
        let digits = time.text.prefix(19).filter(\.isNumber)
        guard digits.count == 14 else { return String(Int(time.date.timeIntervalSince1970)) }
        return String(digits.prefix(8)) + "-" + String(digits.suffix(6))
    }

    /// Rebuilds an incident from its journal. The first event must be `opened`.
    public static func replay<Events: Collection<Event>>(_ events: Events, id: String? = nil) throws(IncidentError) -> Incident {
        guard let first = events.first else { throw IncidentError("the journal holds no event") }
        guard first.kind == .opened, first.seq == 1 else {
            throw IncidentError("line 1: the first event must be `opened` with seq 1")
        }
        if let version = first.journalVersion, version > journalVersion {
            throw IncidentError("line 1: journal version \(version) is newer than this lostphone reads (\(journalVersion)); use a newer lostphone")
        }
        var incident = Incident(id: id ?? makeID(at: first.at), opened: first)
        incident.events.reserveCapacity(events.count)
        for event in events.dropFirst() { try incident.apply(event) }
        return incident
    }

    /// Where `step` stands.
    public func record(_ step: StepID) -> StepRecord { records[step] ?? .initial }

    /// Whether `event` (a `noneOfMine`) said "no other of mine": the step had one of the
    /// person's providers when it was recorded.
    public func saidNoOther(_ event: Event) -> Bool { noOtherEvents.contains(event.seq) }

    /// The step event an undo would take back, if any.
    public var lastUndoableEvent: Event? { undoStack.last.map { events[$0.seq - 1] } }

    /// The event `undo` took back (events are kept in `seq` order from 1), or nil when `undo`
    /// is no undo.
    public func undone(by undo: Event) -> Event? {
        guard let seq = undo.undoes, events.indices.contains(seq - 1) else { return nil }
        return events[seq - 1]
    }

    /// The event recording `command` at `time`, or the reason it is refused (`error.refusal`).
    /// Nothing changes. This builds the event under the state machine's and the times' rules;
    /// `RecordingRules.event` adds the person's confirmation of an early step.
    public func event(for command: IncidentCommand, at time: Timestamp) throws(IncidentError) -> Event {
        // A resolved incident is closed: nothing is recorded after `resolved`, which is what
        // lets the store tell a resolved journal by its end.
        if resolvedAt != nil { throw IncidentError(.resolved) }
        // What is recorded must replay: the same limits as `apply`.
        if EventLimits.timeProblem(time, opened: startedAt) != nil { throw IncidentError(.clockWrong(now: time, opened: startedAt)) }
        let seq = events.count + 1
        switch command {
        case let .move(step, target, provider, happenedAt, retry):
            var happened = try check(happenedAt, recordedAt: time)
            let held = record(step).provider(provider)
            let current = held.state
            guard current.canMove(to: target) else {
                throw IncidentError(.cannotMove(step: step, provider: provider, from: current, to: target))
            }
            if let asked = happened, let since = held.effectiveAt, asked < since {
                if let problem = RecordingRules.stateChangeProblem(asked, of: held, step: step, provider: provider) {
                    throw IncidentError(problem)
                }
                // Typed to the minute of the change it leaves: that change's own time.
                happened = Swift.min(since, time)
            }
            if retry != nil && target != .blocked { throw IncidentError(.retryOnlyWhenBlocked) }
            if let retry { try checkDue(retry, after: happened ?? time) }
            return Event(seq: seq, at: time, happenedAt: happened,
                         .move(.init(step: step, from: current, to: target, provider: provider, due: retry)))
        case let .note(step, text, provider, happenedAt, due, closes):
            let happened = try check(happenedAt, recordedAt: time)
            if text.trimmingWhitespace().isEmpty { throw IncidentError(.noteEmpty) }
            if text.utf8.count > EventLimits.maxNoteBytes { throw IncidentError(.noteTooLong(bytes: text.utf8.count)) }
            if let bad = text.unicodeScalars.first(where: EventLimits.isRefusedInNote) { throw IncidentError(.invisibleCharacter(bad.value)) }
            if let due { try checkDue(due, after: happened ?? time) }
            if let closes, due != nil || closes.isEmpty || closes.utf8.count > 64 { throw IncidentError(.notAFollowUp(closes)) }
            return Event(seq: seq, at: time, happenedAt: happened,
                         .note(.init(step: step, provider: provider, text: text, due: due, closes: closes)))
        case let .mine(step, provider, mine):
            let current = record(step).provider(provider)
            if !mine && current.holdsRecord {
                throw IncidentError(.stillRecorded(step: step, provider: provider, state: current.state))
            }
            return Event(seq: seq, at: time, .mine(.init(step: step, provider: provider, mine: mine)))
        case let .noneOfMine(step):
            return Event(seq: seq, at: time, .noneOfMine(step: step))
        case .undo:
            guard let top = undoStack.last, let last = lastUndoableEvent else { throw IncidentError(.nothingToUndo) }
            let now = record(top.step).provider(last.provider).state
            let restored = top.before.provider(last.provider).state
            return Event(seq: seq, at: time, .undo(.init(step: top.step, from: now, to: restored, provider: last.provider,
                                                         undoes: last.seq)))
        case let .details(lostAt, device):
            if let lostAt, EventLimits.lostAtProblem(lostAt, opened: startedAt) != nil {
                throw IncidentError(.lostAtTooFar(lostAt, opened: startedAt))
            }
            for field in DeviceField.incidentFields {
                if let text = field.value(in: device), case .failure(let problem) = field.accept(text) {
                    // An IMEI kept from before (an older incident, a profile) is left as it was.
                    if field == .imei && text == self.device.imei { continue }
                    throw IncidentError(.field(problem))
                }
            }
            // The claim window comes from the profile and no form asks it again: a details
            // event without one keeps the incident's.
            let claimWithin = device.claimWithin ?? self.device.claimWithin
            if let c = claimWithin, case .failure(let problem) = DeviceField.claimWithin.accept(c) { throw IncidentError(.field(problem)) }
            var details = device
            details.claimWithin = claimWithin
            return Event(seq: seq, at: time, .details(.init(lostAt: lostAt, device: details)))
        case .resolve:
            return Event(seq: seq, at: time, .resolved)
        }
    }

    /// The happened-at time to record (one within the minute's grace after `time` is `time`),
    /// or why it cannot be (`RecordingRules.happenedAtProblem`).
    private func check(_ happenedAt: Timestamp?, recordedAt time: Timestamp) throws(IncidentError) -> Timestamp? {
        guard let happenedAt else { return nil }
        if let problem = RecordingRules.happenedAtProblem(happenedAt, now: time, in: self) { throw IncidentError(problem) }
        return happenedAt > time ? time : happenedAt
    }

    /// A date the person sets for a follow-up is after the moment it is set from, and within the
    /// limits every recorded time keeps.
    private func checkDue(_ due: Timestamp, after time: Timestamp) throws(IncidentError) {
        if due < time { throw IncidentError(.dueHasPassed(due)) }
        if EventLimits.timeProblem(due, opened: startedAt, daysBefore: 5 * 366) != nil { throw IncidentError(.dueTooFar(due, opened: startedAt)) }
    }

    /// Applies `event` in place; on error nothing changes.
    public mutating func apply(_ event: Event) throws(IncidentError) {
        let line = "event \(event.seq)"
        guard event.seq == events.count + 1 else {
            throw IncidentError("\(line): expected seq \(events.count + 1)")
        }
        // Nothing is recorded after `resolved` (see `event(for:at:)`): a journal that goes on
        // was written by something else.
        if resolvedAt != nil {
            throw IncidentError("\(line): nothing may follow `resolved`")
        }
        if let problem = EventLimits.timeProblem(event.at, opened: startedAt) {
            throw IncidentError("\(line): \(problem)")
        }
        if let note = event.note, note.utf8.count > EventLimits.maxNoteBytes {
            throw IncidentError("\(line): a note of \(note.utf8.count) bytes, more than the \(EventLimits.maxNoteBytes) allowed")
        }
        if let happened = event.happenedAt {
            if happened > event.at { throw IncidentError("\(line): it happened (\(happened.text)) after it was recorded (\(event.at.text))") }
            if let problem = EventLimits.timeProblem(happened, opened: startedAt, daysBefore: 5 * 366) { throw IncidentError("\(line): \(problem)") }
        }
        // Only a note or a move to blocked carries one (`Event.init(wire:)`).
        if let due = event.due {
            if let problem = EventLimits.timeProblem(due, opened: startedAt, daysBefore: 5 * 366) { throw IncidentError("\(line): \(problem)") }
        }
        if let closes = event.closes, closes.isEmpty || closes.utf8.count > 64 {
            throw IncidentError("\(line): only a note closes a follow-up, named by a key of at most 64 bytes")
        }
        switch event.payload {
        case .opened:
            throw IncidentError("\(line): `opened` may only be the first event")
        case .details(let details):
            if let lost = details.lostAt, let problem = EventLimits.lostAtProblem(lost, opened: startedAt) {
                throw IncidentError("\(line): \(problem)")
            }
            if let c = details.device.claimWithin, DeviceField.claimWindow(c) == nil {
                throw IncidentError("\(line): claimWithin `\(Sanitize.brief(c, limit: 20))` is not a claim window such as 30d, 4w or 3mo")
            }
            lostAt = details.lostAt
            device = details.device
        case .resolved:
            resolvedAt = event.at
        case .move(let move):
            let (step, from, to) = (move.step, move.from, move.to)
            var rec = record(step)
            var target = rec.provider(move.provider)
            // Before provider tracking a move's `from` was the step's state, whatever the provider.
            guard target.state == from || (isLegacy && rec.legacyState == from) else {
                throw IncidentError("\(line): \(step) is \(target.state.rawValue), not \(from.rawValue)")
            }
            guard from.canMove(to: to) else {
                throw IncidentError("\(line): \(step) may not move from \(from.rawValue) to \(to.rawValue)")
            }
            pushUndoable(event, step, rec)
            target.state = to
            target.mine = true
            target.updatedAt = event.at
            target.happenedAt = event.happenedAt
            rec.set(move.provider, target)
            rec.lastProvider = move.provider
            rec.legacyState = to
            records[step] = rec
        case .note(let note):
            let step = note.step
            // Taken out of `records`, so the note is added to the notes in place.
            var rec = records.removeValue(forKey: step) ?? .initial
            pushUndoable(event, step, rec)
            // An older journal's note event could clear the note (no text): nothing to add then.
            if let text = note.text, !text.isEmpty {
                rec.appendNote(Note(at: event.at, happenedAt: event.happenedAt, text: text), to: note.provider)
            }
            var target = rec.provider(note.provider)
            target.mine = true
            rec.set(note.provider, target)
            rec.lastProvider = note.provider
            records[step] = rec
        case .mine(let mark):
            let (step, provider) = (mark.step, mark.provider)
            var rec = record(step)
            var target = rec.provider(provider)
            pushUndoable(event, step, rec)
            // A provider with a state or a note recorded stays the person's (`event(for:at:)`
            // refuses to un-mark it); a journal written before that rule may un-mark one all
            // the same, and the screen, `status` and the reports then still show it.
            target.mine = (mark.mine ?? true) || target.holdsRecord
            if event.prepared == true { rec.prepared = true } else { rec.lastProvider = provider }
            rec.set(provider, target)
            records[step] = rec
        case .noneOfMine(let step):
            var rec = record(step)
            pushUndoable(event, step, rec)
            if rec.hasMine { noOtherEvents.insert(event.seq) }
            rec.noneOfMine = true
            rec.noneOfMineAt = event.at
            records[step] = rec
        case .undo(let undo):
            let (target, step) = (undo.undoes, undo.step)
            guard let top = undoStack.last, top.seq == target else {
                throw IncidentError("\(line): undo must take back the last recorded step action")
            }
            guard step == top.step else {
                throw IncidentError("\(line): undo names a different step than event \(target)")
            }
            records[step] = top.before.restoringNotes(top.noteCounts, from: record(step))
            undoStack.removeLast()
        }
        events.append(event)
    }

    /// Remembers what a step action replaced, for `u`; what the profile prepared is not an action.
    private mutating func pushUndoable(_ event: Event, _ step: StepID, _ before: StepRecord) {
        guard event.prepared != true else { return }
        let (stripped, counts) = before.strippedOfNotes()
        undoStack.append(Undoable(seq: event.seq, step: step, before: stripped, noteCounts: counts))
    }
}
