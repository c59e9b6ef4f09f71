/// Why an action cannot be recorded as asked, as a value. The screen and the command line both
/// get it from `RecordingRules` and say it with `text`, in the person's language; only what to
/// do about it differs (a key on the screen, a flag on the command line: `RecordingSurface`).
public enum RecordingRefusal: Error, Sendable, Hashable {
    /// Nothing is recorded after `resolved`.
    case resolved
    /// The computer's clock is more than a day before the incident's start, or five years after.
    case clockWrong(now: Timestamp, opened: Timestamp)
    /// The state machine does not allow the move (the same state again, or `done` → `blocked`).
    case cannotMove(step: StepID, provider: ProviderID?, from: StepState, to: StepState)
    case happenedInFuture(Timestamp)
    case happenedBeforeLoss(Timestamp, lostAt: Timestamp)
    /// A change of `step` (for `provider`) said to have happened (`asked`) before the change
    /// that put it in its current `state`, at `since`: the timeline would leave a state before
    /// entering it.
    case changeBeforeCurrentState(step: StepID, provider: ProviderID?, state: StepState, since: Timestamp, asked: Timestamp)
    case happenedLongBefore(Timestamp, opened: Timestamp)
    /// The step requires steps not settled yet (erase before the police report): recorded only
    /// when the person confirms (`y` on the screen, `--anyway` on the command line).
    case requiresFirst(step: StepID, unmet: [StepID])
    case noteEmpty
    case noteTooLong(bytes: Int)
    case invisibleCharacter(UInt32)
    case nothingToUndo
    case lostAtTooFar(Timestamp, opened: Timestamp)
    /// A lost-at time later than the first action recorded (`step`, for `provider`, moved to
    /// `state`, or noted when `state` is nil, at `happened`): the report would say it was done
    /// before the loss.
    case lostAfterFirstAction(Timestamp, step: StepID, provider: ProviderID?, state: StepState?, happened: Timestamp)
    /// "None of mine" on a step without providers.
    case noProvidersForNone(StepID)
    /// A text of the details refused by the one field validator.
    case field(FieldProblem)
    /// A time to try again goes only with a move to blocked.
    case retryOnlyWhenBlocked
    /// A follow-up's date (a retry, an item of one's own) that has passed already.
    case dueHasPassed(Timestamp)
    case dueTooFar(Timestamp, opened: Timestamp)
    /// A note closing something that is not a follow-up's key.
    case notAFollowUp(String)
    /// Un-marking a provider that has something recorded (a state other than to do, a note):
    /// it stays the person's, or the screen and `status` would hide what every report shows.
    /// `state` is its state (`pending` when only notes are recorded).
    case stillRecorded(step: StepID, provider: ProviderID, state: StepState)

