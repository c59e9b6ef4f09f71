import Foundation
import Testing
@testable import LostphoneCore

/// `lostphone prepare`'s flags as a change to the profile: merged, checked whole, refused whole.
@Suite struct ProfileEditTests {
    let playbook = PlaybookLoader.builtin()
    let w = Words(.en)

    func existing() -> Profile {
        var p = Profile(device: DeviceDetails(model: "iPhone 15", owner: "张三"), insurer: "PICC")
        p.set("bank", "boc", ticked: true)
        p.set("carrier", "china-unicom", ticked: true)
        p.tips["tip-2"] = t0
        return p
    }

    func problems(_ edit: ProfileEdit, _ profile: Profile = Profile()) -> [String] {
        do {
            _ = try edit.applied(to: profile, playbook: playbook, now: at(60), words: w)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func aChoiceGivenReplacesItsTicksAndTheRestIsKept() throws {
        let edit = ProfileEdit(choices: ["bank": ["icbc", "cmb", "icbc"]], fields: [.imei: "49-015420-323751-8"], tipsDone: ["tip-1"])
        let p = try edit.applied(to: existing(), playbook: playbook, now: at(60), words: w)
        #expect(p.ticked("bank") == ["icbc", "cmb"], "boc is replaced, icbc given twice is kept once")
        #expect(p.ticked("carrier") == ["china-unicom"])
        #expect(p.device.imei == "490154203237518" && p.device.model == "iPhone 15" && p.device.owner == "张三")
        #expect(p.insurer == "PICC")
        #expect(p.tips == ["tip-1": at(60), "tip-2": t0])
    }

    @Test func aTipAlreadyDoneKeepsItsDayAndUndoneTakesItBack() throws {
        let again = try ProfileEdit(tipsDone: ["tip-2"]).applied(to: existing(), playbook: playbook, now: at(60), words: w)
        #expect(again.tips["tip-2"] == t0)
        let undone = try ProfileEdit(tipsUndone: ["tip-2"]).applied(to: existing(), playbook: playbook, now: at(60), words: w)
        #expect(undone.tips.isEmpty)
    }

    @Test func clearEmptiesAChoiceAFieldOrTheTipsAndAnEmptyValueRemovesAField() throws {
        let p = try ProfileEdit(fields: [.model: "  "], clear: ["bank", "owner", "tips"])
            .applied(to: existing(), playbook: playbook, now: at(60), words: w)
        #expect(p.ticked("bank").isEmpty && p.choices["bank"] == nil)
        #expect(p.device.owner == nil && p.device.model == nil)
        #expect(p.tips.isEmpty)
        #expect(p.ticked("carrier") == ["china-unicom"] && p.insurer == "PICC")
    }

    @Test func anUnknownIdIsRefusedNamingTheValidOnes() {
        let found = problems(ProfileEdit(choices: ["bank": ["icbc", "hsbc"]]))
        #expect(found.count == 1)
        #expect(found.first?.contains("hsbc") == true)
        #expect(found.first?.contains("icbc, boc, bocom, cmb, ccb, abc, other-bank") == true, "\(found)")
        #expect(problems(ProfileEdit(tipsDone: ["tip-99"])).first?.contains("tip-1, tip-2") == true)
        let clear = problems(ProfileEdit(clear: ["banks"]))
        #expect(clear.first?.contains("banks") == true && clear.first?.contains("carrier, bank, app") == true && clear.first?.contains("imei") == true)
    }

    @Test func aChoiceThePlaybookLacksIsRefused() throws {
        // The example guide has no provider groups: nothing to tick a bank in.
        let other = try PlaybookLoader.load(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/example-playbook.yaml").path).get()
        #expect(other.profileChoices.isEmpty)
        #expect(throws: ProfileEditError(problems: [w[.noSuchChoice(w[.choiceTitle("bank")], valid: "")]])) {
            try ProfileEdit(choices: ["bank": ["icbc"]]).applied(to: Profile(), playbook: other, now: at(60), words: w)
        }
    }

    @Test func aWrongIMEIIsRefusedWithTheCheckDigitAndWhereToFindIt() {
        let found = problems(ProfileEdit(fields: [.imei: "490154203237519"]))
        #expect(found.count == 1)
        #expect(found[0].contains(w[.imeiCheckDigit(8)]) && found[0].contains("*#06#"), "\(found)")
        #expect(problems(ProfileEdit(fields: [.imei: "12345"])).first?.contains(w[.imeiLength(5)]) == true)
    }

    @Test func controlCharactersAndOverlongTextsAreRefused() {
        // The one field validator's words, as the form and `i` say them.
        #expect(problems(ProfileEdit(fields: [.owner: "Zhang\u{1B}[2J"])) == [FieldProblem(field: .owner, reason: .invisibleCharacter(0x1B)).text(w)])
        #expect(problems(ProfileEdit(fields: [.policy: "A\u{202E}B"])) == [FieldProblem(field: .policy, reason: .invisibleCharacter(0x202E)).text(w)])
        #expect(problems(ProfileEdit(fields: [.policy: "A\u{202E}B"])).first?.contains("U+202E") == true)
        let long = String(repeating: "x", count: ProfileFile.maxFieldLength + 1)
        #expect(problems(ProfileEdit(fields: [.insurer: long])) == [FieldProblem(field: .insurer, reason: .tooLong(long.count)).text(w)])
    }

    @Test func theSameThingSetAndClearedIsRefused() {
        #expect(problems(ProfileEdit(choices: ["bank": ["icbc"]], clear: ["bank"])) == [w[.setAndCleared("bank")]])
        #expect(problems(ProfileEdit(fields: [.imei: "490154203237518"], clear: ["imei"])) == [w[.setAndCleared("imei")]])
        #expect(problems(ProfileEdit(tipsDone: ["tip-1"], tipsUndone: ["tip-1"])) == [w[.doneAndUndone("tip-1")]])
    }

    @Test func everyProblemIsNamedAtOnce() {
        let found = problems(ProfileEdit(choices: ["bank": ["hsbc"], "brand": ["nokia"]], fields: [.imei: "1"], tipsDone: ["tip-0"]))
        #expect(found.count == 4, "\(found)")
    }

    @Test func whatIsSavedSurvivesTheFile() throws {
        let edited = try ProfileEdit(choices: ["app": ["wechat"]], fields: [.emergencyContact: "李四 \"139\" 0013 9000", .number: "+86 138 0013 8000"])
            .applied(to: existing(), playbook: playbook, now: at(60), words: w)
        let load = ProfileFile.parse(yaml: ProfileFile.serialize(edited, playbook: playbook), file: "p", playbook: playbook)
        #expect(load.problems.isEmpty)
        #expect(load.profile?.emergencyContact == "李四 \"139\" 0013 9000" && load.profile?.device.number == "+86 138 0013 8000")
        #expect(load.profile?.ticked("app") == ["wechat"])
    }
}

/// The profile as `prepare --show` and `--list` print it.
@Suite struct ProfileTextTests {
    let playbook = PlaybookLoader.builtin()

    func profile() -> Profile {
        var p = Profile(updated: t0, device: DeviceDetails(imei: "490154203237518", owner: "Zhang\u{1B}[31m"))
        p.set("bank", "icbc", ticked: true)
        p.set("bank", "cmb", ticked: true)
        p.tips["tip-1"] = t0
        return p
    }

    @Test func theSummaryNamesEachChoiceFieldAndTipAndMakesControlsVisible() {
        let lines = ProfileText.summary(profile(), playbook: playbook, words: Words(.en))
        #expect(lines.contains("Last reviewed: 2026-11-24"), "\(lines)")
        #expect(lines.contains("Banks: ICBC (icbc), China Merchants Bank (cmb)"), "\(lines)")
        #expect(lines.contains("IMEI: 490154203237518"))
        #expect(lines.contains("Owner: Zhang␛[31m"), "the escape is shown, never sent: \(lines)")
        #expect(lines.contains("Prevention checklist: 1 of 12 done"))
        #expect(lines.contains { $0.hasPrefix("  tip-1 ") && $0.hasSuffix("(done 2026-11-24)") })
        #expect(lines.last == Words(.en)[.noPasswords])
        let zh = ProfileText.summary(profile(), playbook: playbook, words: Words(.zh))
        #expect(zh.contains("银行：中国工商银行（icbc），招商银行（cmb）"), "\(zh)")
    }

    @Test func theListMarksWhatTheProfileHasUnderEachFlag() {
        let lines = ProfileText.choices(profile(), playbook: playbook, words: Words(.en)) { $0 == "platform" ? nil : "--\($0)" }
        #expect(lines.contains("Banks  --bank"))
        #expect(lines.contains("Lending platforms (platform)"), "a choice without a flag shows its id")
        #expect(lines.contains { $0.hasPrefix("  [x] icbc ") && $0.contains("ICBC") })
        #expect(lines.contains { $0.hasPrefix("  [ ] boc ") && $0.contains("Bank of China") })
        #expect(lines.contains { $0.hasPrefix("  [x] tip-1 ") && $0.hasSuffix("(done 2026-11-24)") })
        #expect(lines.contains { $0.hasPrefix("  [ ] tip-10") })
        #expect(lines.last == "[x] in your profile")
        let unmarked = ProfileText.choices(nil, playbook: playbook, words: Words(.en)) { "--\($0)" }
        #expect(!unmarked.dropLast().contains { $0.contains("[x]") })
    }
}
