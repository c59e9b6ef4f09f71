/// The plain-text export: fits 80 columns, for printing or pasting into an e-mail.
extension Report {
    public static let textWidth = 80

    public func text() -> String {
        let width = Report.textWidth
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
        let title = zh ? "手机丢失处理报告" : "LOST PHONE REPORT"
        o.append(title)
        o.append(String(repeating: "=", count: TextWidth.of(title)))
        func field(_ name: String, _ value: String) { put(TextWidth.padded(TextWidth.truncate(name, to: 12), to: 12) + " " + value, hanging: 13) }
        field(zh ? "编号" : "Incident", incident.id)
        field(zh ? "开始处理" : "Started", incident.startedAt.readable)
        field(zh ? "丢失时间" : "Lost at", incident.lostAt?.readable ?? "-")
        field(zh ? "手机型号" : "Device", incident.device.model ?? "-")
        field("IMEI", incident.device.imei ?? "-")
        field(zh ? "处理完毕" : "Resolved", incident.resolvedAt?.readable ?? (zh ? "尚未" : "not yet"))
        field(zh ? "报告生成" : "Generated", generatedAt.readable)

        heading(zh ? "紧急冻结用时" : "Time to each urgent freeze")
        if durations.isEmpty { put(zh ? "尚无已完成的紧急冻结。" : "No urgent freeze is done yet.") }
        for d in durations {
            var line = "\(d.doneAt.readable)  +\(duration(d.secondsAfterStart))"
            if let l = d.secondsAfterLoss { line += zh ? "（距丢失 \(duration(l))）" : " (\(duration(l)) after loss)" }
            put(d.title, indent: 2)
            put(line, indent: 6)
        }

        heading(zh ? "尚未完成" : "Still open")
        if open.isEmpty { put(zh ? "所有行动步骤均已完成或不适用。" : "Every action step is done or skipped.") }
        for row in open { put("- \(row.title)\(paren(stateName(row.state)))", indent: 2, hanging: 2) }

        var pane: PaneID? = nil
        for row in steps {
            if row.pane != pane { pane = row.pane; heading(row.paneTitle) }
            put("[\(stateName(row.state))] \(row.title)", indent: 2, hanging: 4)
            var facts: [String] = []
            if let t = row.updatedAt { facts.append(t.readable) }
            if let p = row.providerName { facts.append(p) }
            if !facts.isEmpty { put(facts.joined(separator: " · "), indent: 6) }
            if let n = row.note { put((zh ? "备注：" : "Note: ") + n, indent: 6, hanging: 2) }
        }

        heading(zh ? "时间线" : "Timeline")
        for r in events {
            put("\(r.event.seq). \(r.event.at.readable)  \(eventSummary(r))", indent: 2, hanging: 4)
            if let p = r.providerName, r.event.kind == .move || r.event.kind == .note { put(p, indent: 6) }
            if let n = r.event.note { put((zh ? "备注：" : "Note: ") + n, indent: 6, hanging: 2) }
        }
        return o.joined(separator: "\n") + "\n"
    }
}
