import Foundation
import Testing
@testable import LostphoneCore

/// The one place that decides whether an action may be recorded (`RecordingRules`), the one
/// field validator (`DeviceField`), "none of mine", and what to do now (`WhatNow`): what the
/// screen and the command line both obey.
@Suite struct RecordingRulesTests {
    let playbook = PlaybookLoader.builtin()
    var rules: RecordingRules { RecordingRules(playbook: playbook) }
    func fresh() -> Incident { Incident.open(id: "t", playbook: playbook, at: t0).0 }
    func record(_ i: inout Incident, _ command: IncidentCommand, _ second: Int, anyway: Bool = false) throws {
        try i.apply(try rules.event(for: command, in: i, at: at(second), anyway: anyway).get())
    }

    @Test func anEarlyEraseIsRefusedNamingBothStepsUntilThePersonConfirms() throws {
        var i = fresh()
        let erase = IncidentCommand.move("apple-erase", to: .done, provider: "apple")
        let refused = rules.event(for: erase, in: i, at: at(10))
        #expect(refused == .failure(.requiresFirst(step: "apple-erase", unmet: ["police", "insurance"])))
        guard case .failure(let refusal) = refused else { return }
        let zh = refusal.text(Words(.zh), playbook: playbook, surface: .commandLine)
        #expect(zh.contains("报警") && zh.contains("申请保险理赔") && zh.contains("--anyway") && zh.contains("AppleCare+"), "\(zh)")
        let screen = refusal.text(Words(.en), playbook: playbook, surface: .screen)
        #expect(screen.contains("Report to the police") && !screen.contains("--anyway"), "the screen asks with y instead: \(screen)")
        try record(&i, erase, 11, anyway: true)
        #expect(i.record("apple-erase").provider("apple").state == .done)
        // Once both are settled, nothing is asked.
        var j = fresh()
        try record(&j, .move("police", to: .done, provider: nil), 1)
        try record(&j, .move("insurance", to: .skipped, provider: nil), 2)
        #expect((try? rules.event(for: erase, in: j, at: at(3)).get()) != nil)
    }

    @Test func aMoveNotAllowedIsRefusedBeforeAnyConfirmationAndInThePersonsLanguage() throws {
        var i = fresh()
        try record(&i, .move("apple-erase", to: .done, provider: "apple"), 1, anyway: true)
        let again = rules.event(for: .move("apple-erase", to: .done, provider: "apple"), in: i, at: at(2))
        #expect(again == .failure(.cannotMove(step: "apple-erase", provider: "apple", from: .done, to: .done)))
        // The state machine's own refusal, built in Core, reaches the screen in Chinese.
        do {
            _ = try i.event(for: .move("apple-erase", to: .blocked, provider: "apple"), at: at(3))
            Issue.record("done → blocked must be refused")
        } catch {
            let text = error.text(Words(.zh), playbook: playbook, surface: .screen)
            #expect(text.contains("最后：远程清除数据") && text.contains("按 r") && !text.contains("cannot"), "\(text)")
        }
    }

    @Test func theHappenedAtRulesAreOneForTheFieldAndTheRecording() throws {
        var i = fresh()
        try record(&i, .details(lostAt: at(-3600), device: DeviceDetails()), 1)
        #expect(RecordingRules.happenedAtProblem(at(-7200), now: at(60), in: i) == .happenedBeforeLoss(at(-7200), lostAt: at(-3600)))
        #expect(RecordingRules.happenedAtProblem(at(600), now: at(60), in: i) == .happenedInFuture(at(600)))
        // Within the minute's grace a time typed to the minute is accepted, and recorded as now.
        #expect(RecordingRules.happenedAtProblem(at(90), now: at(60), in: i) == nil)
        let event = try rules.event(for: .move("sim", to: .done, provider: "china-mobile", happenedAt: at(90)), in: i, at: at(60)).get()
        #expect(event.happenedAt == at(60))
        try i.apply(event)
    }

