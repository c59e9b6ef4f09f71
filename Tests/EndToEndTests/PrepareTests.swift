import Foundation
import Testing

/// `lostphone prepare`, run as a person would before anything is lost, and the incident that
/// starts from what it saved.
@Suite(.offThePool) final class PrepareTests {
    private let homes = TemporaryHomes()

    func home() throws -> URL { try homes.make("prepare") }

    func profilePath(_ home: URL) -> String { home.appendingPathComponent("config/lostphone/profile.yaml").path }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func step(_ id: String, in report: [String: Any]) throws -> [String: Any] {
        let steps = try #require(report["steps"] as? [[String: Any]])
        return try #require(steps.first { $0["id"] as? String == id })
    }

    static let prepared = ["prepare", "--bank", "icbc", "--bank", "cmb", "--carrier", "china-mobile", "--brand", "apple",
                           "--imei", "490154203237518", "--owner", "张三", "--tip-done", "tip-1"]

    @Test func aPreparedProfileStartsTheNextIncidentWithYourBanksPhoneAndTips() throws {
        let h = try home()
        let env = homeEnvironment(h)
        let prepare = try runBinary(Self.prepared, environment: env)
        #expect(prepare.status == 0, "\(prepare.err)")
        #expect(prepare.out.contains("Banks: ICBC (icbc), China Merchants Bank (cmb)"), "what was saved is shown: \(prepare.out)")
        #expect(prepare.out.contains("Saved to \(profilePath(h))"), "\(prepare.out)")

        let record = try runBinary(["record", "police", "inProgress"], environment: env)
        #expect(record.status == 0, "\(record.err)")
        #expect(record.err.contains("From your profile"), "\(record.err)")
        let export = try runBinary(["export", "--format", "json", "-o", "-"], environment: env)
        #expect(export.status == 0, "\(export.err)")
        let report = try json(export.out)
        let bank = try step("bank", in: report)
        let providers = try #require(bank["providers"] as? [[String: Any]])
        #expect(Set(providers.compactMap { $0["id"] as? String }) == ["icbc", "cmb"] && providers.count == 2, "\(providers)")
        for provider in providers {
            #expect(provider["mine"] as? Bool == true && provider["state"] as? String == "pending", "\(provider)")
        }
        let incident = try #require(report["incident"] as? [String: Any])
        #expect(incident["imei"] as? String == "490154203237518")
        #expect(incident["owner"] as? String == "张三")
        #expect(try step("tip-1", in: report)["state"] as? String == "done")
        // A tip not done is in no report (#28): a report is not a to-do list.
        #expect((report["steps"] as? [[String: Any]])?.contains { $0["id"] as? String == "tip-2" } == false)
        #expect(try step("police", in: report)["state"] as? String == "inProgress")
    }

    @Test func aWrongIMEICheckDigitIsRefusedAndNothingIsWritten() throws {
        let h = try home()
        let r = try runBinary(["prepare", "--bank", "icbc", "--imei", "490154203237519"], environment: homeEnvironment(h))
        #expect(r.status == 1)
        #expect(r.err.contains("check digit") && r.err.contains("give 8"), "\(r.err)")
        #expect(r.err.contains("*#06#"), "it says where to find the IMEI: \(r.err)")
        #expect(r.err.contains("Nothing was saved"))
        #expect(!FileManager.default.fileExists(atPath: profilePath(h)), "no profile file was written")
    }

    @Test func anUnknownBankIsRefusedNamingTheValidOnes() throws {
        let h = try home()
        let env = homeEnvironment(h)
        #expect(try runBinary(["prepare", "--bank", "boc"], environment: env).status == 0)
        let before = FileManager.default.contents(atPath: profilePath(h))
        let r = try runBinary(["prepare", "--bank", "icbc,hsbc", "--owner", "Li Si"], environment: env)
        #expect(r.status == 1)
        #expect(r.err.contains("hsbc") && r.err.contains("icbc, boc, bocom, cmb, ccb, abc, other-bank"), "\(r.err)")
        #expect(FileManager.default.contents(atPath: profilePath(h)) == before, "the profile is as it was")
    }

