/// The Markdown export: headings and tables that render on GitHub, in editors and in print.
extension Report {
    /// A table cell: pipes, line breaks, HTML and emphasis characters cannot break the row or
    /// change how the text reads; control characters are made visible.
    static func cell(_ text: String) -> String {
        var out = ""
        for ch in Sanitize.visible(text.replacingOccurrences(of: "\r\n", with: "\n"), keepLineBreaks: true) {
            switch ch {
            case "|": out += "\\|"
            case "\n": out += "<br>"
            case "\t": out += " "
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "*", "_", "`", "[", "]", "#", "~": out += "\\\(ch)"
            default: out.append(ch)
            }
        }
        return out
    }

    /// How the times were recorded, and the declaration with its name, date and signature lines.
    func markdownStatementAndDeclaration() -> [String] {
        let w = words
        let line = "____________________"
        return [Report.cell(timesStatement), "", "**\(Report.cell(w[.declarationTitle]))**", "", Report.cell(w[.declaration]), "",
                w[.name] + w.colon + line + "  ", w[.date] + w.colon + line + "  ", w[.signature] + w.colon + line, ""]
    }

    public func markdown() -> String {
        let w = words
        var o: [String] = []
        let dash = "–"
        // A table's header row and its rule.
        func header(_ columns: [String]) {
            o.append("| " + columns.joined(separator: " | ") + " |")
            o.append("|" + String(repeating: " --- |", count: columns.count))
        }
        // A section of a cut, or what is due: its heading, facts, then its table.
        func put(_ section: Section) {
            if let t = section.title { o.append("## " + Report.cell(t)); o.append("") }
            if !section.facts.isEmpty {
                o.append("| | |")
                o.append("| --- | --- |")
                for f in section.facts { o.append("| \(Report.cell(f.label)) | \(Report.cell(f.value)) |") }
                o.append("")
            }
            if !section.header.isEmpty {
                if section.rows.isEmpty { o.append(section.empty ?? dash) } else {
                    header(section.header.map(Report.cell))
                    for r in section.rows { o.append("| " + r.map(Report.cell).joined(separator: " | ") + " |") }
                }
                o.append("")
            }
        }
        o.append("# " + Report.cell(title))
        o.append("")
        if audience != nil {
            for section in cutSections { put(section) }
            o += markdownStatementAndDeclaration()
            return o.joined(separator: "\n")
        }
        o.append("| | |")
        o.append("| --- | --- |")
        o.append("| \(w.capitalized(.incidentID)) | \(Report.cell(incident.id)) |")
        o.append("| \(w.capitalized(.started)) | \(incident.startedAt.readable) |")
        o.append("| \(w.capitalized(.owner)) | \(incident.device.owner.map(Report.cell) ?? dash) |")
        o.append("| \(w.capitalized(.lostNumber)) | \(incident.device.number.map(Report.cell) ?? dash) |")
        o.append("| \(w.capitalized(.lostAt)) | \(incident.lostAt?.readable ?? dash) |")
        o.append("| \(w.capitalized(.phoneModel)) | \(incident.device.model.map(Report.cell) ?? dash) |")
        o.append("| \(w.capitalized(.imei)) | \(incident.device.imei.map(Report.cell) ?? dash) |")
        // Insurance only when there is one: most phones have none.
        if let i = incident.device.insurer { o.append("| \(w.capitalized(.profile(.insurer))) | \(Report.cell(i)) |") }
        if let p = incident.device.policy { o.append("| \(w.capitalized(.profile(.policy))) | \(Report.cell(p)) |") }
        o.append("| \(w.capitalized(.resolved)) | \(incident.resolvedAt?.readable ?? w[.notYet]) |")
        o.append("| \(w.capitalized(.guide)) | \(Report.cell(playbookTitle)) (\(Report.cell(playbookID)) v\(playbookVersion)) |")
        o.append("| \(w.capitalized(.generated)) | \(generatedAt.readable) |")
        o.append("")
        o += markdownStatementAndDeclaration()

        o.append("## " + w.capitalized(.timeToFreeze))
        o.append("")
        if durations.isEmpty {
            o.append(w[.noFreezeYet])
        } else {
            let lossColumn = incident.lostAt != nil
            header([w.capitalized(.step), w.capitalized(.doneAt), w.capitalized(.sinceStart)]
                   + (lossColumn ? [w.capitalized(.sinceLoss)] : []))
            for d in durations {
                o.append("| \(Report.cell(d.title)) | \(Report.cell(when(recorded: d.recordedAt, happened: d.doneAt) ?? dash)) | \(Report.cell(w[.fromStart(seconds: d.secondsAfterStart)])) |"
                         + (lossColumn ? " \(d.secondsAfterLoss.map { Report.cell(w[.fromLoss(seconds: $0)]) } ?? dash) |" : ""))
            }
        }
        o.append("")

        o.append("## " + w.capitalized(.stillOpen))
        o.append("")
        if open.isEmpty {
            o.append(w[.allSettled])
        } else {
            for row in open { o.append("- \(Report.cell(row.title))\(w.paren(w.name(row.state)))") }
        }
        o.append("")
        if let due = dueSection { put(due) }

        let steps = actionSteps
        var pane: PaneID? = nil
        for (i, row) in steps.enumerated() {
            if row.pane != pane {
                pane = row.pane
                o.append("## " + Report.cell(row.paneTitle))
                o.append("")
                header([.step, .stateHeading, .updated, .provider, .note].map(w.capitalized))
            }
            // The step, with its own record where it has no providers; then one row per provider.
            let own = row.own
            let ownNotes = (own?.notes ?? []).map { noteText($0) }
            o.append("| \(Report.cell(row.title)) | \(Report.cell(stateText(row))) | \(Report.cell(stepTime(row) ?? dash)) | \(dash) | \(ownNotes.isEmpty ? dash : Report.cell(ownNotes.joined(separator: "\n"))) |")
            for p in row.providers {
                let notes = p.record.notes.map { noteText($0) }
                o.append("| ↳ | \(w.name(p.record.state)) | \(Report.cell(when(recorded: p.record.updatedAt, happened: p.record.happenedAt) ?? dash)) | \(Report.cell(p.name)) | \(notes.isEmpty ? dash : Report.cell(notes.joined(separator: "\n"))) |")
            }
            if i + 1 == steps.count || steps[i + 1].pane != row.pane { o.append("") }
        }

        if !tipsDone.isEmpty {
            o.append("## " + Report.cell(w[.tipsDoneBefore]))
            o.append("")
            for row in tipsDone { o.append("- \(Report.cell(row.title))\(w.colon)\(Report.cell(tipLine(row)))") }
            o.append("")
        }

        o.append("## " + w.capitalized(.timeline))
        o.append("")
        header(["#"] + [.time, .event, .provider, .note].map(w.capitalized))
        for r in events {
            o.append("| \(r.event.seq) | \(Report.cell(when(recorded: r.event.at, happened: r.event.happenedAt) ?? "")) | \(Report.cell(eventSummary(r))) | \(r.providerName.map(Report.cell) ?? dash) | \(r.event.note.map(Report.cell) ?? dash) |")
        }
        o.append("")
        return o.joined(separator: "\n")
    }
}
