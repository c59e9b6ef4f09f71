import Foundation

/// The text of `lostphone status`: the incident and every step's state, one line each, for a
/// terminal without the full screen.
public enum StatusText {
    public static func render(_ incident: Incident, playbook: Playbook, language: Language, now: Timestamp,
                              journalPath: String) -> String {
        let w = Words(language)
        var out = ""
        // Everything from the journal is made visible: a note could hold an escape sequence.
        func line(_ s: String = "") { out += Sanitize.visible(s) + "\n" }
        line("\(w[.incidentTitle]) \(incident.id)")
        line("\(w.capitalized(.started)) \(incident.startedAt.readable)")
        if let o = incident.device.owner { line("\(w.capitalized(.owner)) \(o)") }
        if let n = incident.device.number { line("\(w.capitalized(.lostNumber)) \(n)") }
        if let l = incident.lostAt { line("\(w.capitalized(.lostAt)) \(l.readable)") }
        if let m = incident.device.model { line("\(w.capitalized(.phoneModel)) \(m)") }
        if let i = incident.device.imei { line("\(w.capitalized(.imei)) \(i)") }
        if let i = incident.device.insurer { line("\(w.capitalized(.profile(.insurer))) \(i)") }
        if let p = incident.device.policy { line("\(w.capitalized(.profile(.policy))) \(p)") }
        if let r = incident.resolvedAt { line("\(w.capitalized(.resolved)) \(r.readable)") }
        // Counted as the screen counts: from the loss when its time is known.
        let elapsed = Int(now.date.timeIntervalSince((incident.lostAt ?? incident.startedAt).date))
        line("\(w.capitalized(incident.lostAt == nil ? .elapsed : .sinceLoss)) " + String(format: "%d:%02d:%02d", elapsed / 3600, elapsed % 3600 / 60, elapsed % 60))
        // Times as the reports give them: when it happened, then when it was recorded; an urgent
        // step done, signed from the start ("19m 36s before you opened lostphone").
        let report = Report(incident: incident, playbook: playbook, language: language, generatedAt: now)
        var since: [StepID: String] = [:]
        for d in report.durations {
            since[d.step] = (d.secondsAfterStart >= 0 ? w.label(.sinceStart) : "") + w[.fromStart(seconds: d.secondsAfterStart)]
        }
        let legend: [StepState] = [.done, .inProgress, .blocked, .skipped, .pending]
        line(w.label(.stateHeading) + legend.map { "[\(mark($0))] \(w.name($0))" }.joined(separator: " "))
        for pane in playbook.panes {
            let settled = pane.steps.filter { incident.record($0.id).state.isSettled }.count
            line()
            line("\(pane.title[language]) \(settled)/\(pane.steps.count)")
            for step in pane.steps {
                let rec = incident.record(step.id)
                var row = "  [\(mark(rec.state))] \(step.title[language])"
                if let c = rec.lastChange {
                    row += " · " + (report.when(recorded: c.recorded, happened: c.happened) ?? "")
                } else if let t = rec.updatedAt { row += " · \(t.readable)" }
                if rec.isNoneOfMine { row += " · " + w[.noneOfMine] }
                if rec.saidNoOther { row += " · " + w[.prompt(.noOtherOfMine(group: step.group))] }
                line(row)
                if let s = since[step.id] { line("      " + s) }
                // One line per provider the person uses, and per note.
                for (id, r) in rec.mine {
                    if let id {
                        var sub = "      [\(mark(r.state))] " + (step.provider(id)?.name[language] ?? id.rawValue)
                        if let t = report.when(recorded: r.updatedAt, happened: r.happenedAt) { sub += " · " + t }
                        line(sub)
                    }
                    for n in r.notes { line(String(repeating: " ", count: id == nil ? 6 : 10) + w.label(.note) + n.text) }
                }
            }
        }
        // What is due, as `lostphone due` lists it (overdue first), when anything is.
        if !report.due.rows.isEmpty {
            line()
            line(DueWords.heading[language])
            for row in report.due.rows {
                let when = row.status == .done
                    ? DueWords.doneOn[language] + " " + (row.closedAt?.readable ?? "")
                    : (row.relative ?? "") + " · " + DueWords.due[language] + " " + row.due.readable
                line("  [\(DueWords.status(row.status)[language])] \(row.title) · \(when)")
                let whose = ([row.stepTitle] + (row.providerName.map { [$0] } ?? [])).joined(separator: " · ")
                line("      " + (row.status == .done ? whose : (row.contact.map { $0 + " · " } ?? "") + whose))
            }
        }
        line()
        line(w.label(.journal) + journalPath)
        return out
    }

    /// The state's mark in a status row; the legend line names each.
    public static func mark(_ s: StepState) -> String {
        switch s {
        case .pending: " "
        case .inProgress: ">"
        case .done: "x"
        case .blocked: "!"
        case .skipped: "-"
        }
    }
}
