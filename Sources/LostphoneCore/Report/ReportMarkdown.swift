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

    public func markdown() -> String {
        var o: [String] = []
        let dash = "–"
        o.append("# " + Report.cell(zh ? "手机丢失处理报告" : "Lost phone report"))
        o.append("")
        o.append("| | |")
        o.append("| --- | --- |")
        o.append("| \(zh ? "编号" : "Incident") | \(Report.cell(incident.id)) |")
        o.append("| \(zh ? "开始处理" : "Started") | \(incident.startedAt.readable) |")
        o.append("| \(zh ? "丢失时间" : "Lost at") | \(incident.lostAt?.readable ?? dash) |")
        o.append("| \(zh ? "手机型号" : "Device") | \(incident.device.model.map(Report.cell) ?? dash) |")
        o.append("| IMEI | \(incident.device.imei.map(Report.cell) ?? dash) |")
        o.append("| \(zh ? "处理完毕" : "Resolved") | \(incident.resolvedAt?.readable ?? (zh ? "尚未" : "not yet")) |")
        o.append("| \(zh ? "指南" : "Guide") | \(Report.cell(playbookTitle)) (\(Report.cell(playbookID)) v\(playbookVersion)) |")
        o.append("| \(zh ? "报告生成" : "Generated") | \(generatedAt.readable) |")
        o.append("")

        o.append("## " + (zh ? "紧急冻结用时" : "Time to each urgent freeze"))
        o.append("")
        if durations.isEmpty {
            o.append(zh ? "尚无已完成的紧急冻结。" : "No urgent freeze is done yet.")
        } else {
            let lossColumn = incident.lostAt != nil
            o.append("| \(zh ? "步骤" : "Step") | \(zh ? "完成时间" : "Done at") | \(zh ? "距开始" : "After start") |" + (lossColumn ? " \(zh ? "距丢失" : "After loss") |" : ""))
            o.append("| --- | --- | --- |" + (lossColumn ? " --- |" : ""))
            for d in durations {
                o.append("| \(Report.cell(d.title)) | \(d.doneAt.readable) | \(duration(d.secondsAfterStart)) |"
                         + (lossColumn ? " \(d.secondsAfterLoss.map(duration) ?? dash) |" : ""))
            }
        }
        o.append("")

        o.append("## " + (zh ? "尚未完成" : "Still open"))
        o.append("")
        if open.isEmpty {
            o.append(zh ? "所有行动步骤均已完成或不适用。" : "Every action step is done or skipped.")
        } else {
            for row in open { o.append("- \(Report.cell(row.title))\(paren(stateName(row.state)))") }
        }
        o.append("")

        var pane: PaneID? = nil
        for (i, row) in steps.enumerated() {
            if row.pane != pane {
                pane = row.pane
                o.append("## " + Report.cell(row.paneTitle))
                o.append("")
                o.append("| \(zh ? "步骤" : "Step") | \(zh ? "状态" : "State") | \(zh ? "更新时间" : "Updated") | \(zh ? "机构" : "Provider") | \(zh ? "备注" : "Note") |")
                o.append("| --- | --- | --- | --- | --- |")
            }
            o.append("| \(Report.cell(row.title)) | \(stateName(row.state)) | \(row.updatedAt?.readable ?? dash) | \(row.providerName.map(Report.cell) ?? dash) | \(row.note.map(Report.cell) ?? dash) |")
            if i + 1 == steps.count || steps[i + 1].pane != row.pane { o.append("") }
        }

        o.append("## " + (zh ? "时间线" : "Timeline"))
        o.append("")
        o.append("| # | \(zh ? "时间" : "Time") | \(zh ? "事件" : "Event") | \(zh ? "机构" : "Provider") | \(zh ? "备注" : "Note") |")
        o.append("| --- | --- | --- | --- | --- |")
        for r in events {
            o.append("| \(r.event.seq) | \(r.event.at.readable) | \(Report.cell(eventSummary(r))) | \(r.providerName.map(Report.cell) ?? dash) | \(r.event.note.map(Report.cell) ?? dash) |")
        }
        o.append("")
        return o.joined(separator: "\n")
    }
}