    @Test func theTipToKeepIsDecidedInCore() throws {
        var i = fresh()
        try record(&i, .move("tip-3", to: .done, provider: nil, happenedAt: at(-60)), 5)
        let kept = try #require(rules.tipToKeep(after: i.events.last!, in: i))
        #expect(kept.step == "tip-3" && kept.doneAt == at(-60))
        try record(&i, .move("sim", to: .done, provider: "china-mobile"), 6)
        #expect(rules.tipToKeep(after: i.events.last!, in: i) == nil, "a step that is not a tip")
        try record(&i, .move("tip-3", to: .pending, provider: nil), 7)
        #expect(rules.tipToKeep(after: i.events.last!, in: i)?.doneAt == nil)
    }

    @Test func noneOfMineSettlesAGroupStepReplaysAndIsUndone() throws {
        var i = fresh()
        try record(&i, .noneOfMine("lending"), 5)
        #expect(i.record("lending").state == .skipped && i.record("lending").isNoneOfMine)
        let line = String(decoding: try JSONEncoder().encode(i.events.last!), as: UTF8.self)
        #expect(line.contains("\"kind\":\"noneOfMine\"") && line.contains("\"step\":\"lending\""), "\(line)")
        let replayed = try Incident.replay(i.events, id: "t")
        #expect(replayed == i)
        try record(&i, .undo, 6)
        #expect(i.record("lending").state == .pending && !i.record("lending").isNoneOfMine)
        #expect(rules.event(for: .noneOfMine("police"), in: i, at: at(7)) == .failure(.noProvidersForNone("police")))
        // A platform recorded after all is the person's: the step follows it.
        try record(&i, .noneOfMine("lending"), 8)
        try record(&i, .move("lending", to: .inProgress, provider: "jd-finance"), 9)
        #expect(i.record("lending").state == .inProgress && !i.record("lending").isNoneOfMine)
    }

