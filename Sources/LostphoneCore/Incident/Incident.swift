import Foundation

/// One lost-phone incident: its events and the state they fold to.
///
/// The state is a fold of the events: `replay(events)` rebuilds exactly what `apply` built
/// live, which is what makes the journal the single source of truth.
public struct Incident: Hashable, Sendable {
    public private(set) var id: String
    public private(set) var startedAt: Timestamp
    public private(set) var lostAt: Timestamp?
    public private(set) var device: DeviceDetails
    public private(set) var resolvedAt: Timestamp?
    public private(set) var playbookID: String
    public private(set) var playbookVersion: Int?
    public private(set) var events: [Event]
    public private(set) var records: [StepID: StepRecord]
    /// Seqs of the step events that an undo would take back, last on top.
    private var undoStack: [Int]

    private init(id: String, opened: Event) {
        self.id = id
        self.startedAt = opened.at
        self.device = DeviceDetails()
        self.playbookID = opened.playbook ?? ""
        self.playbookVersion = opened.playbookVersion
        self.events = [opened]
        self.records = [:]
        self.undoStack = []
    }

    /// A new incident and the `opened` event that starts its journal.
    public static func open(id: String, playbook: Playbook, at time: Timestamp) -> (Incident, Event) {
        let first = Event(seq: 1, at: time, kind: .opened, playbook: playbook.id, playbookVersion: playbook.version)
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

        var incident = Incident(id: id ?? makeID(at: first.at), opened: first)
        incident.events.reserveCapacity(events.count)
        for event in events.dropFirst() { try incident.apply(event) }
        return incident
    }

    /// Where `step` stands.
    public func record(_ step: StepID) -> StepRecord { records[step] ?? .initial }

    /// The step event an undo would take back, if any.
    public var lastUndoableEvent: Event? { undoStack.last.map { events[$0 - 1] } }

    /// The event recording `command` at `time`, or the reason it is refused. Nothing changes.
    public func event(for command: IncidentCommand, at time: Timestamp) throws(IncidentError) -> Event {
        // A resolved incident is closed: nothing is recorded after `resolved`, which is what
        // lets the store tell a resolved journal by its end.
        if resolvedAt != nil {
            throw IncidentError("the incident is resolved; run lostphone to start a new one")
        }
        // What is recorded must replay: the same limits as `apply`.
        if let problem = EventLimits.timeProblem(time, opened: startedAt) {
            throw IncidentError("the clock is wrong: \(problem). Set the computer's clock and try again")
        }
        let seq = events.count + 1
        switch command {
        case let .move(step, target, provider):
            let rec = record(step)
            guard rec.state.canMove(to: target) else {
                throw IncidentError("\(step) cannot move from \(rec.state.rawValue) to \(target.rawValue)")
            }
            return Event(seq: seq, at: time, kind: .move, step: step, from: rec.state, to: target,
                         provider: provider, previousProvider: rec.provider)
        case let .note(step, text, provider):
            if let problem = EventLimits.noteProblem(text) { throw IncidentError(problem) }
            let rec = record(step)
            return Event(seq: seq, at: time, kind: .note, step: step, provider: provider,
                         note: text.isEmpty ? nil : text, previousProvider: rec.provider, previousNote: rec.note)
        case .undo:
            guard let last = lastUndoableEvent, let step = last.step else {
                throw IncidentError("nothing to undo")
            }
            return Event(seq: seq, at: time, kind: .undo, step: step, from: last.to, to: last.from,
                         provider: last.previousProvider, note: last.kind == .note ? last.previousNote : nil,
                         previousProvider: last.provider, previousNote: last.kind == .note ? last.note : nil,
                         undoes: last.seq)
        case let .details(lostAt, device):
            if let lostAt, let problem = EventLimits.lostAtProblem(lostAt, opened: startedAt) { throw IncidentError(problem) }
            return Event(seq: seq, at: time, kind: .details, lostAt: lostAt, deviceModel: device.model, imei: device.imei)
        case .resolve:
            return Event(seq: seq, at: time, kind: .resolved)
        }
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
        switch event.kind {
        case .opened:
            throw IncidentError("\(line): `opened` may only be the first event")
        case .details:
            if let lost = event.lostAt, let problem = EventLimits.lostAtProblem(lost, opened: startedAt) {
                throw IncidentError("\(line): \(problem)")
            }
            lostAt = event.lostAt
            device = DeviceDetails(model: event.deviceModel, imei: event.imei)
        case .resolved:
            resolvedAt = event.at
        case .move:
            guard let step = event.step, let from = event.from, let to = event.to else {
                throw IncidentError("\(line): a move needs step, from and to")
            }
            var rec = record(step)
            guard rec.state == from else {
                throw IncidentError("\(line): \(step) is \(rec.state.rawValue), not \(from.rawValue)")
            }
            guard from.canMove(to: to) else {
                throw IncidentError("\(line): \(step) may not move from \(from.rawValue) to \(to.rawValue)")
            }
            rec.state = to
            rec.provider = event.provider
            rec.updatedAt = event.at
            records[step] = rec
            undoStack.append(event.seq)
        case .note:
            guard let step = event.step else { throw IncidentError("\(line): a note needs a step") }
            var rec = record(step)
            rec.note = event.note
            rec.provider = event.provider
            rec.updatedAt = event.at
            records[step] = rec
            undoStack.append(event.seq)
        case .undo:
            guard let target = event.undoes, let top = undoStack.last, top == target else {
                throw IncidentError("\(line): undo must take back the last recorded step action")
            }
            let undone = events[target - 1]
            guard let step = event.step, step == undone.step else {
                throw IncidentError("\(line): undo names a different step than event \(target)")
            }
            var rec = record(step)
            if undone.kind == .move {
                guard rec.state == undone.to, event.to == undone.from else {
                    throw IncidentError("\(line): undo does not reverse event \(target)")
                }
                rec.state = undone.from ?? .pending
            } else {
                rec.note = undone.previousNote
            }
            rec.provider = undone.previousProvider
            rec.updatedAt = event.at
            records[step] = rec
            undoStack.removeLast()
        }
        events.append(event)
    }
}
