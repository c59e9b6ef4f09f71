/// A report cut for one reader (`lostphone export --for police|bank|insurer`): the same facts
/// as the full report, only those that reader needs, first page first. Built once as sections
/// that the Markdown, text and HTML renderers lay out alike.
extension Report {
    /// One part of a cut report: a heading, facts (label and value), and a table.
    public struct Section: Sendable, Hashable {
        public var title: String?
        public var facts: [Fact] = []
        public var header: [String] = []
        public var rows: [[String]] = []
        /// Said when the table has no row.
        public var empty: String?
    }

    public struct Fact: Sendable, Hashable {
        public var label: String
        public var value: String
    }

    /// The report's title: the full report's, or the cut's.
    public var title: String {
        audience.map { words[.titleFor($0)] } ?? words[.reportTitle]
    }

    /// The offset of this computer's clock when the incident was recorded (`+08:00`).
    var clockOffset: String { incident.startedAt.offsetSuffix.map(String.init).flatMap { $0 == "Z" ? nil : $0 } ?? "+00:00" }

    /// The first page's statement of how the times were recorded.
    public var timesStatement: String { words[.timesStatement(offset: clockOffset)] }

    /// The sections of the cut for `audience`; empty for the full report.
    public var cutSections: [Section] {
        guard let audience else { return [] }
        let w = words
        let dash = "–"
        func fact(_ word: Word, _ value: String?) -> Fact { Fact(label: w.capitalized(word), value: value ?? dash) }
        let id = fact(.incidentID, incident.id)
        let owner = fact(.owner, incident.device.owner)
        let number = fact(.lostNumber, incident.device.number)
        let lostAt = fact(.lostAt, incident.lostAt?.readable)
        let model = fact(.phoneModel, incident.device.model)
        let imei = fact(.imei, incident.device.imei)
        let started = fact(.started, incident.startedAt.readable)
        let generated = fact(.generated, generatedAt.readable)
        switch audience {
        case .police:
            return [
                Section(facts: [id, model, imei, number, owner, lostAt,
                                Fact(label: w[.whereLost], value: w[.writeHere] + " ________________"), started, generated]),
                doneSection,
            ]
        case .bank:
            let banks = actionSteps.filter { $0.group == "bank" }
            let rows = banks.flatMap { row in
                row.providers.map { p in
                    [p.name, w.name(p.record.state), when(recorded: p.record.updatedAt, happened: p.record.happenedAt) ?? dash,
                     p.record.notes.isEmpty ? dash : p.record.notes.map { noteText($0) }.joined(separator: "\n")]
                }
            }
            return [
                Section(facts: [id, owner, number, lostAt, started, generated]),
                Section(title: w[.cardsFrozen],
                        header: [w.capitalized(.provider), w.capitalized(.stateHeading), w.capitalized(.time), w[.bankNotes]],
                        rows: rows, empty: w[.noBankYet]),
            ] + (dueSection.map { [$0] } ?? [])
        case .insurer:
            let police = actionSteps.first { $0.id == "police" }
            let policeNotes = police.map { $0.notes.map { noteText($0.note, provider: $0.provider) } } ?? []
            let policeValue = policeNotes.isEmpty
                ? (police.map { w.name($0.state) + (stepTime($0).map { " " + $0 } ?? "") } ?? dash) + w.paren(w[.noPoliceNumber])
                : policeNotes.joined(separator: "\n")
            return [
                Section(facts: [id, owner, fact(.profile(.insurer), incident.device.insurer), fact(.profile(.policy), incident.device.policy),
                                model, imei, number, lostAt, Fact(label: w[.policeNumber], value: policeValue), started, generated]),
                doneSection,
            ] + (dueSection.map { [$0] } ?? [])
        }
    }

    /// What was done, and when: every provider (or step) of an action step that is no longer
    /// to do, by the time it happened.
    var doneSection: Section {
        let w = words
        var rows: [(at: Timestamp, cells: [String])] = []
        for row in actionSteps {
            var records: [(String?, ProviderRecord)] = row.own.map { [(nil, $0)] } ?? []
            records += row.providers.map { ($0.name, $0.record) }
            for (name, r) in records where r.state != .pending {
                guard let recorded = r.updatedAt else { continue }
                let notes = r.notes.map { noteText($0) }.joined(separator: "\n")
                rows.append((r.happenedAt ?? recorded,
                             [when(recorded: recorded, happened: r.happenedAt) ?? "", row.title, name ?? "–",
                              w.name(r.state), notes.isEmpty ? "–" : notes]))
            }
        }
        rows.sort { $0.at < $1.at }
        return Section(title: w[.whatWasDone],
                       header: [.time, .step, .provider, .stateHeading, .note].map(w.capitalized),
                       rows: rows.map(\.cells), empty: w[.noFreezeYet])
    }
}
