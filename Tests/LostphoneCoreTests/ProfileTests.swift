import Foundation
import Testing
@testable import LostphoneCore

@Suite struct IMEITests {
    @Test func theLuhnCheckDigitAcceptsARealIMEIAndRefusesOneDigitOff() {
        let w = Words(.en)
        // 3GPP's example IMEI: 49015420323751 with check digit 8.
        #expect(IMEI.checkDigit("49015420323751") == 8)
        #expect(IMEI.problem("490154203237518", w) == nil)
        #expect(IMEI.problem("49-015420-323751-8", w) == nil)
        #expect(IMEI.normalized("49 015420 323751 8") == "490154203237518")
        #expect(IMEI.problem("490154203237519", w) == w[.imeiCheckDigit(8)])
        #expect(IMEI.problem("49015420323751", w) == w[.imeiLength(14)])
        #expect(IMEI.problem("49015420323751x", w) == w[.imeiNotDigits])
        #expect(IMEI.normalized("490154203237519") == nil)
    }
}

@Suite struct ProfileTests {
    let playbook = PlaybookLoader.builtin()

    @Test func theChoicesComeFromThePlaybookGroupsAndStepChoices() {
        let choices = playbook.profileChoices
        #expect(choices.map(\.id) == ["carrier", "bank", "app", "platform", "account", "brand"])
        #expect(choices.first { $0.id == "app" }?.options.map(\.id) == ["wechat", "alipay"])
        #expect(choices.first { $0.id == "brand" }?.steps.count == 4)
        #expect(choices.first { $0.id == "carrier" }?.steps == ["sim", "new-sim"])
    }

    func sample() -> Profile {
        var p = Profile(device: DeviceDetails(model: "iPhone 15", imei: "490154203237518", number: "13800138000", owner: "张三"),
                        insurer: "人保财险", policy: "PDAA2026-1", emergencyContact: "李四 13900139000")
        p.set("bank", "icbc", ticked: true)
        p.set("bank", "cmb", ticked: true)
        p.set("carrier", "china-mobile", ticked: true)
        p.set("app", "wechat", ticked: true)
        p.set("brand", "apple", ticked: true)
        p.tips["tip-1"] = Timestamp(parsing: "2026-10-01T09:00:00.000+08:00")!
        return p
    }

    @Test func aProfileSurvivesItsFileAndTheFileNamesNoPassword() {
        let text = ProfileFile.serialize(sample(), playbook: playbook)
        #expect(text.contains("Never a password"))
        #expect(text.contains("bank: [icbc, cmb]"))
        #expect(text.contains("\"13800138000\""))
        let load = ProfileFile.parse(yaml: text, file: "profile.yaml", playbook: playbook)
        #expect(load.problems.isEmpty)
        var expected = sample()
        expected.playbook = playbook.id
        expected.playbookVersion = playbook.version
        #expect(load.profile == expected)
    }

    @Test func idsTheGuideNoLongerHasAreLeftOutAndNamed() {
        let yaml = "version: 1\nplaybook-version: 1\nchoices:\n  bank: [icbc, gone-bank]\n  pager: [motorola]\ntips:\n  tip-99: 2026-01-01T00:00:00+08:00\n"
        let load = ProfileFile.parse(yaml: yaml, file: "p", playbook: playbook)
        #expect(load.problems.isEmpty)
        #expect(load.profile?.ticked("bank") == ["icbc"])
        #expect(Set(load.dropped.map { "\($0.choice)/\($0.id)" }) == ["bank/gone-bank", "pager/motorola", "tips/tip-99"])
    }

    @Test func aDamagedProfileIsRefusedWithItsLine() {
        let yaml = "version: 1\nphone:\n  imei: \"490154203237519\"\n  colour: red\n"
        let load = ProfileFile.parse(yaml: yaml, file: "p", playbook: playbook)
        #expect(load.profile == nil)
        #expect(load.problems.map(\.line) == [3, 4])
        #expect(load.problems[0].message.contains("check digit"))
        let broken = ProfileFile.parse(yaml: "version: 1\nchoices: [\n", file: "p", playbook: playbook)
        #expect(broken.profile == nil && broken.problems.first?.line ?? 0 > 0)
    }

