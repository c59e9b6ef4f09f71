import Foundation
import Testing

/// What is due, from the command line to the person's calendar: a debit card frozen by phone two
/// days ago, a bank line blocked with a time to try again, `lostphone due`, the JSON, and the
/// calendar file as real calendar programs read it.
@Suite(.offThePool) final class DueEndToEndTests {
    private let homes = TemporaryHomes()
    let playbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("LostphoneCoreTests/Fixtures/due-playbook.yaml").path

    func run(_ home: URL, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try runBinary(args + ["--playbook", playbook], environment: homeEnvironment(home))
    }

    /// ICBC frozen by phone at `-2d`, CMB blocked with a retry in two hours.
    func twoBanks() throws -> URL {
        let home = try homes.make("due")
        let frozen = try run(home, ["record", "debit", "done", "--provider", "icbc", "--at", "-2d"])
        #expect(frozen.status == 0, "\(frozen.err)")
        let blocked = try run(home, ["record", "debit", "blocked", "--provider", "cmb", "--retry", "+2h", "--note", "95555 busy"])
        #expect(blocked.status == 0, "\(blocked.err)")
        // The retry time is said with its date (a clock time already past today is tomorrow's).
        #expect(blocked.out.contains("; try again at 20"), "\(blocked.out)")
        return home
    }

    @Test func dueListsTheWrittenReportInThreeDaysAndTheRetryFirst() throws {
        let home = try twoBanks()
        let r = try run(home, ["due", "--lang", "en"])
        #expect(r.status == 0, "\(r.err)")
        let retry = try #require(r.out.range(of: "Try again: CMB"))
        let written = try #require(r.out.range(of: "Report the loss in writing at a branch"))
        #expect(retry.lowerBound < written.lowerBound, "sorted by date: the retry is due first\n\(r.out)")
        #expect(r.out.contains("in 2 h") && r.out.contains("in 3 days"), "\(r.out)")
        #expect(r.out.contains("contact: 95588") && r.out.contains("contact: 95555"), "\(r.out)")
        let zh = try run(home, ["due", "--lang", "zh"])
        #expect(zh.out.contains("到网点办理书面挂失") && zh.out.contains("还有 3 天") && zh.out.contains("再试一次：招商银行"), "\(zh.out)")
    }

