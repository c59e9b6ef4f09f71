import Foundation
import Testing
@testable import LostphoneCore

/// The insurer's claim window, held by the profile (`insurance.claim-within`): checked by the one
/// field validator, carried into a new incident's details, and, once the incident has a lost-at
/// time, the date of the insurance claim's follow-up.
@Suite struct ClaimWindowTests {
    let playbook = PlaybookLoader.builtin()

    @Test func theValidatorKeepsDaysWeeksAndMonthsAndRefusesTheRest() throws {
        #expect(try DeviceField.claimWithin.accept("30d").get() == "30d")
        #expect(try DeviceField.claimWithin.accept(" 30 ").get() == "30d", "a bare number is days")
        #expect(try DeviceField.claimWithin.accept("4w").get() == "4w")
        #expect(try DeviceField.claimWithin.accept("3mo").get() == "3mo")
        for bad in ["soon", "2h", "30m", "-5d", "0d", "99999d", "400mo", "30 days"] {
            guard case .failure(let problem) = DeviceField.claimWithin.accept(bad) else {
                Issue.record("\(bad) was kept"); continue
            }
            #expect(problem.text(Words(.en)).hasPrefix("Claim window: A claim window is a number of days"), "\(bad)")
            #expect(problem.text(Words(.zh)).contains("理赔期限写成天数"), "\(bad)")
        }
    }

    @Test func theProfileHoldsItBesideTheInsurerAndKeepsItThroughItsFile() throws {
        let yaml = "version: 1\ninsurance:\n  insurer: \"PICC\"\n  claim-within: 30\n"
        let load = ProfileFile.parse(yaml: yaml, file: "profile.yaml", playbook: playbook)
        #expect(load.problems.isEmpty, "\(load.problems)")
        let profile = try #require(load.profile)
        #expect(profile.device.claimWithin == "30d")
        let text = ProfileFile.serialize(profile, playbook: playbook)
        #expect(text.contains("claim-within: 30d"), "\(text)")
        #expect(ProfileFile.parse(yaml: text, file: "p", playbook: playbook).profile?.device.claimWithin == "30d")
    }

    @Test func aWrongClaimWindowIsRefusedWithItsLineAndColumn() {
        let yaml = "version: 1\ninsurance:\n  insurer: \"PICC\"\n  claim-within: soon\n"
        let load = ProfileFile.parse(yaml: yaml, file: "profile.yaml", playbook: playbook)
        #expect(load.profile == nil)
        #expect(load.problems.map { "\($0.line):\($0.column)" } == ["4:17"], "\(load.problems)")
        #expect(load.problems.first?.message.contains("insurance.claim-within: A claim window is") == true, "\(load.problems)")
    }

    @Test func prepareSetsItAndRefusesAWrongOneSavingNothing() throws {
        let edited = try ProfileEdit(fields: [.claimWithin: "6w"]).applied(to: Profile(), playbook: playbook, now: t0, words: Words(.en))
        #expect(edited.device.claimWithin == "6w")
        #expect(throws: ProfileEditError.self) {
            try ProfileEdit(fields: [.claimWithin: "tomorrow"]).applied(to: Profile(), playbook: playbook, now: t0, words: Words(.en))
        }
    }

    /// A new incident from the profile carries the window; with a lost-at time the claim is due
    /// that long after the loss; `i` (a details event without it) keeps it; the claim step done
    /// closes it.
    @Test func theClaimIsDueTheWindowAfterTheLossAndClosesWithTheClaimStep() throws {
        var profile = Profile()
        profile.device.claimWithin = "30d"
        var (incident, _) = Incident.open(id: "claim", playbook: playbook, at: t0)
        for event in profile.openingEvents(for: incident, playbook: playbook, language: .en) { try incident.apply(event) }
        #expect(incident.device.claimWithin == "30d")
        #expect(FollowUps.list(incident, playbook: playbook).isEmpty, "no lost-at time yet: no date")

        let lost = at(-3600)
        try incident.apply(incident.event(for: .details(lostAt: lost, device: DeviceDetails(owner: "张三")), at: at(60)))
        #expect(incident.device.claimWithin == "30d", "a details event without the window keeps it")
        let item = try #require(FollowUps.list(incident, playbook: playbook).first { $0.key == "insurance/claim-window" })
        #expect(item.due == DueOffset(amount: 30, unit: .days).after(lost))
        let row = try #require(DueList(incident: incident, playbook: playbook, language: .en, now: at(120)).rows.first)
        #expect(row.title == "Make the insurance claim: the policy's window (30 days from the loss) ends" && row.kind == .own)
        #expect(row.relative == "in 30 days")
        let zh = DueList(incident: incident, playbook: playbook, language: .zh, now: at(120)).rows.first
        #expect(zh?.title == "申请保险理赔：保单的理赔期限（丢失后 30 天）截止")

        try incident.apply(incident.event(for: .move("insurance", to: .done, provider: nil), at: at(180)))
        #expect(FollowUps.list(incident, playbook: playbook).first { $0.key == "insurance/claim-window" }?.closedAt != nil)
    }

    @Test func aJournalWithAWrongClaimWindowIsRefusedWithItsLine() throws {
        var (incident, _) = Incident.open(id: "bad", playbook: playbook, at: t0)
        var event = try incident.event(for: .details(lostAt: nil, device: DeviceDetails(owner: "A")), at: at(1))
        guard case .details(var details) = event.payload else { Issue.record("not details: \(event.kind)"); return }
        details.device.claimWithin = "soon"
        event.payload = .details(details)
        #expect(throws: IncidentError.self) { try incident.apply(event) }
    }
}
