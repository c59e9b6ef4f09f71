import Foundation

/// Everything an export holds, computed once from the incident and the playbook; the Markdown,
/// JSON and text renderers only lay it out. See docs/report-format.md for the JSON shape.
public struct Report: Sendable {
    /// One provider the person uses (a bank, a carrier), as it stands.
    public struct ProviderRow: Sendable, Hashable {
        public var id: ProviderID
        public var name: String
        public var record: ProviderRecord
    }

    public struct StepRow: Sendable {
        public var pane: PaneID
        public var paneTitle: String
        public var paneKind: PaneKind
        public var id: StepID
        public var title: String
        public var priority: Int?
        /// The kind of provider its providers are (`bank`, `carrier`), from the guide.
        public var group: String?
        /// Derived from the providers the person uses (see `StepRecord.state`).
        public var state: StepState
        /// When anything of the step last changed (a state or a note), as recorded.
        public var updatedAt: Timestamp?
        /// The step's time: the latest happened-at time of its providers' last changes, with
        /// when that change was recorded (`StepRecord.lastChange`).
        public var lastChange: (happened: Timestamp, recorded: Timestamp)?
        /// The step's own record, for a step without providers (or events that named none).
        public var own: ProviderRecord?
        /// The providers the person uses, in the order first acted on.
        public var providers: [ProviderRow]
        /// The person has none of its providers (`StepRecord.isNoneOfMine`).
        public var isNoneOfMine = false
        /// The person said they have no other than their own (`StepRecord.saidNoOther`).
        public var saidNoOther = false

        /// Every note of the step, its providers' included, oldest first, with the provider's name.
        public var notes: [(provider: String?, note: Note)] {
            let all = (own?.notes ?? []).map { (provider: String?.none, note: $0) }
                + providers.flatMap { p in p.record.notes.map { (provider: Optional(p.name), note: $0) } }
            return all.sorted { $0.note.at < $1.note.at }
        }
    }

    /// How long after the start an urgent step was done: signed, so a step done before the
    /// person opened lostphone (a back-dated time) is that long before, never a clamped zero.
    public struct Duration: Sendable, Hashable {
        public var step: StepID
        public var title: String
        /// When its last provider was done, as the person stated it.
        public var doneAt: Timestamp
        /// When that was recorded.
        public var recordedAt: Timestamp
        public var secondsAfterStart: Int
        /// From the lost-at time, when the person gave one.
        public var secondsAfterLoss: Int?
    }

    public struct EventRow: Sendable, Hashable {
        public var event: Event
        public var stepTitle: String?
        public var providerName: String?
        /// The kind of provider the step lists (`bank`), from the guide.
        public var group: String?
    }

    public var language: Language
    /// The reader the report is cut for; nil for the full report.
    public var audience: ReportAudience?
    /// The paper the HTML is laid out for.
    public var paper: ReportPaper = .a4
    public var generatedAt: Timestamp
    public var incident: Incident
    public var playbookID: String
    public var playbookVersion: Int
    public var playbookTitle: String
    /// Every step of the guide, except prevention tips not done: a tip is never a report's to-do.
    public var steps: [StepRow]
    public var events: [EventRow]
    public var durations: [Duration]
    /// Action steps not yet done or skipped.
    public var open: [StepRow]
    /// What is due after the first hour, as of `generatedAt`.
    public var due: DueList

