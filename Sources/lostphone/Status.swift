import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// A one-screen text summary of the newest incident, readable without the full screen.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what has been recorded so far, as plain text.")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let playbook = try common.loadPlaybook()
            let (incident, path) = try IncidentSession.readLatest(store: common.store)
            print(StatusText.render(incident, playbook: playbook, language: common.language(),
                                    now: SystemClock().now(), journalPath: path), terminator: "")
        }
    }
}

/// The text of `lostphone status`.
enum StatusText {
    static func render(_ incident: Incident, playbook: Playbook, language: Language, now: Timestamp,
                       journalPath: String) -> String {
        let zh = language == .zh
        var out = ""
        // Everything from the journal is made visible: a note could hold an escape sequence.
        func line(_ s: String = "") { out += Sanitize.visible(s) + "\n" }
        line(zh ? "手机丢失处理记录 \(incident.id)" : "Lost phone incident \(incident.id)")
        line((zh ? "开始于 " : "Started ") + incident.startedAt.readable)
        if let l = incident.lostAt { line((zh ? "丢失于 " : "Lost at ") + l.readable) }
        if let m = incident.device.model { line((zh ? "型号 " : "Model ") + m) }
        if let i = incident.device.imei { line("IMEI " + i) }
        if let r = incident.resolvedAt { line((zh ? "已结案 " : "Resolved ") + r.readable) }
        let elapsed = Int(now.date.timeIntervalSince(incident.startedAt.date))
        line((zh ? "已过 " : "Elapsed ") + String(format: "%d:%02d:%02d", elapsed / 3600, elapsed % 3600 / 60, elapsed % 60)
         )
        line((zh ? "状态：[x] 已完成 [>] 进行中 [!] 受阻 [-] 不适用 [ ] 待办" : "[x] done [>] in progress [!] blocked [-] skipped [ ] to do"))
        for pane in playbook.panes {
            let settled = pane.steps.filter { incident.record($0.id).state.isSettled }.count
            line()
            line("\(pane.title[language]) \(settled)/\(pane.steps.count)")
            for step in pane.steps {
                let rec = incident.record(step.id)
                var row = "  [\(mark(rec.state))] \(step.title[language])"
                if let p = step.provider(rec.provider) { row += " · \(p.name[language])" }
                if let t = rec.updatedAt { row += " · \(t.readable)" }
                if let n = rec.note, !n.isEmpty { row += " · \(n)" }
                line(row)
            }
        }
        line()
        line((zh ? "日志：" : "Journal: ") + journalPath)
        return out
    }

    static func mark(_ s: StepState) -> String {
        switch s {
        case .pending: " "
        case .inProgress: ">"
        case .done: "x"
        case .blocked: "!"
        case .skipped: "-"
        }
    }
}
