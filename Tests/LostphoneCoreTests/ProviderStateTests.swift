import Foundation
import Testing
@testable import LostphoneCore

/// State per provider: each bank, carrier or brand the person uses has its own state, times and
/// notes; a step's state is derived from them.
@Suite struct ProviderStateTests {
    let playbook = PlaybookLoader.builtin()
    func fresh() -> Incident { Incident.open(id: "t", playbook: playbook, at: t0).0 }
    func record(_ i: inout Incident, _ command: IncidentCommand, _ second: Int) throws {
        try i.apply(try i.event(for: command, at: at(second)))
    }

    /// A person with an ICBC and a China Merchants Bank card: CMB blocked, then ICBC done.
    @Test func twoBanksKeepTheirOwnStatesAndNotes() throws {
        var i = fresh()
        try record(&i, .move("bank", to: .blocked, provider: "cmb"), 10)
        try record(&i, .note("bank", "95555 busy", provider: "cmb"), 11)
        try record(&i, .move("bank", to: .done, provider: "icbc"), 20)
        let bank = i.record("bank")
        #expect(bank.provider("cmb").state == .blocked && bank.provider("cmb").notes.map(\.text) == ["95555 busy"])
        #expect(bank.provider("icbc").state == .done && bank.provider("icbc").notes.isEmpty)
        #expect(bank.state == .blocked, "CMB is still not frozen")
        #expect(bank.mine.map(\.provider) == ["cmb", "icbc"])
        let report = Report(incident: i, playbook: playbook, language: .en, generatedAt: at(30))
        let row = try #require(report.steps.first { $0.id == "bank" })
        #expect(row.state == .blocked && row.providers.map(\.id) == ["cmb", "icbc"])
    }

    @Test(arguments: [
        ([], StepState.pending),
        ([StepState.done], .done),
        ([.done, .skipped], .done),
        ([.skipped, .skipped], .skipped),
        ([.done, .pending], .inProgress),
        ([.inProgress], .inProgress),
        ([.done, .blocked], .blocked),
        ([.pending], .pending),
    ] as [([StepState], StepState)])
    func aStepsStateIsDerivedFromTheProvidersOfMine(states: [StepState], expected: StepState) throws {
        var i = fresh()
        let banks: [ProviderID] = ["icbc", "boc", "cmb"]
        for (n, s) in states.enumerated() {
            if s == .pending { try record(&i, .mine("bank", banks[n], true), n + 1) } else { try record(&i, .move("bank", to: s, provider: banks[n]), n + 1) }
        }
        #expect(i.record("bank").state == expected)
    }

    /// Un-marking takes a provider out of the summary once nothing is recorded for it: CMB,
    /// blocked, stays the person's until it is reopened.
    @Test func markingAProviderAsNotMineTakesItOutOfTheSummaryOnceReopened() throws {
        var i = fresh()
        try record(&i, .move("bank", to: .blocked, provider: "cmb"), 1)
        try record(&i, .move("bank", to: .done, provider: "icbc"), 2)
        #expect(throws: IncidentError.self) { try i.event(for: .mine("bank", "cmb", false), at: at(3)) }
        try record(&i, .move("bank", to: .pending, provider: "cmb"), 3)
        try record(&i, .mine("bank", "cmb", false), 4)
        #expect(i.record("bank").state == .done)
        try record(&i, .undo, 5)
        #expect(i.record("bank").state == .inProgress, "CMB is the person's again, to do")
    }

    @Test func notesAreAddedNeverReplaced() throws {
        var i = fresh()
        try record(&i, .note("police", "case 1", provider: nil), 1)
        try record(&i, .note("police", "officer Li", provider: nil), 2)
        #expect(i.record("police").notes.map(\.note.text) == ["case 1", "officer Li"])
        #expect(throws: IncidentError.self) { try i.event(for: .note("police", "", provider: nil), at: at(3)) }
    }

    @Test func aHappenedTimeIsKeptBesideTheRecordedOne() throws {
        var i = fresh()
        try record(&i, .details(lostAt: at(-3600), device: DeviceDetails()), 1)
        try record(&i, .move("sim", to: .done, provider: "china-mobile", happenedAt: at(-1200)), 60)
        let r = i.record("sim").provider("china-mobile")
        #expect(r.updatedAt == at(60) && r.happenedAt == at(-1200) && r.effectiveAt == at(-1200))
        #expect(i.events.last?.at == at(60) && i.events.last?.happenedAt == at(-1200))
    }

    @Test func aHappenedTimeInTheFutureOrBeforeTheLossIsRefusedSayingWhich() throws {
        var i = fresh()
        try record(&i, .details(lostAt: at(-3600), device: DeviceDetails()), 1)
        #expect { try i.event(for: .move("sim", to: .done, provider: "china-mobile", happenedAt: at(600)), at: at(60)) }
            throws: { ($0 as? IncidentError)?.message.contains("is in the future") == true }
        #expect { try i.event(for: .move("sim", to: .done, provider: "china-mobile", happenedAt: at(-7200)), at: at(60)) }
            throws: { ($0 as? IncidentError)?.message.contains("before the phone was lost") == true }
    }

    /// A journal written before provider tracking, in that release's own format: it replays
    /// into the new model without loss. There a step had one state whatever the provider, so a
    /// move's `from` may be the step's state; the switch from ICBC (blocked) to BOC (done) now
    /// keeps both banks, and the step stays blocked, which is what was true.
    @Test func aJournalFromBeforeProviderTrackingReplaysWithoutLoss() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/journals/before-provider-tracking.jsonl")
        let events = try Journal.read(path: url.path)
        let i = try Incident.replay(events, id: "old")
        #expect(i.events.count == 12)
        #expect(i.lostAt?.text == "2026-11-24T20:30:00.000+08:00" && i.device.model == "iPhone 12")
        let sim = i.record("sim")
        #expect(sim.state == .done && sim.provider("china-mobile").state == .done)
        #expect(sim.provider("china-mobile").notes.map(\.text) == ["受理号 A1"])
        let bank = i.record("bank")
        #expect(bank.provider("icbc").state == .blocked && bank.provider("boc").state == .done)
        #expect(bank.state == .blocked)
        #expect(i.record("wechat").state == .skipped)
        #expect(i.record("police").notes.map(\.note.text) == ["case 2026-1124"], "a note cleared in the old format adds nothing")
        // Recording goes on, per provider, in the same journal.
        var next = i
        try next.apply(try next.event(for: .move("bank", to: .done, provider: "icbc"), at: at(700)))
        #expect(next.record("bank").state == .done)
    }

    @Test func aCurrentJournalChecksEveryMoveAgainstItsProvider() throws {
        var i = fresh()
        try record(&i, .move("bank", to: .blocked, provider: "icbc"), 1)
        // `from: blocked` for BOC, which is still to do: only an old journal may say so.
        let forged = Event(seq: 3, at: at(2), .move(.init(step: "bank", from: .blocked, to: .done, provider: "boc")))
        #expect(throws: IncidentError.self) { try i.apply(forged) }
    }
}