    public init(incident: Incident, playbook: Playbook, language l: Language, generatedAt: Timestamp,
                audience: ReportAudience? = nil) {
        language = l
        self.audience = audience
        self.generatedAt = generatedAt
        self.incident = incident
        playbookID = playbook.id
        playbookVersion = playbook.version
        playbookTitle = playbook.title[l]
        due = DueList(incident: incident, playbook: playbook, language: l, now: generatedAt)
        var rows: [StepRow] = []
        for pane in playbook.panes {
            for step in pane.steps {
                let rec = incident.record(step.id)
                let own = rec.order.contains(nil) ? rec.provider(nil) : nil
                let providers = rec.order.compactMap { id -> ProviderRow? in
                    guard let id else { return nil }
                    let r = rec.provider(id)
                    guard r.mine || r.state != .pending || !r.notes.isEmpty else { return nil }
                    return ProviderRow(id: id, name: step.provider(id)?.name[l] ?? id.rawValue, record: r)
                }
                if pane.kind == .tips && rec.state != .done { continue }
                rows.append(StepRow(pane: pane.id, paneTitle: pane.title[l], paneKind: pane.kind, id: step.id,
                                    title: step.title[l], priority: step.priority, group: step.group, state: rec.state,
                                    updatedAt: rec.updatedAt, lastChange: rec.lastChange, own: own, providers: providers,
                                    isNoneOfMine: rec.isNoneOfMine, saidNoOther: rec.saidNoOther))
            }
        }
        steps = rows
        open = rows.filter { $0.paneKind == .actions && !$0.state.isSettled }

        var titles: [StepID: Step] = [:]
        for step in playbook.allSteps { titles[step.id] = step }
        events = incident.events.map { e in
            let step = e.step.flatMap { titles[$0] }
            return EventRow(event: e, stepTitle: step?.title[l] ?? e.step?.rawValue,
                            providerName: step?.provider(e.provider)?.name[l] ?? e.provider?.rawValue, group: step?.group)
        }

        // A step is done when its last provider is: the latest time (happened, else recorded)
        // among its records that are done. Signed: a back-dated freeze is before the start.
        let urgent = playbook.panes.first { $0.kind == .actions }
        durations = (urgent?.steps ?? []).compactMap { step in
            let rec = incident.record(step.id)
            guard rec.state == .done,
                  let last = rec.mine.filter({ $0.record.state == .done && $0.record.updatedAt != nil })
                    .map({ (happened: $0.record.effectiveAt!, recorded: $0.record.updatedAt!) })
                    .max(by: { $0.happened < $1.happened }) else { return nil }
            let at = last.happened
            return Duration(step: step.id, title: step.title[l], doneAt: at, recordedAt: last.recorded,
                            secondsAfterStart: Report.seconds(from: incident.startedAt, to: at),
                            secondsAfterLoss: incident.lostAt.map { Report.seconds(from: $0, to: at) })
        }
    }

    /// Whole seconds from `a` to `b`, negative when `b` is earlier.
    static func seconds(from a: Timestamp, to b: Timestamp) -> Int {
        Int(b.date.timeIntervalSince(a.date).rounded())
    }

    /// Action steps, and prevention tips done before the loss (the full report shows them apart).
    var actionSteps: [StepRow] { steps.filter { $0.paneKind == .actions } }
    var tipsDone: [StepRow] { steps.filter { $0.paneKind == .tips } }

    /// A tip's line: done before the loss (or the start) with its date, else done when it was.
    func tipLine(_ row: StepRow) -> String {
        let w = words
        let before = incident.lostAt ?? incident.startedAt
        guard let change = row.lastChange else { return w.name(row.state) }
        return (change.happened <= before ? w[.doneBeforeLoss] : w.name(row.state)) + " " + String(change.happened.readable.prefix(10))
    }

    /// A step's state in its table, as `status` says it (`Words.stepState`).
    func stateText(_ row: StepRow) -> String {
        words.stepState(row.state, noneOfMine: row.isNoneOfMine, noOther: row.saidNoOther, group: row.group)
    }

    /// A step's time: when its last change happened, with when it was recorded; else when
    /// anything of it (a note) was recorded.
    func stepTime(_ row: StepRow) -> String? {
        if let c = row.lastChange { return when(recorded: c.recorded, happened: c.happened) }
        return row.updatedAt?.readable
    }

    // MARK: - words shared by the renderers

