import Foundation
import Testing

/// The plain-text commands, run as a person would from a shell without a full screen.
@Suite(.offThePool) final class CommandLineTests {
    private let homes = TemporaryHomes()

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func home() throws -> URL { try homes.make("cli") }

    @Test func theTopLevelHelpShowsTheFullScreensOptions() throws {
        let r = try runBinary(["--help"], environment: homeEnvironment(try home()))
        #expect(r.status == 0)
        for option in ["--new", "--lang", "--theme", "--state-dir", "--playbook", "--incident"] {
            #expect(r.out.contains(option), "lostphone --help names \(option)")
        }
        // Each option's words stay in their column at 80 columns: a line the parser had to wrap
        // starts at the left edge, under no option (the user test saw --lang's do so).
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(r.out)")
        let block = lines.drop { !$0.hasPrefix("  --new ") }.prefix { !$0.isEmpty }
        #expect(block.count >= 7 && block.allSatisfy { $0.hasPrefix("  ") }, "\(block.joined(separator: "\n"))")
    }

    /// An incident journal written as the program writes it: opened, then the SIM step done with a note.
    func writeIncident(in home: URL, note: String) throws {
        let dir = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lines = [
            #"{"at":"2026-11-24T21:00:00.000+08:00","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#,
            #"{"at":"2026-11-24T21:04:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":2,"step":"sim","to":"done"}"#,
            "{\"at\":\"2026-11-24T21:04:10.000+08:00\",\"kind\":\"note\",\"note\":\(try String(decoding: JSONEncoder().encode(note), as: UTF8.self)),\"provider\":\"china-mobile\",\"seq\":3,\"step\":\"sim\"}",
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("20261124-210000.jsonl"), atomically: false, encoding: .utf8)
    }

    @Test func guidePrintsTheWholePlaybookInChinese() throws {
        let r = try runBinary(["guide", "--lang", "zh"], environment: homeEnvironment(try home()))
        #expect(r.status == 0)
        #expect(r.out.contains("紧急冻结") && r.out.contains("10086") && r.out.contains("weixin110.qq.com"))
    }

    @Test func checkNamesFileLineAndColumnAndExitsNonZero() throws {
        let h = try home()
        let bad = h.appendingPathComponent("bad.yaml")
        try "styles:\n  text: {fg: \"#12\"}\n".write(to: bad, atomically: false, encoding: .utf8)
        let r = try runBinary(["check", bad.path, root.appendingPathComponent("Themes/light.yaml").path,
                               root.appendingPathComponent("Tests/LostphoneCoreTests/Fixtures/example-playbook.yaml").path],
                              environment: homeEnvironment(h))
        #expect(r.status == 1)
        #expect(r.out.contains("\(bad.path):2:"), "\(r.out)")
        #expect(r.out.contains("light.yaml: ok") && r.out.contains("example-playbook.yaml: ok"), "\(r.out)")
    }

    @Test func anotherPlaybookIsUsedWithDashDashPlaybook() throws {
        let r = try runBinary(["guide", "--lang", "en", "--playbook",
                               root.appendingPathComponent("Tests/LostphoneCoreTests/Fixtures/example-playbook.yaml").path],
                              environment: homeEnvironment(try home()))
        #expect(r.status == 0)
        #expect(!r.out.contains("10086"))
        #expect(r.out.contains("example.org"))
    }

    @Test func anEditedPlaybookIsSeenAtOnceAndNothingIsCached() throws {
        let h = try home()
        let file = h.appendingPathComponent("mine.yaml")
        let yaml = try String(contentsOf: root.appendingPathComponent("Tests/LostphoneCoreTests/Fixtures/example-playbook.yaml"), encoding: .utf8)
        try yaml.write(to: file, atomically: false, encoding: .utf8)
        var env = homeEnvironment(h)
        env["XDG_CACHE_HOME"] = h.appendingPathComponent("cache").path
        let first = try runBinary(["guide", "--lang", "en", "--playbook", file.path], environment: env)
        #expect(first.status == 0 && first.out.contains("example.org"))

        try yaml.replacingOccurrences(of: "example.org", with: "example.net").write(to: file, atomically: false, encoding: .utf8)
        let edited = try runBinary(["guide", "--lang", "en", "--playbook", file.path], environment: env)
        #expect(edited.out.contains("example.net") && !edited.out.contains("example.org"), "the edit is read")
        #expect(!FileManager.default.fileExists(atPath: h.appendingPathComponent("cache").path), "nothing is cached")
    }

    @Test func themesListsTheShippedThemesAndTheirPlace() throws {
        let r = try runBinary(["themes"], environment: homeEnvironment(try home()))
        #expect(r.status == 0)
        for name in ["default", "light", "high-contrast", "monochrome", "solarized-dark", "gruvbox-dark"] {
            #expect(r.out.contains(name), "themes lacks \(name)")
        }
    }

    @Test func exportWritesEachFormatAndNeverOverwritesWithoutForce() throws {
        let h = try home()
        try writeIncident(in: h, note: "ref | 42")
        let env = homeEnvironment(h)
        let json = try runBinary(["export", "--format", "json", "-o", "-"], environment: env)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 2)
        let out = h.appendingPathComponent("r.md").path
        #expect(try runBinary(["export", "-o", out], environment: env).status == 0)
        let again = try runBinary(["export", "-o", out], environment: env)
        #expect(again.status == 1 && again.err.contains("--force"))
        #expect(try runBinary(["export", "--format", "txt", "-o", out, "--force"], environment: env).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("LOST PHONE REPORT"))
        let unwritable = try runBinary(["export", "-o", "/proc/report.md"], environment: env)
        #expect(unwritable.status == 1 && unwritable.err.contains("cannot write in /proc"))
    }

    @Test func statusSummarisesTheLatestIncident() throws {
        let h = try home()
        try writeIncident(in: h, note: "ref 42")
        let r = try runBinary(["status", "--lang", "en"], environment: homeEnvironment(h))
        #expect(r.status == 0)
        #expect(r.out.contains("20261124-210000") && r.out.contains("ref 42"), "\(r.out)")
    }

    @Test func resolveRecordsTheTimeAndTheNextRunStartsANewIncident() throws {
        let h = try home()
        try writeIncident(in: h, note: "ref 42")
        let env = homeEnvironment(h)
        let r = try runBinary(["resolve"], environment: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(try runBinary(["status", "--lang", "en"], environment: env).out.contains("Resolved 20"))
        let again = try runBinary(["resolve"], environment: env)
        #expect(again.status == 1 && again.err.contains("is resolved"))
        // A record after it starts a new incident, and says so (the user test found it silent).
        let record = try runBinary(["record", "wechat", "done", "--lang", "en"], environment: env)
        #expect(record.status == 0, "\(record.err)")
        #expect(record.err.contains("no incident is open here (the last one, 20261124-210000, is resolved), so this started a new incident, 20"),
                "\(record.err)")
        let next = try runBinary(["record", "alipay", "done", "--lang", "zh"], environment: env)
        #expect(next.status == 0 && next.err.isEmpty, "the second record continues the new incident: \(next.err)")
    }

    @Test func aFirstRecordSaysItStartedAnIncident() throws {
        let h = try home()
        let r = try runBinary(["note", "police", "case 7", "--lang", "zh"], environment: homeEnvironment(h))
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("这里还没有事件，所以新开了事件 20"), "\(r.err)")
    }
}