    @Test func aDamagedProfileIsLeftUntouchedAndAnIncidentStartsUnprepared() throws {
        let h = try home()
        let env = homeEnvironment(h)
        let dir = h.appendingPathComponent("config/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let damaged = Data("version: 1\nchoices:\n  bank: [icbc]\nphone:\n  colour: red\n".utf8)
        try damaged.write(to: URL(fileURLWithPath: profilePath(h)))

        let r = try runBinary(["prepare", "--bank", "cmb"], environment: env)
        #expect(r.status == 1)
        #expect(r.err.contains("\(profilePath(h)):5:"), "the line is named: \(r.err)")
        #expect(r.err.contains("left as it is"))
        #expect(FileManager.default.contents(atPath: profilePath(h)) == damaged, "byte for byte as it was")
        let show = try runBinary(["prepare", "--show"], environment: env)
        #expect(show.status == 1 && show.err.contains(":5:"))

        let record = try runBinary(["record", "police", "inProgress"], environment: env)
        #expect(record.status == 0, "\(record.err)")
        #expect(record.err.contains("could not be read") && record.err.contains(":5:"), "it says why: \(record.err)")
        let bank = try step("bank", in: try json(try runBinary(["export", "--format", "json", "-o", "-"], environment: env).out))
        #expect((bank["providers"] as? [[String: Any]])?.isEmpty == true, "nothing was prepared: \(bank)")
        #expect(FileManager.default.contents(atPath: profilePath(h)) == damaged)
    }

    @Test func theProfileIsReadableOnlyByItsOwner() throws {
        let h = try home()
        #expect(try runBinary(["prepare", "--carrier", "china-unicom"], environment: homeEnvironment(h)).status == 0)
        let file = try FileManager.default.attributesOfItem(atPath: profilePath(h))[.posixPermissions] as? Int
        #expect(file == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: h.appendingPathComponent("config/lostphone").path)[.posixPermissions] as? Int
        #expect(folder == 0o700)
    }

    @Test func flagsMergeAndAChoiceGivenReplacesOnlyItsOwnTicks() throws {
        let h = try home()
        let env = homeEnvironment(h)
        #expect(try runBinary(Self.prepared, environment: env).status == 0)
        #expect(try runBinary(["prepare", "--bank", "ccb", "--clear", "brand", "--tip-undone", "tip-1", "--model", "iPhone 15"], environment: env).status == 0)
        let text = try String(contentsOfFile: profilePath(h), encoding: .utf8)
        #expect(text.contains("bank: [ccb]") && text.contains("carrier: [china-mobile]"), "\(text)")
        #expect(!text.contains("brand:") && !text.contains("tip-1"), "\(text)")
        #expect(text.contains("imei: \"490154203237518\"") && text.contains("model: \"iPhone 15\""), "\(text)")
        let list = try runBinary(["prepare", "--list"], environment: env)
        #expect(list.status == 0)
        #expect(list.out.contains("[x] ccb ") && list.out.contains("[ ] icbc "), "\(list.out)")
        #expect(list.out.contains("Banks  --bank") && list.out.contains("--tip-done"), "\(list.out)")
    }

    @Test func withoutFlagsAndWithoutATerminalItShowsTheProfileAndHowToChangeIt() throws {
        let h = try home()
        let env = homeEnvironment(h)
        let none = try runBinary(["prepare"], environment: env)
        #expect(none.status == 0 && none.out.contains("No profile yet") && none.out.contains("--list"), "\(none.out)")
        #expect(try runBinary(Self.prepared, environment: env).status == 0)
        let shown = try runBinary(["prepare", "--lang", "zh"], environment: env)
        #expect(shown.status == 0)
        #expect(shown.out.contains("银行：中国工商银行（icbc），招商银行（cmb）") && shown.out.contains("机主：张三"), "\(shown.out)")
        #expect(shown.out.contains("lostphone prepare --list"))
    }

    @Test func idsAnOlderGuideHadAreNamedAndLeftOutOnSave() throws {
        let h = try home()
        let env = homeEnvironment(h)
        try FileManager.default.createDirectory(at: h.appendingPathComponent("config/lostphone"), withIntermediateDirectories: true)
        try "version: 1\nchoices:\n  bank: [icbc, gone-bank]\n".write(toFile: profilePath(h), atomically: false, encoding: .utf8)
        let r = try runBinary(["prepare", "--owner", "Li Si"], environment: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("gone-bank") && r.err.contains("left out"), "\(r.err)")
        let text = try String(contentsOfFile: profilePath(h), encoding: .utf8)
        #expect(text.contains("bank: [icbc]") && !text.contains("gone-bank"), "\(text)")
    }

    @Test func controlCharactersAndContradictoryFlagsAreRefused() throws {
        let h = try home()
        let env = homeEnvironment(h)
        let escape = try runBinary(["prepare", "--owner", "Li\u{1B}]0;pwned\u{07}"], environment: env)
        #expect(escape.status == 1 && escape.err.contains("control or invisible character"), "\(escape.err)")
        #expect(!escape.err.contains("\u{1B}"), "the escape never reaches the terminal")
        let both = try runBinary(["prepare", "--list", "--bank", "icbc"], environment: env)
        #expect(both.status == 64, "\(both.err)")
        #expect(!FileManager.default.fileExists(atPath: profilePath(h)))
    }
}

/// The full screen of an incident that starts after `prepare`: the person's banks first.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct PreparedScreenTests {
    @Test func aNewIncidentAfterPrepareShowsThePreparedBanksFirstAndSaysSo() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { TmuxSession.removeHome(home) }
        let env = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC",
                   "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                   "XDG_CONFIG_HOME": home.appendingPathComponent("config").path]
        let prepare = try runBinary(PrepareTests.prepared, environment: env)
        #expect(prepare.status == 0, "\(prepare.err)")
        do {
            let t = try TmuxSession(width: 140, height: 30, arguments: ["--lang", "en"], home: home)
            // The phone's details, both banks, the carrier in two steps, the brand in four, tip-1.
            try t.expectScreen(contains: "From your profile: 4 providers of yours, the phone's details, 1 tip done",
                               "IMEI 490154203237518")
            try t.press("j")
            let bank = try t.expectScreen(contains: "Freeze mobile banking and payments  0/2", "Provider: ◀ ICBC", "(1/7)",
                                          "○ China Merchants Bank · to do")
            #expect(!bank.contains("Bank of China · to do"), "only the prepared banks are listed as the person's:\n\(bank)")
            try t.press("Right")
            try t.expectScreen(contains: "◀ China Merchants Bank ▶ (2/7)")
            try t.press("Right")
            try t.expectScreen(contains: "◀ Bank of China ▶ (3/7)", "(not yours)")
            try t.press("q")
            try t.expectScreen(contains: "EXITED:0")
        }
        // The screen recorded nothing beyond what the profile prepared.
        let export = try runBinary(["export", "--format", "json", "-o", "-"], environment: env)
        let events = try #require((try JSONSerialization.jsonObject(with: Data(export.out.utf8)) as? [String: Any])?["events"] as? [[String: Any]])
        #expect(events.count == 15, "opened and fourteen prepared events (two banks in three bank steps): \(events.count)")
    }
}
