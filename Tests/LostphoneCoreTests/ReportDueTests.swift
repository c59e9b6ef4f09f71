import Foundation
import Testing
@testable import LostphoneCore

/// What is due in the md, txt and html reports and in `lostphone status`: the rows of `lostphone
/// due`, in its order, cut per reader (none for the police, the bank's for the bank, the claim's
/// for the insurer).
@Suite struct ReportDueTests {
    /// ICBC's debit card reported by phone two days before t0, CMB's line blocked with a retry in
    /// 30 minutes, and an item of the person's own on the insurance step (the claim window).
    static func incident() throws -> Incident {
        let playbook = PlaybookLoader.builtin()
        var (incident, _) = Incident.open(id: "due", playbook: playbook, at: at(-3 * 86_400))
        let commands: [IncidentCommand] = [
            .move("debit-card", to: .done, provider: "icbc", happenedAt: at(-2 * 86_400)),
            .move("bank", to: .blocked, provider: "cmb", retry: at(1800)),
            .note("insurance", "Claim window ends", provider: nil, due: at(20 * 86_400)),
        ]
        for command in commands { try incident.apply(incident.event(for: command, at: at(-60))) }
        return incident
    }

    static func report(_ language: Language = .en, for audience: ReportAudience? = nil) throws -> Report {
        Report(incident: try incident(), playbook: PlaybookLoader.builtin(), language: language, generatedAt: t0, audience: audience)
    }

    @Test(arguments: [ReportFormat.md, .txt, .html])
    func theFullReportListsWhatIsDueInTheOrderOfLostphoneDue(format: ReportFormat) throws {
        let report = try Self.report()
        let text = format.render(report)
        let heading = try #require(text.range(of: "What is due"), "\(format)")
        let titles = report.due.rows.map(\.title)
        #expect(titles == ["Try again: China Merchants Bank", "Report the debit card in writing at its branch", "Claim window ends"])
        let places = try titles.map { try #require(text.range(of: $0, range: heading.upperBound..<text.endIndex), "\($0) in \(format)").lowerBound }
        #expect(places == places.sorted(), "the order of lostphone due, in \(format)")
        for field in ["in 30 min", "in 3 days", "95588", "95555", "2026-11-27 21:00", "ICBC",
                      "the Savings Regulations (《储蓄管理条例》), article 31"] {
            #expect(text.contains(field), "\(field) in \(format)")
        }
    }

    @Test func theChineseReportSaysItInChinese() throws {
        let md = try Self.report(.zh).markdown()
        #expect(md.contains("## 待办事项") && md.contains("还有 3 天") && md.contains("再试一次：招商银行"), "\(md)")
    }

    @Test(arguments: [ReportFormat.md, .txt, .html])
    func eachReaderGetsTheFollowUpsTheyNeed(format: ReportFormat) throws {
        let police = format.render(try Self.report(for: .police))
        #expect(!police.contains("What is due") && !police.contains("in writing"), "no bank deadline for the police (\(format))")
        let bank = format.render(try Self.report(for: .bank))
        #expect(bank.contains("What is due") && bank.contains("Report the debit card in writing at its branch")
                && bank.contains("Try again: China Merchants Bank"), "\(format)\n\(bank)")
        #expect(!bank.contains("Claim window ends"), "the claim is not the bank's (\(format))")
        let insurer = format.render(try Self.report(for: .insurer))
        #expect(insurer.contains("Claim window ends") && !insurer.contains("in writing"), "\(format)\n\(insurer)")
    }

    @Test func aCutWithNothingForItsReaderHasNoSection() throws {
        let playbook = PlaybookLoader.builtin()
        let (incident, _) = Incident.open(id: "none", playbook: playbook, at: t0)
        let bank = Report(incident: incident, playbook: playbook, language: .en, generatedAt: t0, audience: .bank)
        #expect(!bank.markdown().contains("What is due"))
        let full = Report(incident: incident, playbook: playbook, language: .en, generatedAt: t0)
        #expect(full.markdown().contains("## What is due\n\nNothing is due."))
    }

    @Test func statusListsWhatIsDueWithTheNumberToCall() throws {
        let status = StatusText.render(try Self.incident(), playbook: PlaybookLoader.builtin(), language: .en, now: t0, journalPath: "/j")
        let section = try #require(status.range(of: "What is due\n"), "\(status)")
        let after = String(status[section.upperBound...])
        #expect(after.hasPrefix("  [due soon] Try again: China Merchants Bank · in 30 min · due "), "\(after)")
        #expect(after.contains("95588 · Debit cards lost too: report them by phone · ICBC"), "\(after)")
        #expect(after.contains("[later] Claim window ends · in 20 days"), "\(after)")
    }
}
