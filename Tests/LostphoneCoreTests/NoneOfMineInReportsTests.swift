import Foundation
import Testing
@testable import LostphoneCore

/// "None of mine" (`X`, `record lending none`) and "no other bank of mine" are said by the
/// reports' step tables as `status` says them, with when they were said: never "skipped" with
/// no time, which reads as a step passed over.
@Suite struct NoneOfMineInReportsTests {
    let playbook = PlaybookLoader.builtin()
    var rules: RecordingRules { RecordingRules(playbook: playbook) }

    func record(_ i: inout Incident, _ command: IncidentCommand, _ second: Int) throws {
        try i.apply(try rules.event(for: command, in: i, at: at(second)).get())
    }

    /// Every line of `text` that holds `title`.
    func lines(_ text: String, holding title: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.contains(title) }
    }

    /// The step's row in the Markdown report's step table (five columns).
    func stepRow(_ md: String, _ title: String) -> Substring? {
        lines(md, holding: "| \(title) |").first { $0.filter { $0 == "|" }.count == 6 }
    }

    @Test(arguments: Language.allCases)
    func noLendingPlatformIsNoneOfMineWithItsTimeInEveryReportAsInStatus(language: Language) throws {
        var (i, _) = Incident.open(id: "20261124-210000", playbook: playbook, at: t0)
        try record(&i, .noneOfMine("lending"), 300)
        let w = Words(language)
        let none = w[.noneOfMine], skipped = w.name(.skipped), time = at(300).readable
        let title = try #require(playbook.step("lending")).title[language]

        let status = StatusText.render(i, playbook: playbook, language: language, now: at(400), journalPath: "/j")
        let statusRow = try #require(lines(status, holding: title).first)
        #expect(statusRow.contains(none) && statusRow.contains(time), "\(statusRow)")

        let report = Report(incident: i, playbook: playbook, language: language, generatedAt: at(400))
        let md = try #require(stepRow(report.markdown(), title))
        #expect(md.contains("| \(none) |") && md.contains(time) && !md.contains(skipped), "\(md)")
        let txt = report.text()
        #expect(txt.contains("[\(none)] " + title.prefix(12)) && !txt.contains("[\(skipped)] " + title.prefix(12)), "\(txt)")
        let html = report.html()
        let row = try #require(html.components(separatedBy: "<tr>").first { $0.contains(title) })
        #expect(row.contains(none) && row.contains(time) && !row.contains(">\(skipped)<"), "\(row)")

        // JSON keeps its contract: the state's identifier, `skipped`, and the step's time in
        // `updatedAt`; the `noneOfMine` event in `events[]` says why.
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        let step = (json?["steps"] as? [[String: Any]])?.first { $0["id"] as? String == "lending" }
        #expect(step?["state"] as? String == "skipped" && step?["updatedAt"] as? String == at(300).text, "\(String(describing: step))")
        #expect((json?["events"] as? [[String: Any]])?.contains { $0["kind"] as? String == "noneOfMine" } == true)
        try ReportSchema.check(report.json(), "none of mine, \(language)")
    }

    @Test(arguments: Language.allCases)
    func noOtherBankAfterICBCIsSaidOnTheBankRowAsInStatus(language: Language) throws {
        var (i, _) = Incident.open(id: "20261124-210000", playbook: playbook, at: t0)
        try record(&i, .move("bank", to: .done, provider: "icbc"), 200)
        try record(&i, .noneOfMine("bank"), 300)
        let w = Words(language)
        let noOther = w[.prompt(.noOtherOfMine(group: "bank"))]
        let title = try #require(playbook.step("bank")).title[language]

        let status = StatusText.render(i, playbook: playbook, language: language, now: at(400), journalPath: "/j")
        #expect(lines(status, holding: title).first?.contains(noOther) == true, "\(status)")
        let report = Report(incident: i, playbook: playbook, language: language, generatedAt: at(400))
        let md = try #require(stepRow(report.markdown(), title))
        #expect(md.contains(w.name(.done)) && md.contains(noOther) && md.contains(at(200).readable), "\(md)")
        #expect(report.text().contains(noOther) && report.html().contains(noOther))
    }
}
