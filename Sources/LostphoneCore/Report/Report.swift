import Foundation

/// Everything an export holds, computed once from the incident and the playbook; the Markdown,
/// JSON and text renderers only lay it out. See docs/report-format.md for the JSON shape.
public struct Report: Sendable {
    public struct StepRow: Sendable, Hashable {
        public var pane: PaneID
        public var paneTitle: String
        public var paneKind: PaneKind
        public var id: StepID
        public var title: String
        public var priority: Int?
        public var state: StepState
        public var updatedAt: Timestamp?
        public var provider: ProviderID?
        public var providerName: String?
        public var note: String?
    }

    /// How long after the start an urgent step was done.
    public struct Duration: Sendable, Hashable {
        public var step: StepID
        public var title: String
        public var doneAt: Timestamp
        public var secondsAfterStart: Int
        /// From the lost-at time, when the person gave one.
        public var secondsAfterLoss: Int?
    }

    public struct EventRow: Sendable, Hashable {
        public var event: Event
        public var stepTitle: String?
        public var providerName: String?
    }

    public var language: Language
    public var generatedAt: Timestamp
    public var incident: Incident
    public var playbookID: String
    public var playbookVersion: Int
    public var playbookTitle: String
    public var steps: [StepRow]
    public var events: [EventRow]
    public var durations: [Duration]
    /// Action steps not yet done or skipped.
    public var open: [StepRow]

    public init(incident: Incident, playbook: Playbook, language l: Language, generatedAt: Timestamp) {
        language = l
        self.generatedAt = generatedAt
        self.incident = incident
        playbookID = playbook.id
        playbookVersion = playbook.version
        playbookTitle = playbook.title[l]
        var rows: [StepRow] = []
        for pane in playbook.panes {
            for step in pane.steps {
                let rec = incident.record(step.id)
                rows.append(StepRow(pane: pane.id, paneTitle: pane.title[l], paneKind: pane.kind, id: step.id,
                                    title: step.title[l], priority: step.priority, state: rec.state,
                                    updatedAt: rec.updatedAt, provider: rec.provider,
                                    providerName: step.provider(rec.provider)?.name[l], note: rec.note))
            }
        }
        steps = rows
        open = rows.filter { $0.paneKind == .actions && !$0.state.isSettled }

        var titles: [StepID: Step] = [:]
        for step in playbook.allSteps { titles[step.id] = step }
        events = incident.events.map { e in
            let step = e.step.flatMap { titles[$0] }
            return EventRow(event: e, stepTitle: step?.title[l] ?? e.step?.rawValue,
                            providerName: step?.provider(e.provider)?.name[l] ?? e.provider?.rawValue)
        }

        // When each step last became done (an undo or reopen takes it back).
        var doneAt: [StepID: Timestamp] = [:]
        for e in incident.events {
            guard let step = e.step, let to = e.to else { continue }
            if to == .done { doneAt[step] = e.at } else { doneAt[step] = nil }
        }
        let urgent = playbook.panes.first { $0.kind == .actions }
        durations = (urgent?.steps ?? []).compactMap { step in
            guard let at = doneAt[step.id], incident.record(step.id).state == .done else { return nil }
            let start = incident.startedAt.date
            return Duration(step: step.id, title: step.title[l], doneAt: at,
                            secondsAfterStart: max(0, Int(at.date.timeIntervalSince(start).rounded())),
                            secondsAfterLoss: incident.lostAt.map { max(0, Int(at.date.timeIntervalSince($0.date).rounded())) })
        }
    }

    // MARK: - words shared by the renderers

    /// The vocabulary in the report's language.
    var words: Words { Words(language) }

    func eventSummary(_ row: EventRow) -> String {
        let w = words
        let e = row.event
        let step = row.stepTitle ?? ""
        switch e.kind {
        case .opened: return w.capitalized(.incidentStarted)
        case .details:
            var parts: [String] = []
            if let l = e.lostAt { parts.append("\(w[.lostAt]) \(l.readable)") }
            if let m = e.deviceModel { parts.append("\(w[.phoneModel]) \(m)") }
            if let i = e.imei { parts.append("\(w[.imei]) \(i)") }
            return w.label(.phoneDetails) + (parts.isEmpty ? w[.cleared] : parts.joined(separator: w.comma))
        case .move:
            return step + w.colon + "\(w.name(e.from ?? .pending)) → \(w.name(e.to ?? .pending))"
        case .note:
            return step + w.colon + w[.note]
        case .undo:
            if let to = e.to { return w.label(.undone) + "\(step) → \(w.name(to))" }
            return w.label(.undone) + step + w.paren(w[.note])
        case .resolved: return w.capitalized(.incidentResolved)
        }
    }
}

extension Timestamp {
    /// `2026-11-24 21:00:13 +08:00`: the recorded local time, to the second, with its offset.
    public var readable: String {
        let s = text
        guard s.count >= 19 else { return s }
        let offset = offsetSuffix.map { " " + $0 } ?? ""
        return String(s.prefix(10)) + " " + String(s.dropFirst(11).prefix(8)) + offset
    }
}