    /// What is wrong and what to do about it, in `w`'s language; step ids are named by their
    /// titles in `playbook` where it has them.
    public func text(_ w: Words, playbook: Playbook?, surface: RecordingSurface) -> String {
        func title(_ id: StepID) -> String { playbook?.step(id)?.title[w.language] ?? id.rawValue }
        func titled(_ id: StepID, _ provider: ProviderID?) -> String {
            title(id) + (provider.map { p in w.paren(playbook?.step(id)?.provider(p)?.name[w.language] ?? p.rawValue) } ?? "")
        }
        let display = TimeInput.display
        switch self {
        case .resolved: return w[.incidentIsResolved]
        case .clockWrong(let now, let opened): return w[.clockWrong(time: display(now), opened: display(opened))]
        case .cannotMove(let step, let provider, let from, let to):
            let what = titled(step, provider)
            if from == to { return w[.alreadyIn(step: what, from)] }
            switch surface {
            case .screen: return w[.reopenFirst(step: what, from)]
            case .commandLine:
                let command = "lostphone record \(step) pending" + (provider.map { " --provider \($0)" } ?? "")
                return w[.alreadyIn(step: what, from)] + w.semicolon + w[.reopenWith(command: command)]
            }
        case .happenedInFuture(let t): return w[.timeInFuture(display(t))]
        case .happenedBeforeLoss(let t, let lost):
            switch surface {
            case .screen: return w[.timeBeforeLoss(display(t), lost: display(lost))]
            case .commandLine:
                return w[.timeBeforeLoss(display(t), lost: display(lost))].components(separatedBy: w.semicolon).first.map {
                    $0 + w.semicolon + w[.correctLostAtWith(command: "lostphone details --lost-at TIME")]
                } ?? ""
            }
        case .changeBeforeCurrentState(let step, let provider, let state, let since, let asked):
            return w[.changeBeforeCurrentState(step: titled(step, provider), state: w.name(state), since: display(since),
                                               asked: display(asked), onCommandLine: surface == .commandLine)]
        case .lostAfterFirstAction(let lost, let step, let provider, let state, let happened):
            return w[.lostAfterFirstAction(lost: display(lost), step: titled(step, provider), state: state.map(w.name),
                                           happened: display(happened), onCommandLine: surface == .commandLine)]
        case .happenedLongBefore(let t, let opened): return w[.happenedLongBefore(display(t), opened: display(opened))]
        case .requiresFirst(let step, let unmet):
            let quoted = unmet.map { "“\(title($0))”" }
            let names = w.language == .zh ? unmet.map(title).joined(separator: "、")
                : quoted.count <= 2 ? quoted.joined(separator: " and ") : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
            let why = playbook?.step(step)?.requiresWhy?[w.language]
            var text = w[.requiresFirst(step: title(step), unmet: names)]
            if let why { text = w.sentences(text, why) }
            if surface == .commandLine { text = w.sentences(text, w[.anywayHint]) }
            return text
        case .noteEmpty: return w[.noteEmpty]
        case .noteTooLong(let bytes): return w[.noteTooLong(bytes: bytes, limit: EventLimits.maxNoteBytes)]
        case .invisibleCharacter(let value): return w[.invisibleCharacter(FieldProblem.codePoint(value))]
        case .nothingToUndo: return w[.nothingToUndo]
        case .lostAtTooFar(let t, let opened): return w[.lostAtTooFar(display(t), opened: display(opened))]
        case .noProvidersForNone(let step): return w[.noProvidersForNone(step: title(step))]
        case .field(let problem): return problem.text(w)
        case .retryOnlyWhenBlocked: return w[.recording(.retryOnlyWhenBlocked)]
        case .dueHasPassed(let t): return w[.recording(.dueHasPassed(display(t)))]
        case .dueTooFar(let t, let opened): return w[.recording(.dueTooFar(display(t), opened: display(opened)))]
        case .notAFollowUp(let key): return w[.recording(.notAFollowUp(Sanitize.brief(key, limit: 64)))]
        case .stillRecorded(let step, let provider, let state):
            let shown = playbook?.step(step)?.provider(provider)
            let notes = state == .pending
            switch surface {
            case .screen:
                let name = shown?.shortName(w.language) ?? provider.rawValue
                return w[notes ? .noteKeepsItYours(provider: name) : .reopenToUnmark(provider: name, state: w.name(state))]
            case .commandLine:
                let name = shown?.name[w.language] ?? provider.rawValue
                let said = w[.stillYours(provider: name, step: title(step), state: notes ? nil : w.name(state))]
                return notes ? said : w.sentences(said, w[.unmarkAfterReopening(command: "lostphone record \(step) pending --provider \(provider)")])
            }
        }
    }
}

/// Where a refusal is said: what to do about it is a key on the screen, a command or flag on
/// the command line.
public enum RecordingSurface: Sendable, Hashable {
    case screen, commandLine
}

/// The one place that decides whether an action may be recorded and builds its event: the full
/// screen's keys and `lostphone record`/`note`/`details` all come here, so they refuse the same
/// things for the same reasons and record the same events.
///
/// The rules: the state machine's moves (`StepState.canMove`); a happened-at time no later than
/// the recording and no earlier than the loss; a state change no earlier than the change it
/// leaves, and a lost-at time no later than the first action (the order of events the reports
/// tell); a step's `requires` settled first, unless the
/// person confirms; notes and details without control or invisible characters; nothing after
/// `resolved`. After a prevention tip's state changed, `tipToKeep` says what the profile keeps.
public struct RecordingRules {
    public let playbook: Playbook
    /// A step by id with the kind of its pane. The screen passes its index, so that a recorded
    /// action costs the same with ten steps or ten thousand; by default the playbook is searched.
    private let locate: (StepID) -> (step: Step, kind: PaneKind)?

    public init(playbook: Playbook, locate: ((StepID) -> (step: Step, kind: PaneKind)?)? = nil) {
        self.playbook = playbook
        self.locate = locate ?? { id in
            for pane in playbook.panes { if let step = pane.steps.first(where: { $0.id == id }) { return (step, pane.kind) } }
            return nil
        }
    }

    /// The event recording `command` in `incident` at `time`, or why not. `anyway` is the
    /// person's confirmation that a step may be recorded before the steps it requires.
    public func event(for command: IncidentCommand, in incident: Incident, at time: Timestamp,
                      anyway: Bool = false) -> Result<Event, RecordingRefusal> {
        if case let .noneOfMine(step) = command, locate(step)?.step.providers.isEmpty != false {
            return .failure(.noProvidersForNone(step))
        }
        let event: Event
        do {
            event = try incident.event(for: command, at: time)
        } catch {
            return .failure(error.refusal ?? .resolved)
        }
        if case let .details(lostAt?, _) = command, let late = lostAtOrderProblem(lostAt, in: incident) {
            return .failure(late)
        }
        // A move that is not allowed at all is refused before asking to confirm it.
        if !anyway, let early = earlyRecording(command, in: incident) { return .failure(early) }
        return .success(event)
    }

