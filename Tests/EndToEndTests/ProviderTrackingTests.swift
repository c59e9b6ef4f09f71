import Foundation
import Testing

/// Each bank, carrier and app the person uses, tracked on its own, and when each thing really
/// happened: through the screen, the command line and the report.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct ProviderTrackingTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func step(_ id: String, in report: [String: Any]) throws -> [String: Any] {
        let steps = try #require(report["steps"] as? [[String: Any]])
        return try #require(steps.first { $0["id"] as? String == id })
    }

    /// Someone with an ICBC and a China Merchants Bank card: CMB blocked ("95555 busy"), then
    /// ICBC done. The report tells the bank CMB is still not frozen.
    @Test func twoBanksEachKeepTheirOwnStateAndNote() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        do {
            let t = try TmuxSession(width: 200, height: 40, arguments: ["--lang", "en"], home: home)
            try t.expectScreen(contains: "i: when and what was lost")
            try t.press("j")
            try t.expectScreen(contains: "Provider: ◀ ICBC")
            // b on ICBC, never chosen: it asks, and nothing is recorded.
            try t.press("b")
            try t.expectScreen(contains: "For ICBC? Press b again")
            try t.press("Right", "Right", "Right")
            try t.expectScreen(contains: "◀ China Merchants Bank ▶")
            try t.press("b")
            try t.expectScreen(contains: "Retry when?")
            try t.press("Enter")
            // Blocked, and no other bank of theirs open: another bank? n leaves it for a note.
            try t.expectScreen(contains: "China Merchants Bank blocked. Another bank of yours?")
            try t.press("n")
            try t.type("95555 busy")
            try t.press("Enter")
            try t.expectScreen(contains: "95555 busy")
            // The selection stayed on the bank; ← to ICBC: chosen now, so d records at once.
            try t.press("Left", "Left", "Left", "d")
            try t.expectScreen(contains: "1/2 ✗ China Merchants Bank · ✓ ICBC")
            // Narrower, the list line keeps the count and the glyphs.
            try t.resize(width: 100, height: 30)
            try t.expectScreen(contains: "1/2 ✗ ✓")
            try t.press("q")
            try t.expectScreen(contains: "EXITED:0")
        }
        let export = try runBinary(["export", "--format", "json", "-o", "-"], environment: homeEnvironment(home))
        #expect(export.status == 0, "\(export.err)")
        let bank = try step("bank", in: try json(export.out))
        #expect(bank["state"] as? String == "blocked", "the step is not done while CMB is blocked")
        let providers = try #require(bank["providers"] as? [[String: Any]])
        #expect(providers.map { $0["id"] as? String } == ["cmb", "icbc"])
        #expect(providers[0]["state"] as? String == "blocked" && providers[1]["state"] as? String == "done")
        let notes = try #require(providers[0]["notes"] as? [[String: Any]])
        #expect(notes.map { $0["text"] as? String } == ["95555 busy"])
        #expect((providers[1]["notes"] as? [[String: Any]])?.isEmpty == true, "the CMB note is not under ICBC")
    }

    /// `record … --at` keeps when it happened beside when it was recorded, in every format.
    @Test func aHappenedTimeGivenOnTheCommandLineIsInEveryReportFormat() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = homeEnvironment(home)
        let r = try runBinary(["record", "sim", "done", "--provider", "china-mobile", "--at", "-20m", "--note", "suspended, ref 88"], environment: env)
        #expect(r.status == 0, "\(r.err)")
        let report = try json(try runBinary(["export", "--format", "json", "-o", "-"], environment: env).out)
        let sim = try step("sim", in: report)
        let provider = try #require((sim["providers"] as? [[String: Any]])?.first)
        let happened = try #require(provider["happenedAt"] as? String)
        let recorded = try #require(provider["updatedAt"] as? String)
        let gap = try #require(isoDate(recorded)).timeIntervalSince(try #require(isoDate(happened)))
        #expect(abs(gap - 1200) < 5, "20 minutes earlier: \(happened) against \(recorded)")
        let shown = String(happened.prefix(19)).replacingOccurrences(of: "T", with: " ")
        for format in ["md", "txt"] {
            let out = try runBinary(["export", "--format", format, "-o", "-", "--lang", "en"], environment: env).out
            #expect(out.contains(shown) && out.contains("(recorded "), "\(format) shows the happened time, marked")
        }
        let events = try #require(report["events"] as? [[String: Any]])
        #expect(events.last?["happenedAt"] as? String == happened)
        #expect(events.first?.keys.contains("happenedAt") == true && events.first?["happenedAt"] is NSNull)
    }

    @Test func badInputIsRefusedWithAMessageAndTheJournalUntouched() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = homeEnvironment(home)
        #expect(try runBinary(["record", "wechat", "done"], environment: env).status == 0)
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("state/lostphone").path).first)
        let path = home.appendingPathComponent("state/lostphone/" + journal).path
        let before = FileManager.default.contents(atPath: path)
        let cases: [([String], String)] = [
            (["record", "nosuch", "done"], "there is no step nosuch"),
            (["record", "bank", "done"], "name yours with --provider (icbc, boc"),
            (["record", "bank", "done", "--provider", "hsbc"], "bank has no provider hsbc"),
            (["record", "wechat", "done", "--provider", "icbc"], "wechat has no providers"),
            (["record", "wechat", "blocked"], "is already done; reopen it first: lostphone record wechat pending"),
            // A refusal and "nothing was recorded" as two sentences (the user test saw them run on).
            (["record", "wechat", "done"], "is already done. Nothing was recorded."),
            (["record", "sim", "done", "--provider", "china-mobile", "--at", "23:59:59 2099"], "cannot read the time"),
            (["note", "police", String(repeating: "x", count: 5000)], "more than the 4096 allowed"),
            (["note", "police", "ref \u{202E}42"], "invisible or control character"),
            // Only spaces is no note (the user test saw one kept).
            (["note", "police", "   "], "the note is empty"),
            (["record", "wechat", "pending", "--incident", "../etc"], "no incident ../etc"),
        ]
        for (args, message) in cases {
            let r = try runBinary(args, environment: env)
            #expect(r.status != 0 && r.err.contains(message), "\(args): \(r.err)")
        }
        let future = try runBinary(["record", "sim", "done", "--provider", "china-mobile", "--at", "23:59"], environment: env)
        if future.status != 0 { #expect(future.err.contains("in the future")) }
        #expect(FileManager.default.contents(atPath: path) == before || future.status == 0, "nothing recorded")
    }

    /// After `--new`, the earlier incident can still be listed, shown, exported and continued.
    @Test func anEarlierIncidentIsReachedAfterNew() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = homeEnvironment(home)
        #expect(try runBinary(["record", "police", "done", "--note", "case 1"], environment: env).status == 0)
        let first = try #require(try runBinary(["incidents"], environment: env).out.split(separator: "\n").dropFirst().first.map { String($0.prefix(15)) })
        do {
            let t = try TmuxSession(arguments: ["--lang", "en", "--new"], home: home)
            try t.expectScreen(contains: "i: when and what was lost")
            try t.press("q")
            try t.expectScreen(contains: "EXITED:0")
        }
        let list = try runBinary(["incidents"], environment: env).out
        #expect(list.split(separator: "\n").count == 3, "a header and two incidents: \(list)")
        // The latest is the new one; the first is reached by its id.
        let status = try runBinary(["status", "--lang", "en", "--incident", first], environment: env).out
        #expect(status.contains("Note: case 1"))
        let latest = try runBinary(["status", "--lang", "en"], environment: env).out
        #expect(!latest.contains("case 1"))
        let export = try runBinary(["export", "--format", "json", "-o", "-", "--incident", first], environment: env)
        #expect((try json(export.out)["incident"] as? [String: Any])?["id"] as? String == first)
        #expect(try runBinary(["note", "police", "officer Li", "--incident", first], environment: env).status == 0)
        let t = try TmuxSession(arguments: ["--lang", "en", "--incident", first], home: home)
        try t.expectScreen(contains: "Urgent freezes 1/")
    }

    /// The full screen holds the incident's lock: the command line says so and records nothing.
    @Test func theCommandLineRefusesPolitelyWhileTheFullScreenIsOpen() throws {
        let t = try TmuxSession(arguments: ["--lang", "en"])
        try t.expectScreen(contains: "i: when and what was lost")
        let r = try runBinary(["record", "wechat", "done"], environment: homeEnvironment(t.home))
        #expect(r.status == 1 && r.err.contains("another lostphone is already recording this incident"), "\(r.err)")
        #expect(try t.journalEvents().count == 1)
    }
}

/// A journal timestamp (`2026-12-03T05:06:07.123+00:00`) as a date.
func isoDate(_ text: String) -> Date? {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.date(from: text)
}