    @Test func savingWrites0600AndNeverReplacesADamagedFile() throws {
        let dir = TempDir()
        let store = ProfileStore(path: dir.path + "/cfg/profile.yaml")
        let saved = try store.save(sample(), playbook: playbook, now: t0)
        #expect(saved.updated == t0)
        let mode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(store.load(playbook: playbook).profile == saved)
        let damaged = "version: 1\nchoices: [\n"
        try damaged.write(toFile: store.path, atomically: false, encoding: .utf8)
        #expect(throws: ProfileSaveError.self) { try store.save(sample(), playbook: playbook, now: t0) }
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == damaged)
    }

    @Test func aYearUnreviewedAsksForReview() {
        var p = sample()
        p.updated = t0
        #expect(!p.needsReview(now: Timestamp(t0.date.addingTimeInterval(364 * 86_400))))
        #expect(p.needsReview(now: Timestamp(t0.date.addingTimeInterval(366 * 86_400))))
    }

    @Test func aNewIncidentStartsPreparedAndUndoNeverTakesThePreparationBack() throws {
        var (incident, _) = Incident.open(id: "x", playbook: playbook, at: t0)
        let events = sample().openingEvents(for: incident, playbook: playbook, language: .en)
        for e in events { try incident.apply(e) }
        #expect(events.allSatisfy { $0.prepared == true })
        #expect(incident.device.imei == "490154203237518" && incident.device.owner == "张三")
        #expect(incident.device.insurer == "人保财险" && incident.device.policy == "PDAA2026-1")
        #expect(incident.record("bank").mine.map(\.provider) == ["icbc", "cmb"])
        #expect(incident.record("bank").prepared)
        #expect(incident.record("bank").state == .pending)
        for step in ["apple", "apple-sound", "apple-lost-mode", "apple-erase"] {
            #expect(incident.record(StepID(step)).mine.map(\.provider) == ["apple"])
        }
        #expect(incident.record("alipay").state == .skipped)
        #expect(incident.record("wechat").state == .pending)
        #expect(incident.record("tip-1").state == .done)
        #expect(incident.record("tip-1").provider(nil).happenedAt == Timestamp(parsing: "2026-10-01T09:00:00.000+08:00"))
        #expect(throws: IncidentError.self) { try incident.event(for: .undo, at: at(5)) }
        // Replayed, it is the same incident.
        #expect(try Incident.replay(incident.events, id: "x") == incident)
    }

    @Test func anEmptyProfilePreparesNothing() {
        let (incident, _) = Incident.open(id: "x", playbook: playbook, at: t0)
        #expect(Profile().openingEvents(for: incident, playbook: playbook, language: .en).isEmpty)
    }
}

@Suite struct ProfileGuideSwitchTests {
    @Test func savingWithAnotherGuideThatLacksItsIdsIsRefusedAndTheFileKept() throws {
        let dir = TempDir()
        let store = ProfileStore(path: dir.path + "/profile.yaml")
        let text = "version: 1\nplaybook: cn-mainland\nchoices:\n  bank: [icbc]\n"
        try text.write(toFile: store.path, atomically: false, encoding: .utf8)
        let other = try #require(try? PlaybookLoader.load(yaml: """
        id: mine
        version: 1
        languages: [en]
        title: {en: "Mine"}
        source:
          publisher: {en: "me"}
        panes:
          - id: now
            title: {en: "Now"}
            steps:
              - id: bank
                title: {en: "Banks"}
                priority: 1
                group: bank
                providers:
                  - {id: local-bank, name: {en: "Local"}}
        """, file: "mine.yaml").get())
        #expect(throws: ProfileSaveError.self) { try store.save(Profile(), playbook: other, now: t0) }
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == text)
        // The guide it was written for saves it.
        try store.save(Profile(), playbook: PlaybookLoader.builtin(), now: t0)
    }
}