    /// The vocabulary in the report's language.
    var words: Words { Words(language) }

    /// When something happened: the time the person gave, followed by when it was recorded
    /// where the two differ (`2026-11-24 21:50:00 +08:00 (recorded 22:01:40)`, with its date
    /// when that is another day); else the recorded time.
    public func when(recorded: Timestamp?, happened: Timestamp?) -> String? {
        guard let recorded else { return nil }
        guard let happened, happened != recorded else { return recorded.readable }
        return happened.readable + words.paren(words[.recorded] + " " + recorded.readable(besides: happened))
    }

    /// A note with its time, for a table cell or a line.
    func noteText(_ note: Note, provider: String? = nil) -> String {
        (provider.map { $0 + words.colon } ?? "") + note.text + " · " + (when(recorded: note.at, happened: note.happenedAt) ?? "")
    }

    func eventSummary(_ row: EventRow) -> String {
        let w = words
        let e = row.event
        let step = row.stepTitle ?? ""
        switch e.kind {
        case .opened: return w.capitalized(.incidentStarted)
        case .details:
            var parts: [String] = []
            if let l = e.lostAt { parts.append("\(w[.lostAt]) \(l.readable)") }
            if let o = e.owner { parts.append("\(w[.owner]) \(o)") }
            if let n = e.lostNumber { parts.append("\(w[.lostNumber]) \(n)") }
            if let m = e.deviceModel { parts.append("\(w[.phoneModel]) \(m)") }
            if let i = e.imei { parts.append("\(w[.imei]) \(i)") }
            if let i = e.insurer { parts.append("\(w[.insurer]) \(i)") }
            if let p = e.policy { parts.append("\(w[.policy]) \(p)") }
            return w.label(.phoneDetails) + (parts.isEmpty ? w[.cleared] : parts.joined(separator: w.comma))
        case .move:
            return step + w.colon + "\(w.name(e.from ?? .pending)) → \(w.name(e.to ?? .pending))"
        case .note:
            return step + w.colon + w[.note]
        case .mine:
            return step + w.colon + w[e.mine == false ? .notMine : .mine]
        case .noneOfMine:
            // After one of theirs, it was the answer "no more" to "another bank?".
            if incident.saidNoOther(e) {
                return step + w.colon + w[.prompt(.noOtherOfMine(group: row.group))]
            }
            return step + w.colon + w[.noneOfMine]
        case .undo:
            // An undone note, mark or "none of mine" is said as what it was, not as a state.
            if let undone = incident.undone(by: e), undone.kind != .move {
                var was = row
                was.event = undone
                return w.label(.undone) + eventSummary(was)
            }
            if let to = e.to { return w.label(.undone) + "\(step) → \(w.name(to))" }
            return w.label(.undone) + step
        case .resolved: return w.capitalized(.incidentResolved)
        }
    }
}

/// The paper an HTML report is laid out for.
public enum ReportPaper: String, CaseIterable, Sendable, Hashable {
    case a4, letter
    /// The CSS `@page` size.
    var css: String { self == .a4 ? "A4" : "letter" }
}

extension Timestamp {
    /// Beside another time: only the clock (`22:01:40`) when both are of the same day and
    /// offset, else the whole `readable`.
    public func readable(besides other: Timestamp) -> String {
        let mine = readable, theirs = other.readable
        guard mine.count >= 19, theirs.count >= 19, mine.prefix(10) == theirs.prefix(10),
              mine.dropFirst(19) == theirs.dropFirst(19) else { return mine }
        return String(mine.dropFirst(11).prefix(8))
    }

    /// `2026-11-24 21:00:13 +08:00`: the recorded local time, to the second, with its offset.
    public var readable: String {
        let s = text
        guard s.count >= 19 else { return s }
        let offset = offsetSuffix.map { " " + $0 } ?? ""
        return String(s.prefix(10)) + " " + String(s.dropFirst(11).prefix(8)) + offset
    }
}
