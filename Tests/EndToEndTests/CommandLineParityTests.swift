import Foundation
import Testing

/// The command line on a par with the screen, run as a person would from a shell: the same
/// recording rules (an early erase refused, then recorded with `--anyway`), the incident's
/// details, "none of mine", the step to do now, every id, and `--lang` for one run.
@Suite(.offThePool) final class CommandLineParityTests {
    private let homes = TemporaryHomes()

    func home() throws -> URL { try homes.make("parity") }

    func journal(_ home: URL) throws -> URL {
        let dir = home.appendingPathComponent("state/lostphone")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }
        guard files.count == 1 else { throw E2EError("expected one journal, found \(files)") }
        return dir.appendingPathComponent(files[0])
    }

    func events(_ home: URL) throws -> [[String: Any]] {
        try String(contentsOf: try journal(home), encoding: .utf8).split(separator: "\n")
            .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
    }

    @Test func eraseBeforeThePoliceAndTheClaimIsRefusedNamingBothAndWritesNothingThenAnywayRecordsIt() throws {
        let h = try home()
        let env = homeEnvironment(h)
        let first = try runBinary(["record", "sim", "done", "--provider", "china-mobile", "--lang", "en"], environment: env)
        #expect(first.status == 0, "\(first.err)")
        let before = try Data(contentsOf: try journal(h))

        let refused = try runBinary(["record", "apple-erase", "done", "--provider", "apple", "--lang", "en"], environment: env)
        #expect(refused.status == 1)
        #expect(refused.err.contains("Report to the police") && refused.err.contains("Make the insurance claim"),
                "both steps it requires are named: \(refused.err)")
        #expect(refused.err.contains("--anyway") && refused.err.contains("AppleCare+"), "the reason and the way on: \(refused.err)")
        #expect(try Data(contentsOf: try journal(h)) == before, "nothing was written")

        // The same reason in the person's language.
        let chinese = try runBinary(["record", "apple-erase", "done", "--provider", "apple", "--lang", "zh"], environment: env)
        #expect(chinese.status == 1)
        #expect(chinese.err.contains("报警") && chinese.err.contains("申请保险理赔") && chinese.err.contains("--anyway"), "\(chinese.err)")
        #expect(!chinese.err.contains("comes after"), "no English reaches a Chinese reader: \(chinese.err)")
        #expect(try Data(contentsOf: try journal(h)) == before)

        let anyway = try runBinary(["record", "apple-erase", "done", "--provider", "apple", "--anyway", "--lang", "en"], environment: env)
        #expect(anyway.status == 0, "\(anyway.err)")
        let last = try events(h).last
        #expect(last?["step"] as? String == "apple-erase" && last?["to"] as? String == "done" && last?["provider"] as? String == "apple")
    }

    @Test func aMoveTheStateMachineRefusesIsSaidInChineseWithTheCommandThatReopens() throws {
        let h = try home()
        let env = homeEnvironment(h)
        _ = try runBinary(["record", "police", "done"], environment: env)
        let again = try runBinary(["record", "police", "blocked", "--lang", "zh"], environment: env)
        #expect(again.status == 1)
        #expect(again.err.contains("报警") && again.err.contains("lostphone record police pending"), "\(again.err)")
        #expect(!again.err.contains("cannot move"), "\(again.err)")
    }

    @Test func aTipRecordedDoneOnTheCommandLineIsKeptInTheProfile() throws {
        let h = try home()
        let r = try runBinary(["record", "tip-1", "done"], environment: homeEnvironment(h))
        #expect(r.status == 0, "\(r.err)")
        let profile = try String(contentsOf: h.appendingPathComponent("config/lostphone/profile.yaml"), encoding: .utf8)
        #expect(profile.contains("tip-1:"), "the checklist outlives the incident:\n\(profile)")
    }

    @Test func detailsSetTheLostAtTimeThatExportThenShows() throws {
        let h = try home()
        let env = homeEnvironment(h)
        let set = try runBinary(["details", "--lost-at", "-2h", "--owner", "王芳", "--imei", "49-015420-323751-8", "--lang", "en"], environment: env)
        #expect(set.status == 0, "\(set.err)")
        let details = try #require(try events(h).last { $0["kind"] as? String == "details" })
        let lostAt = try #require(details["lostAt"] as? String)
        #expect(details["owner"] as? String == "王芳" && details["imei"] as? String == "490154203237518")
        let readable = String(lostAt.prefix(10)) + " " + String(lostAt.dropFirst(11).prefix(8))

        let shown = try runBinary(["details", "--lang", "en"], environment: env)
        #expect(shown.out.contains("Lost at: " + String(readable.prefix(16))) && shown.out.contains("Owner: 王芳"), "\(shown.out)")

        let report = try runBinary(["export", "--format", "md", "-o", "-", "--lang", "en"], environment: env)
        #expect(report.status == 0, "\(report.err)")
        #expect(report.out.contains("| Lost at | \(readable)"), "the report has the lost-at time \(readable):\n\(report.out.prefix(600))")
    }

    @Test func detailsRefuseWhatTheFormRefusesAndWriteNothing() throws {
        let h = try home()
        let env = homeEnvironment(h)
        _ = try runBinary(["record", "police", "done"], environment: env)
        let before = try Data(contentsOf: try journal(h))
        let imei = try runBinary(["details", "--imei", "490154203237519", "--lang", "en"], environment: env)
        #expect(imei.status == 1 && imei.err.contains("*#06#") && imei.err.contains("(the first 14 give 8)"), "\(imei.err)")
        let bidi = try runBinary(["details", "--owner", "A\u{202E}B", "--lang", "zh"], environment: env)
        #expect(bidi.status == 1 && bidi.err.contains("U+202E") && bidi.err.contains("控制字符"), "\(bidi.err)")
        let future = try runBinary(["details", "--lost-at", "2099-01-01 10:00", "--lang", "en"], environment: env)
        #expect(future.status == 1 && future.err.contains("is in the future"), "\(future.err)")
        #expect(try Data(contentsOf: try journal(h)) == before)
    }

    @Test func aStepWithProvidersCanBeAnsweredNoneOfMine() throws {
        let h = try home()
        let env = homeEnvironment(h)
        let r = try runBinary(["record", "lending", "none", "--lang", "en"], environment: env)
        #expect(r.status == 0, "\(r.err)")
        let last = try events(h).last
        #expect(last?["kind"] as? String == "noneOfMine" && last?["step"] as? String == "lending")
        let status = try runBinary(["status", "--lang", "en"], environment: env)
        #expect(status.out.contains("Report the loss to lending and financing platforms · ") && status.out.contains("none of mine"), "\(status.out)")
        let report = try runBinary(["export", "--format", "txt", "-o", "-", "--lang", "zh"], environment: env)
        #expect(report.out.contains("我都没有"), "the report says so:\n\(report.out)")
        // Settled: what to do next is the step after it.
        let next = try runBinary(["next", "--json"], environment: env)
        #expect(!next.out.contains("\"step\" : \"lending\""), "\(next.out)")

        let noProviders = try runBinary(["record", "police", "none", "--lang", "en"], environment: env)
        #expect(noProviders.status == 1 && noProviders.err.contains("record it skipped"), "\(noProviders.err)")
    }

    /// After one of theirs, "none" is "no other": the command line says it as the screen, `status`
    /// and the reports do, in either language, never "none of the providers is yours".
    @Test func noneAfterOneOfTheirsIsSaidNoOther() throws {
        let h = try home()
        let env = homeEnvironment(h)
        #expect(try runBinary(["record", "bank", "done", "--provider", "icbc"], environment: env).status == 0)
        let zh = try runBinary(["record", "bank", "none", "--lang", "zh"], environment: env)
        #expect(zh.status == 0 && zh.out.contains("没有别的银行了") && !zh.out.contains("一家都没有"), "\(zh.out)")
        let status = try runBinary(["status", "--lang", "zh"], environment: env)
        #expect(status.out.contains("没有别的银行了"), "\(status.out)")
        let en = try runBinary(["record", "sim", "done", "--provider", "china-mobile"], environment: env)
        #expect(en.status == 0)
        let noOtherSIM = try runBinary(["record", "sim", "none", "--lang", "en"], environment: env)
        #expect(noOtherSIM.out.contains("no other SIM card of mine") && !noOtherSIM.out.contains("none of the providers"), "\(noOtherSIM.out)")
    }

    @Test func nextNamesTheStepToDoNowWithItsNumberForThePersonsProvider() throws {
        let h = try home()
        let env = homeEnvironment(h)
        let fresh = try runBinary(["next", "--lang", "en"], environment: env)
        #expect(fresh.status == 0, "\(fresh.err)")
        #expect(fresh.out.contains("Do now: Report the loss and freeze the SIM card (sim)") && fresh.out.contains("Call: 10086"), "\(fresh.out)")
        #expect(!FileManager.default.fileExists(atPath: h.appendingPathComponent("state/lostphone").path), "next only reads")

        _ = try runBinary(["record", "sim", "done", "--provider", "china-unicom"], environment: env)
        _ = try runBinary(["record", "bank", "blocked", "--provider", "cmb"], environment: env)
        let json = try runBinary(["next", "--json"], environment: env)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["step"] as? String == "bank" && object["provider"] as? String == "cmb" && object["yours"] as? Bool == true, "\(json.out)")
        #expect(object["number"] as? String == "95555", "\(json.out)")
        #expect(object["press"] is NSNull, "an absent value is null, as in the report's JSON: \(json.out)")
        #expect((object["record"] as? String)?.contains("lostphone record bank done --provider cmb") == true)
    }

    /// `next` and the screen's "← now" come from one function: after the SIM and the banks, both
    /// name WeChat, and `next` gives its number.
    @Test(.enabled(if: TmuxSession.available))
    func nextNamesTheStepTheScreenMarksNow() throws {
        let h = try home()
        let env = homeEnvironment(h)
        _ = try runBinary(["record", "sim", "done", "--provider", "china-unicom"], environment: env)
        _ = try runBinary(["record", "bank", "done", "--provider", "icbc"], environment: env)
        let next = try runBinary(["next", "--lang", "en"], environment: env)
        #expect(next.out.contains("Do now: Freeze WeChat (wechat)") && next.out.contains("Call: 95017"), "\(next.out)")
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], home: h)
        try t.expectScreen(contains: "Freeze WeChat  ← now")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }

    @Test func anIncidentThatIsNotThereIsSaidInThePersonsLanguage() throws {
        let env = homeEnvironment(try home())
        _ = try runBinary(["record", "police", "done"], environment: env)
        for command in [["status"], ["details"], ["next"], ["record", "police", "pending"]] {
            let r = try runBinary(command + ["--incident", "nope", "--lang", "zh"], environment: env)
            #expect(r.status == 1 && r.err.contains("没有事件 nope") && !r.err.contains("no incident"), "\(command): \(r.err)")
        }
    }

    @Test func guideIdsListsEveryStepAndProviderIdAndRecordHelpPointsThere() throws {
        let env = homeEnvironment(try home())
        let ids = try runBinary(["guide", "--ids", "--lang", "en"], environment: env)
        #expect(ids.status == 0)
        for id in ["sim", "china-mobile", "lending", "jd-finance", "apple-erase", "huawei", "tip-10"] {
            #expect(ids.out.contains(id), "\(id) is listed")
        }
        let help = try runBinary(["record", "--help"], environment: env)
        #expect(help.out.contains("lostphone guide --ids"), "\(help.out)")
    }

    @Test func langIsForOneRunOnlyAsTheHelpAndTheReadmeSay() throws {
        let h = try home()
        var env = homeEnvironment(h)
        env["LANG"] = "en_US.UTF-8"
        let zh = try runBinary(["guide", "--lang", "zh"], environment: env)
        #expect(zh.out.contains("紧急冻结"))
        let after = try runBinary(["guide"], environment: env)
        #expect(after.out.contains("Urgent freezes") && !after.out.contains("紧急冻结"), "--lang was not remembered")
        #expect(!FileManager.default.fileExists(atPath: h.appendingPathComponent("config/lostphone/language").path))
        let help = try runBinary(["--help"], environment: env)
        #expect(help.out.contains("Language for this run"), "\(help.out)")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("`--lang zh|en` changes it for that run only"))
    }
}