    @Test func recordingTheWrittenReportClosesItAndItStaysListedAsDone() throws {
        let home = try twoBanks()
        #expect(try run(home, ["record", "written", "done", "--provider", "icbc"]).status == 0)
        let r = try run(home, ["due", "--json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let items = try #require(doc["followUps"] as? [[String: Any]])
        let written = try #require(items.first { $0["key"] as? String == "debit/icbc/written-report" })
        #expect(written["status"] as? String == "done" && written["closedAt"] is String)
        #expect(items.first { $0["key"] as? String == "debit/cmb/e3" }?["status"] as? String == "dueSoon")
        for item in items {
            for key in ["key", "kind", "step", "stepTitle", "provider", "providerName", "title", "why", "source", "since", "due",
                        "closedAt", "status", "relative", "contact"] {
                #expect(item.keys.contains(key), "every follow-up has \(key), null when absent")
            }
        }
    }

    @Test func anItemOfOneselfIsAddedAndClosedByItsKey() throws {
        let home = try homes.make("due-own")
        let added = try run(home, ["due", "--add", "Claim window ends", "--by", "+10d", "--step", "insurance"])
        #expect(added.status == 0, "\(added.err)")
        // Said as what it is: an item with its date, not "a note" (the user test's finding).
        #expect(added.out.contains("Added an item to insurance") && added.out.contains(", due 20"), "\(added.out)")
        var r = try run(home, ["due", "--lang", "en"])
        #expect(r.out.contains("Claim window ends") && r.out.contains("key: insurance/e2"), "\(r.out)")
        let closed = try run(home, ["due", "--done", "insurance/e2", "--note", "Claim filed, no. 4411"])
        #expect(closed.status == 0, "\(closed.err)")
        #expect(closed.out.contains("Closed e2 of insurance"), "\(closed.out)")
        r = try run(home, ["due", "--lang", "en"])
        #expect(r.out.contains("[done] Claim window ends"), "\(r.out)")
        let again = try run(home, ["due", "--done", "insurance/e2"])
        #expect(again.status == 1 && again.err.contains("done already"), "\(again.err)")
        let unknown = try run(home, ["due", "--done", "nope/e9"])
        #expect(unknown.status == 1 && unknown.err.contains("there is no item"), "\(unknown.err)")
        let unknownZh = try run(home, ["due", "--done", "nope/e9", "--lang", "zh"])
        #expect(unknownZh.status == 1 && unknownZh.err.contains("里没有待办 nope/e9"), "\(unknownZh.err)")
        let againZh = try run(home, ["due", "--done", "insurance/e2", "--lang", "zh"])
        #expect(againZh.status == 1 && againZh.err.contains("insurance/e2 已经完成"), "\(againZh.err)")
    }

    @Test func aRetryTimeWithoutBlockedIsRefusedAndNothingIsWritten() throws {
        let home = try homes.make("due-refused")
        let r = try run(home, ["record", "debit", "done", "--provider", "icbc", "--retry", "+1h"])
        #expect(r.status != 0 && r.err.contains("--retry goes with blocked"), "\(r.err)")
        let state = home.appendingPathComponent("state/lostphone")
        let journals = (try? FileManager.default.contentsOfDirectory(atPath: state.path))?.filter { $0.hasSuffix(".jsonl") } ?? []
        #expect(journals.isEmpty)
    }

    // MARK: - the calendar

    func exportCalendar(_ home: URL) throws -> URL {
        let file = home.appendingPathComponent("due.ics")
        let r = try run(home, ["export", "--format", "ics", "-o", file.path, "--lang", "en"])
        #expect(r.status == 0, "\(r.err)")
        return file
    }

    @Test func theCalendarFileParsesWithPythonsIcalendarWithBothItemsInUTC() throws {
        let home = try twoBanks()
        let file = try exportCalendar(home)
        let script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        for e in cal.walk('VEVENT'):
            print(e['UID'], e['SUMMARY'], e.decoded('DTSTART').isoformat(), len(e.walk('VALARM')))
        """
        let out = try TmuxSession.capture("/usr/bin/python3", ["-c", script, file.path])
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(out)")
        #expect(lines.contains { $0.hasPrefix("debit/cmb/e3@") && $0.contains("Try again: CMB") && $0.contains("+00:00 1") }, "\(out)")
        #expect(lines.contains { $0.hasPrefix("debit/icbc/written-report@") && $0.contains("+00:00 1") }, "\(out)")
        let raw = try Data(contentsOf: file)
        for line in String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
    }

    @Test func theCalendarFileImportsIntoCalcurseWithBothItemsOnTheirDays() throws {
        let home = try twoBanks()
        let file = try exportCalendar(home)
        let calendar = home.appendingPathComponent("calcurse")
        try FileManager.default.createDirectory(at: calendar, withIntermediateDirectories: true)
        let imported = try TmuxSession.capture("/usr/bin/calcurse", ["-D", calendar.path, "-i", file.path])
        let listed = try TmuxSession.capture("/usr/bin/calcurse", ["-D", calendar.path, "-Q", "--filter-type", "cal", "--days", "8"])
        #expect(listed.contains("Try again: CMB") && listed.contains("Report the loss in writing at a branch"), "\(imported)\n\(listed)")
        let apts = try String(contentsOf: calendar.appendingPathComponent("apts"), encoding: .utf8)
        #expect(apts.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 2, "\(apts)")
    }

    // MARK: - the built-in guide

    /// The issue's story with the built-in guide: ICBC's debit card reported by phone two days
    /// ago, CMB's line busy with a retry time; the written report is due in 3 days.
    @Test func theBuiltInGuidesWrittenReportIsDueInThreeDaysAndClosesWhenRecorded() throws {
        let home = try homes.make("due-builtin")
        let env = homeEnvironment(home)
        #expect(try runBinary(["record", "debit-card", "done", "--provider", "icbc", "--at", "-2d"], environment: env).status == 0)
        #expect(try runBinary(["record", "bank", "blocked", "--provider", "cmb", "--retry", "+30m"], environment: env).status == 0)
        var r = try runBinary(["due", "--lang", "en"], environment: env)
        #expect(r.out.contains("Report the debit card in writing at its branch") && r.out.contains("in 3 days"), "\(r.out)")
        #expect(r.out.contains("Try again: China Merchants Bank") && r.out.contains("in 30 min"), "\(r.out)")
        #expect(r.out.contains("the Savings Regulations (《储蓄管理条例》), article 31"), "\(r.out)")
        let zh = try runBinary(["due", "--lang", "zh"], environment: env)
        #expect(zh.out.contains("到开户网点书面挂失储蓄卡") && zh.out.contains("还有 3 天"), "\(zh.out)")
        let ics = home.appendingPathComponent("due.ics")
        #expect(try runBinary(["export", "--format", "ics", "-o", ics.path], environment: env).status == 0)
        let calendar = home.appendingPathComponent("calcurse")
        try FileManager.default.createDirectory(at: calendar, withIntermediateDirectories: true)
        _ = try TmuxSession.capture("/usr/bin/calcurse", ["-D", calendar.path, "-i", ics.path])
        let listed = try TmuxSession.capture("/usr/bin/calcurse", ["-D", calendar.path, "-Q", "--days", "8"])
        #expect(listed.contains("书面挂失储蓄卡") || listed.contains("Report the debit card in writing"), "\(listed)")
        #expect(try runBinary(["record", "debit-written", "done"], environment: env).status == 0)
        r = try runBinary(["due", "--lang", "en", "--json"], environment: env)
        #expect(r.out.contains("\"key\" : \"debit-card/icbc/written-report\""), "\(r.out)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let items = try #require(doc["followUps"] as? [[String: Any]])
        #expect(items.first { $0["key"] as? String == "debit-card/icbc/written-report" }?["status"] as? String == "done")
    }
}

/// The full screen's header counts what is due, as `lostphone due` lists it.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct DueOnScreenTests {
    @Test func theHeaderCountsWhatIsDueSoonAndWhatIsOverdue() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { TmuxSession.removeHome(home) }
        let env = homeEnvironment(home)
        // The written report was due five days after ICBC's phone report six days ago: overdue.
        #expect(try runBinary(["record", "debit-card", "done", "--provider", "icbc", "--at", "-6d"], environment: env).status == 0)
        #expect(try runBinary(["record", "bank", "blocked", "--provider", "cmb", "--retry", "+30m"], environment: env).status == 0)
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "1 due · 1 overdue")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        let zh = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "zh"], home: home)
        try zh.expectScreen(contains: "1 项即将到期 · 1 项已逾期")
    }

    /// The issue's "Done when", with the built-in guide: ICBC's debit card reported by phone two
    /// days ago, recorded on the screen with `@ -2d`; CMB's line blocked with a time to try again
    /// (the screen's `b` asks when to try again); then the header, the
    /// Due tab and `lostphone due` show the written report due in 3 days and the retry; the
    /// calendar file imports into calcurse with both; recording the written report on the
    /// screen (Enter on its item goes to the step that closes it) closes it, listed as done.
    @Test func theWrittenReportAndTheRetryAreDueOnScreenInLostphoneDueAndInTheCalendar() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { TmuxSession.removeHome(home) }
        let env = homeEnvironment(home)
        var t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "Report the loss and freeze the SIM")
        // The seventh urgent step: debit cards; ICBC is its first bank.
        try t.press("g", "j", "j", "j", "j", "j", "j")
        try t.expectScreen(contains: "›○  7 Debit cards lost too")
        try t.press("@")
        try t.expectScreen(contains: "Happened at")
        try t.type("-2d")
        try t.press("Enter")
        try t.press("d")
        try t.expectScreen(contains: "For ICBC? Press d again")
        try t.press("d")
        // Due in five days: not yet "due soon", so the tabs stay as they were; D lists it.
        try t.expectScreen(contains: "ICBC done. Another bank of yours?")
        try t.press("D")
        try t.expectScreen(contains: "◷ in 3 days", "Report the debit card in writing at its branch")
        // CMB, on the bank step, blocked with a retry time given on the screen (b asks when).
        try t.press("1", "g", "j")
        try t.expectScreen(contains: "›○  2 Freeze mobile banking")
        try t.press("Right", "Right", "Right")
        try t.expectScreen(contains: "◀ China Merchants Bank ▶")
        try t.press("b")
        try t.expectScreen(contains: "Retry when?")
        try t.type("+30m")
        try t.press("Enter")
        try t.expectScreen(contains: "China Merchants Bank blocked. Another bank of yours?")
        try t.press("Escape")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        #expect(try t.journalEvents().last?["due"] != nil, "the retry time is in the journal")

        t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], home: home)
        // The retry is due within two days; the written report, in three, is not yet "due soon".
        try t.expectScreen(contains: "1 due", "6 Due 2")
        try t.press("D")
        let due = try t.expectScreen(contains: "◷ in 30 min", "Try again: China Merchants Bank", "95555 · Freeze mobile banking",
                                     "◷ in 3 days", "Report the debit card in writing at its branch", "95588 · Debit cards lost too")
        let retryAt = try #require(due.range(of: "Try again: China Merchants Bank"))
        let writtenAt = try #require(due.range(of: "Report the debit card in writing"))
        #expect(retryAt.lowerBound < writtenAt.lowerBound, "sorted as lostphone due sorts\n\(due)")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")

        let listed = try runBinary(["due", "--lang", "en"], environment: env)
        #expect(listed.out.contains("Try again: China Merchants Bank") && listed.out.contains("in 30 min"), "\(listed.out)")
        #expect(listed.out.contains("Report the debit card in writing at its branch") && listed.out.contains("in 3 days"), "\(listed.out)")
        let ics = home.appendingPathComponent("due.ics")
        #expect(try runBinary(["export", "--format", "ics", "-o", ics.path, "--lang", "en"], environment: env).status == 0)
        let calendar = home.appendingPathComponent("calcurse")
        try FileManager.default.createDirectory(at: calendar, withIntermediateDirectories: true)
        _ = try TmuxSession.capture("/usr/bin/calcurse", ["-D", calendar.path, "-i", ics.path])
        let apts = try String(contentsOf: calendar.appendingPathComponent("apts"), encoding: .utf8)
        // Both items, each at its own date (calcurse writes local dates as MM/DD/YYYY).
        let days = ["+30m": 1800.0, "+3d": 3 * 86_400.0].mapValues { offset -> String in
            let f = DateFormatter()
            f.dateFormat = "MM/dd/yyyy"
            return f.string(from: Date().addingTimeInterval(offset))
        }
        let lines = apts.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(apts)")
        #expect(lines.contains { $0.contains("Try again: China Merchants Bank") && $0.hasPrefix(days["+30m"]!) }, "\(apts)")
        #expect(lines.contains { $0.contains("Report the debit card in writing") && $0.hasPrefix(days["+3d"]!) }, "\(apts)")

        // Recording the written report closes it; it stays listed, done.
        t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "6 Due 2")
        try t.press("D", "j", "Enter")
        try t.expectScreen(contains: "Within 5 days: report the debit card in writing at a branch")
        try t.press("d")
        try t.expectScreen(contains: "6 Due 1")
        try t.press("D")
        try t.expectScreen(contains: "✓ done", "Report the debit card in writing at its branch")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        let json = try runBinary(["due", "--json"], environment: env)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let items = try #require(doc["followUps"] as? [[String: Any]])
        #expect(items.first { $0["key"] as? String == "debit-card/icbc/written-report" }?["status"] as? String == "done", "\(json.out)")
    }
}

/// The claim window from the profile to `lostphone due`: `prepare --claim-within`, a new
/// incident, its lost-at time, and the claim due that long after the loss.
@Suite(.offThePool) struct ClaimWindowEndToEndTests {
    private let homes = TemporaryHomes()

    @Test func theProfilesClaimWindowDatesTheInsuranceClaimFromTheLoss() throws {
        let home = try homes.make("claim")
        let env = homeEnvironment(home)
        let refused = try runBinary(["prepare", "--insurer", "PICC", "--claim-within", "soon"], environment: env)
        #expect(refused.status == 1 && refused.err.contains("A claim window is a number of days"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("config/lostphone/profile.yaml").path),
                "nothing is saved")
        let prepared = try runBinary(["prepare", "--insurer", "PICC", "--claim-within", "30"], environment: env)
        #expect(prepared.status == 0 && prepared.out.contains("Claim window: 30d"), "\(prepared.out)\(prepared.err)")
        #expect(try runBinary(["details", "--lost-at", "-1d"], environment: env).status == 0)
        let due = try runBinary(["due", "--lang", "en"], environment: env)
        #expect(due.out.contains("Make the insurance claim: the policy's window (30 days from the loss) ends"), "\(due.out)")
        #expect(due.out.contains("in 29 days") && due.out.contains("key: insurance/claim-window"), "\(due.out)")
        #expect(try runBinary(["record", "insurance", "done"], environment: env).status == 0)
        let after = try runBinary(["due", "--lang", "en"], environment: env)
        #expect(after.out.contains("[done] Make the insurance claim"), "\(after.out)")
    }
}