    /// Starting or finishing a step whose required steps are not settled yet needs the person's
    /// confirmation: the refusal naming those steps, or nil.
    public func earlyRecording(_ command: IncidentCommand, in incident: Incident) -> RecordingRefusal? {
        guard case let .move(step, target, _, _, _) = command, target == .done || target == .inProgress,
              locate(step)?.step.requires.isEmpty == false else { return nil }
        let unmet = playbook.unmetRequirements(of: step) { incident.record($0).state.isSettled }
        return unmet.isEmpty ? nil : .requiresFirst(step: step, unmet: unmet.map(\.id))
    }

    /// Why `happenedAt` cannot be when something of `incident` happened, recorded at `now`, or
    /// nil: later than now (a minute's grace for a time typed to the minute), before the phone
    /// was lost, or more than five years before the incident. The `@` field and `--at` ask this
    /// before anything is recorded; `Incident.event(for:at:)` asks it again when it records.
    public static func happenedAtProblem(_ happenedAt: Timestamp, now: Timestamp, in incident: Incident) -> RecordingRefusal? {
        if TimeInput.isInFuture(happenedAt, now: now) { return .happenedInFuture(happenedAt) }
        if let lostAt = incident.lostAt, happenedAt < lostAt { return .happenedBeforeLoss(happenedAt, lostAt: lostAt) }
        if EventLimits.timeProblem(happenedAt, opened: incident.startedAt, daysBefore: 5 * 366) != nil {
            return .happenedLongBefore(happenedAt, opened: incident.startedAt)
        }
        return nil
    }

    /// Why a state change of `current` (the record of `step`, for `provider`) cannot have
    /// happened at `happenedAt`, or nil: it is earlier than the change that put `current` in its
    /// state, so a report would show the state left before it was entered. Undone changes do not
    /// count (an undo restores the record they replaced). A time typed to the minute of that
    /// change is accepted (`Incident.event(for:at:)` records it as the change's own time). Notes
    /// are not changes of state: a note dated earlier tells of something done then, which is
    /// true in any order. Only a time the person gives is checked: "now" follows every record.
    public static func stateChangeProblem(_ happenedAt: Timestamp, of current: ProviderRecord,
                                          step: StepID, provider: ProviderID?) -> RecordingRefusal? {
        guard let since = current.effectiveAt else { return nil }
        let minute = (since.date.timeIntervalSince1970 / 60).rounded(.down) * 60
        guard happenedAt.date.timeIntervalSince1970 < minute else { return nil }
        return .changeBeforeCurrentState(step: step, provider: provider, state: current.state, since: since, asked: happenedAt)
    }

    /// Why `lostAt` cannot be the lost-at time of `incident` at `now`, or nil: in the future,
    /// more than five years from the incident's start, or later than the first action recorded
    /// (`lostAtOrderProblem`). The `i` form and `lostphone details --lost-at` both ask this.
    public func lostAtProblem(_ lostAt: Timestamp, now: Timestamp, in incident: Incident) -> RecordingRefusal? {
        if TimeInput.isInFuture(lostAt, now: now) { return .happenedInFuture(lostAt) }
        if EventLimits.lostAtProblem(lostAt, opened: incident.startedAt) != nil { return .lostAtTooFar(lostAt, opened: incident.startedAt) }
        return lostAtOrderProblem(lostAt, in: incident)
    }

    /// A lost-at time later than the earliest action of `incident` (a move or a note in an
    /// action pane, not undone, not prepared from the profile), or nil. The other half of
    /// `happenedBeforeLoss`: nothing is done about a phone before it is lost. Prevention tips
    /// are left out, as they are done before a loss. Only a new lost-at time is checked: a
    /// journal that already holds such an order is read, and its other details edited, as it is.
    func lostAtOrderProblem(_ lostAt: Timestamp, in incident: Incident) -> RecordingRefusal? {
        guard lostAt != incident.lostAt else { return nil }
        let undone = Set(incident.events.compactMap(\.undoes))
        var first: (event: Event, step: StepID, happened: Timestamp)?
        for event in incident.events where event.kind == .move || event.kind == .note {
            guard event.prepared != true, !undone.contains(event.seq), let step = event.step,
                  locate(step)?.kind == .actions else { continue }
            let happened = event.happenedAt ?? event.at
            if happened < first?.happened ?? lostAt { first = (event, step, happened) }
        }
        guard let first else { return nil }
        return .lostAfterFirstAction(lostAt, step: first.step, provider: first.event.provider,
                                     state: first.event.kind == .move ? first.event.to : nil, happened: first.happened)
    }

    /// After `event` changed a prevention tip (done, reopened, undone) in `incident` (the event
    /// applied), what the profile keeps: the tip and the day it was done, or nil for not done.
    /// Nil when the event is not about a tip, or was written from the profile itself.
    public func tipToKeep(after event: Event, in incident: Incident) -> (step: StepID, doneAt: Timestamp?)? {
        guard event.prepared != true, event.kind == .move || event.kind == .undo, let id = event.step,
              locate(id)?.kind == .tips else { return nil }
        let record = incident.record(id)
        return (id, record.state == .done ? record.provider(nil).effectiveAt : nil)
    }
}