    /// A "none of mine" line says what was true when it was recorded: a platform marked the
    /// person's later does not turn it into "no other of mine" in the report or the timeline,
    /// and a "no more" said after one of theirs stays "no other".
    @Test func aNoneOfMineLineKeepsWhatItSaidWhenRecorded() throws {
        var i = fresh()
        try record(&i, .noneOfMine("lending"), 5)
        let none = i.events.last!
        try record(&i, .move("lending", to: .done, provider: "jd-finance"), 6)
        try record(&i, .noneOfMine("lending"), 7)
        let noOther = i.events.last!
        #expect(!i.saidNoOther(none) && i.saidNoOther(noOther))
        #expect(try Incident.replay(i.events, id: "t") == i, "a replay decides the same")
        let md = Report(incident: i, playbook: playbook, language: .en, generatedAt: at(8)).markdown()
        // The timeline's lines (numbered); the step's row says what is true now: no other.
        let said = md.split(separator: "\n").filter { $0.contains("none of mine") || $0.contains("no other") }
        let lines = said.filter { $0.dropFirst(2).first?.isNumber == true }
        #expect(said.filter { $0.hasPrefix("| Report the loss to lending") }.map { $0.contains("no other") } == [true], "\(said)")
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first.map { $0.contains("none of mine") && !$0.contains("no other") } == true, "\(lines)")
        #expect(lines.last.map { $0.contains("no other") } == true, "\(lines)")
    }

    /// The identifier type and the new event kind change no byte: every line of the fixture
    /// journal and of the documented example re-encodes as it was written.
    @Test func journalLinesReencodeByteForByte() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/journals/before-provider-tracking.jsonl")
        var lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.append(#"{"at":"2026-12-03T14:44:09.420+08:00","kind":"noneOfMine","seq":8,"step":"lending"}"#)
        for line in lines {
            let event = try JSONDecoder().decode(Event.self, from: Data(line.utf8))
            #expect(String(decoding: Journal.encode(event), as: UTF8.self) == line + "\n")
        }
        _ = try Incident.replay(lines.dropLast().map { try JSONDecoder().decode(Event.self, from: Data($0.utf8)) })
    }

    @Test func oneValidatorForEveryFieldWithOneMessage() {
        #expect(DeviceField.imei.accept(" 49-015420-323751-8 ") == .success("490154203237518"))
        #expect(DeviceField.imei.accept("490154203237519") == .failure(FieldProblem(field: .imei, reason: .imeiCheckDigit(8))))
        #expect(DeviceField.owner.accept("A\u{202E}B") == .failure(FieldProblem(field: .owner, reason: .invisibleCharacter(0x202E))))
        #expect(DeviceField.policy.accept(String(repeating: "x", count: 201)) == .failure(FieldProblem(field: .policy, reason: .tooLong(201))))
        #expect(DeviceField.model.accept("   ") == .success(nil))
        let zh = FieldProblem(field: .owner, reason: .invisibleCharacter(0x7)).text(Words(.zh))
        #expect(zh.hasPrefix("机主：") && zh.contains("U+0007"), "\(zh)")
    }

    @Test func detailsRecordedInTheIncidentGoThroughTheSameValidator() {
        let i = fresh()
        let refused = rules.event(for: .details(lostAt: nil, device: DeviceDetails(owner: "Zhang\u{1B}[2J")), in: i, at: at(1))
        #expect(refused == .failure(.field(FieldProblem(field: .owner, reason: .invisibleCharacter(0x1B)))))
    }

    @Test func aHandEditedProfileIsRefusedForWhatTheFormRefuses() {
        let yaml = "version: 1\nphone:\n  owner: \"A\\u202EB\"\n"
        let load = ProfileFile.parse(yaml: yaml, file: "profile.yaml", playbook: playbook)
        #expect(load.profile == nil && load.problems.first?.description.contains("U+202E") == true, "\(load.problems)")
        let imei = ProfileFile.parse(yaml: "version: 1\nphone:\n  imei: \"490154203237519\"\n", file: "profile.yaml", playbook: playbook)
        #expect(imei.problems.first?.description.contains("*#06#") == true, "\(imei.problems)")
    }

    @Test func whatToDoNowIsTheFirstOpenStepByPriorityForThePersonsProvider() throws {
        var i = fresh()
        #expect(WhatNow.step(in: playbook, i)?.step.id == "sim")
        #expect(WhatNow.yourProviders(of: playbook.step("sim")!, in: playbook, i).isEmpty)
        try record(&i, .move("sim", to: .done, provider: "china-unicom"), 1)
        #expect(WhatNow.step(in: playbook, i)?.step.id == "bank")
        // The carrier chosen for the SIM is the person's in every step of the group.
        #expect(WhatNow.yourProviders(of: playbook.step("new-sim")!, in: playbook, i).map(\.id) == ["china-unicom"])
        try record(&i, .move("bank", to: .done, provider: "icbc"), 2)
        try record(&i, .move("bank", to: .blocked, provider: "cmb"), 3)
        #expect(WhatNow.yourProviders(of: playbook.step("bank")!, in: playbook, i).map(\.id) == ["cmb", "icbc"], "the one still to do first")
    }

    @Test func everyStepAndProviderIdIsListedOnce() {
        #expect(playbook.stepIDs.contains("apple-erase") && playbook.stepIDs.contains("lending"))
        let providers = playbook.providerIDs()
        #expect(providers.contains("jd-finance") && providers.contains("china-mobile"))
        #expect(Set(providers).count == providers.count)
        #expect(playbook.providerIDs(of: "lending") == ["jd-finance", "other-platform"])
    }

    @Test func theIdTypesAreOneGenericType() {
        let step: StepID = "sim"
        let provider: ProviderID = "sim"
        #expect(step.rawValue == provider.rawValue)
        #expect(Identifier<StepTag>.self == StepID.self && Identifier<ProviderTag>.self == ProviderID.self)
    }
}
