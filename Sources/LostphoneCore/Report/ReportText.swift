/// The plain-text export: fits 80 columns, for printing or pasting into an e-mail.
extension Report {
    public static let textWidth = 80

    public func text() -> String {
        let width = Report.textWidth
        let w = words
        var o: [String] = []
        func put(_ text: String, indent: Int = 0, hanging: Int = 0) {
            let clean = Sanitize.visible(text, keepLineBreaks: true)
            var first = true
            for raw in clean.split(separator: "\n", omittingEmptySubsequences: false) {
                // Wrapped to the narrower continuation width, so no line can overflow.
                let lines = TextWidth.wrap(String(raw), to: max(10, width - indent - hanging))
                for (i, line) in (lines.isEmpty ? [""] : lines).enumerated() {
                    let p = (first && i == 0) ? indent : indent + hanging
                    o.append(String(repeating: " ", count: p) + line)
                }
                first = false
            }
        }
        func heading(_ t: String) {
            o.append("")
            o.append(t)
            o.append(String(repeating: "-", count: min(width, TextWidth.of(t))))
        }
        let title = self.title.uppercased()
        o.append(title)
        o.append(String(repeating: "=", count: TextWidth.of(title)))
        func field(_ name: String, _ value: String) { put(TextWidth.padded(TextWidth.truncate(name, to: 12), to: 12) + " " + value, hanging: 13) }
        func statementAndDeclaration() {
            o.append("")
            put(timesStatement)
            heading(w[.declarationTitle])
            put(w[.declaration])
            for label in [ReportWord.name, .date, .signature] {
                o.append("")
                put(w[label] + w.colon + " ______________________________")
            }
        }
        // A section of a cut, or what is due: its heading, facts, then one entry per row.
        func section(_ section: Section) {
            if let t = section.title { heading(t) }
            for f in section.facts { put(f.label + w.colon + f.value, hanging: 4) }
            if !section.header.isEmpty {
                if section.rows.isEmpty { put(section.empty ?? "-") }
                for r in section.rows {
                    // One entry per row: the first cell, then the others as labelled lines.
                    put("- " + r[0], indent: 2, hanging: 2)
                    for (label, cell) in zip(section.header.dropFirst(), r.dropFirst()) { put(label + w.colon + cell, indent: 6, hanging: 2) }
                }
            }
        }
        if audience != nil {
            for s in cutSections { section(s) }
            statementAndDeclaration()
            return o.joined(separator: "\n") + "\n"
        }
        field(w.capitalized(.incidentID), incident.id)
        field(w.capitalized(.started), incident.startedAt.readable)
        field(w.capitalized(.owner), incident.device.owner ?? "-")
        field(w.capitalized(.lostNumber), incident.device.number ?? "-")
        field(w.capitalized(.lostAt), incident.lostAt?.readable ?? "-")
        field(w.capitalized(.phoneModel), incident.device.model ?? "-")
        field(w.capitalized(.imei), incident.device.imei ?? "-")
        if let i = incident.device.insurer { field(w.capitalized(.profile(.insurer)), i) }
        if let p = incident.device.policy { field(w.capitalized(.profile(.policy)), p) }
        field(w.capitalized(.resolved), incident.resolvedAt?.readable ?? w[.notYet])
        field(w.capitalized(.generated), generatedAt.readable)
        statementAndDeclaration()

        heading(w.capitalized(.timeToFreeze))
        if durations.isEmpty { put(w[.noFreezeYet]) }
        for d in durations {
            put(d.title, indent: 2)
            put(when(recorded: d.recordedAt, happened: d.doneAt) ?? "", indent: 6, hanging: 2)
            var line = w.capitalized(.sinceStart) + w.colon + w[.fromStart(seconds: d.secondsAfterStart)]
            if let l = d.secondsAfterLoss { line += w.semicolon + w[.sinceLoss] + w.colon + w[.fromLoss(seconds: l)] }
            put(line, indent: 6, hanging: 2)
        }

        heading(w.capitalized(.stillOpen))
        if open.isEmpty { put(w[.allSettled]) }
        for row in open { put("- \(row.title)\(w.paren(w.name(row.state)))", indent: 2, hanging: 2) }
        if let due = dueSection { section(due) }

        var pane: PaneID? = nil
        for row in actionSteps {
            if row.pane != pane { pane = row.pane; heading(row.paneTitle) }
            put("[\(stateText(row))] \(row.title)", indent: 2, hanging: 4)
            // None of its providers is the person's: when they said so.
            if row.own == nil && row.providers.isEmpty, let t = stepTime(row) { put(t, indent: 6, hanging: 2) }
            if let own = row.own {
                if let t = when(recorded: own.updatedAt, happened: own.happenedAt) { put(t, indent: 6, hanging: 2) }
                for n in own.notes { put(w.label(.note) + noteText(n), indent: 6, hanging: 2) }
            }
            for p in row.providers {
                var line = "\(p.name)\(w.colon)[\(w.name(p.record.state))]"
                if let t = when(recorded: p.record.updatedAt, happened: p.record.happenedAt) { line += " " + t }
                put(line, indent: 6, hanging: 4)
                for n in p.record.notes { put(w.label(.note) + noteText(n), indent: 10, hanging: 2) }
            }
        }

        if !tipsDone.isEmpty {
            heading(w[.tipsDoneBefore])
            for row in tipsDone { put("- \(row.title)\(w.colon)\(tipLine(row))", indent: 2, hanging: 2) }
        }

        heading(w.capitalized(.timeline))
        for r in events {
            put("\(r.event.seq). \(when(recorded: r.event.at, happened: r.event.happenedAt) ?? "")  \(eventSummary(r))", indent: 2, hanging: 4)
            if let p = r.providerName, [.move, .note, .mine].contains(r.event.kind) { put(p, indent: 6) }
            if let n = r.event.note { put(w.label(.note) + n, indent: 6, hanging: 2) }
        }
        return o.joined(separator: "\n") + "\n"
    }
}
