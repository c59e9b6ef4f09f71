import Foundation
import Testing
@testable import LostphoneCore

/// A provider with something recorded for it (a state, a note) stays the person's: un-marking it
/// is refused by the one rule the screen and the command line obey, and a journal that holds
/// such an un-marking already (written before the rule) shows the provider in every view.
@Suite struct UnmarkRecordedProviderTests {
    let playbook = PlaybookLoader.builtin()
    var rules: RecordingRules { RecordingRules(playbook: playbook) }

    /// The tester's bank step: ICBC done, CMB blocked.
    func banks() throws -> Incident {
        var (i, _) = Incident.open(id: "20261124-210000", playbook: playbook, at: t0)
        try i.apply(try rules.event(for: .move("bank", to: .done, provider: "icbc"), in: i, at: at(60)).get())
        try i.apply(try rules.event(for: .move("bank", to: .blocked, provider: "cmb"), in: i, at: at(120)).get())
        return i
    }

    func refusal(_ command: IncidentCommand, in i: Incident) -> RecordingRefusal? {
        if case .failure(let refusal) = rules.event(for: command, in: i, at: at(180)) { return refusal }
        return nil
    }

    @Test func unmarkingABankRecordedDoneIsRefusedWithWhyAndWhatToDoInBothLanguages() throws {
        let i = try banks()
        let refused = try #require(refusal(.mine("bank", "icbc", false), in: i), "un-marking ICBC, recorded done, was accepted")
        let en = refused.text(Words(.en), playbook: playbook, surface: .screen)
        #expect(en.contains("ICBC") && en.contains("done") && en.contains("press r"), "\(en)")
        let zh = refused.text(Words(.zh), playbook: playbook, surface: .screen)
        #expect(zh.contains("工商银行") && zh.contains("已完成") && zh.contains("按 r") && !zh.contains("done"), "\(zh)")
        let line = refused.text(Words(.en), playbook: playbook, surface: .commandLine)
        #expect(line.contains("lostphone record bank pending --provider icbc") && !line.contains("press r"), "\(line)")
        // The same through the state machine's own door.
        #expect(throws: IncidentError.self) { _ = try i.event(for: .mine("bank", "icbc", false), at: at(180)) }
        #expect(refusal(.mine("bank", "cmb", false), in: i) != nil, "blocked is recorded too")
    }

    @Test func aProviderWithANoteStaysMineAndOneReopenedMayBeUnmarked() throws {
        var i = try banks()
        try i.apply(try rules.event(for: .note("bank", "ref 42", provider: "boc"), in: i, at: at(130)).get())
        let noted = try #require(refusal(.mine("bank", "boc", false), in: i), "a note would vanish from the screen and status")
        let zh = noted.text(Words(.zh), playbook: playbook, surface: .screen)
        #expect(zh.contains("中国银行") && zh.contains("备注"), "\(zh)")
        // Reopened (back to to do, nothing else recorded for it): it may be un-marked.
        try i.apply(try rules.event(for: .move("bank", to: .pending, provider: "icbc"), in: i, at: at(140)).get())
        try i.apply(try rules.event(for: .mine("bank", "icbc", false), in: i, at: at(150)).get())
        #expect(!i.record("bank").provider("icbc").mine)
        // A provider only marked is un-marked as before.
        try i.apply(try rules.event(for: .mine("bank", "abc", true), in: i, at: at(160)).get())
        try i.apply(try rules.event(for: .mine("bank", "abc", false), in: i, at: at(170)).get())
        #expect(i.record("bank").mine.map(\.provider) == ["cmb", "boc"])
    }

    /// A journal written before the rule holds the tester's un-marking: ICBC, recorded done,
    /// is still in the step's line, its details, `status` and every report.
    @Test func anUnmarkingAlreadyInAJournalHidesNothingInAnyView() throws {
        var i = try banks()
        try i.apply(Event(seq: i.events.count + 1, at: at(180), .mine(.init(step: "bank", provider: "icbc", mine: false))))
        let replayed = try Incident.replay(i.events, id: i.id)
        #expect(replayed == i)
        let rec = i.record("bank")
        #expect(rec.mine.map(\.provider) == ["icbc", "cmb"], "the screen's line and details list `mine`")
        let status = StatusText.render(i, playbook: playbook, language: .en, now: at(200), journalPath: "/j")
        #expect(status.contains("[x] ICBC"), "\(status)")
        let report = Report(incident: i, playbook: playbook, language: .en, generatedAt: at(200))
        #expect(report.markdown().contains("| ↳ | done |") && report.steps.first { $0.id == "bank" }?.providers.count == 2)
    }
}
