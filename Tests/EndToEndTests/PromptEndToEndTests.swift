import Foundation
import Testing

/// The screen's questions and input fields, through the real binary in tmux: "another bank?",
/// "none of mine", "retry when?", and fields that say what is wrong while they are open.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct PromptEndToEndTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// An ICBC and a CMB card, no profile: ICBC done, the screen asks for another bank, and
    /// three keys later CMB is shown (chosen: d records it at once). "No more" is recorded.
    @Test func theTwoBankStoryReachesCMBInThreeKeysAfterICBC() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        do {
            let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], home: home)
            try t.expectScreen(contains: "i: when and what was lost")
            try t.press("j", "d", "d")
            try t.expectScreen(contains: "ICBC done. Another bank of yours? →/← pick · m marks it yours · Enter: no more")
            try t.press("Right", "Right", "Right")
            try t.expectScreen(contains: "◀ China Merchants Bank ▶", "Another bank of yours?")
            try t.press("d")
            try t.expectScreen(contains: "China Merchants Bank done. Another bank of yours?")
            try t.press("Enter")
            try t.expectScreen(contains: "no other bank of mine")
            try t.press("q")
            try t.expectScreen(contains: "EXITED:0")
        }
        let env = homeEnvironment(home)
        let status = try runBinary(["status", "--lang", "en"], environment: env)
        #expect(status.out.contains("no other bank of mine"), "\(status.out)")
        let report = try json(try runBinary(["export", "--format", "json", "-o", "-"], environment: env).out)
        let events = try #require(report["events"] as? [[String: Any]])
        let bank = events.filter { $0["step"] as? String == "bank" }
        #expect(bank.map { $0["kind"] as? String } == ["move", "move", "noneOfMine"], "\(bank)")
        #expect(bank.compactMap { $0["provider"] as? String } == ["icbc", "cmb"])
    }

    /// `X` on the lending step: the person has no lending platform, in the journal.
    @Test func noneOfMineOnLendingFromTheScreenIsInTheJournal() throws {
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("j", "j", "j", "j")
        try t.expectScreen(contains: "5 Report the loss to lending")
        try t.press("X")
        try t.expectScreen(contains: "Report the loss to lending and financing platforms: none of mine")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        let events = try t.journalEvents()
        #expect(events.contains { $0["kind"] as? String == "noneOfMine" && $0["step"] as? String == "lending" }, "\(events)")
    }

    /// `@ abc ⏎`: the field stays open, the reason and every accepted form beside it.
    @Test func aTimeThatCannotBeReadShowsTheErrorWithTheFieldOpen() throws {
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("@")
        try t.type("abc")
        try t.press("Enter")
        try t.expectScreen(contains: "Happened at: abc", "Could not read “abc”: use 14:35, 2026-12-03 14:35 or -20m")
        // Still open: what is typed goes into it.
        try t.press("BSpace", "BSpace", "BSpace")
        try t.type(" -20m")   // a leading space: tmux would read -20m as its own flag
        try t.press("Enter")
        try t.expectScreen(contains: "The next action happened at")
    }

    /// `@` again shows the time given before, selected: typing replaces it.
    @Test func typingOverAPrefilledTimeReplacesIt() throws {
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("@")
        try t.type(" -5m")
        try t.press("Enter")
        try t.expectScreen(contains: "The next action happened at")
        try t.press("@")
        let prompt = "Enter sets, Esc cancels: "
        let before = try t.expectScreen(contains: prompt)
        let line = try #require(before.split(separator: "\n").last { $0.contains(prompt) })
        let prefilled = String(line[line.range(of: prompt)!.upperBound...]).trimmingCharacters(in: .whitespaces)
        #expect(prefilled.count >= 16, "the time given before is shown: \(line)")
        try t.type(" -7m")
        try t.expectScreen(contains: prompt + " -7m")
        try t.expectScreen(lacks: prefilled + " -7m")
    }

    /// `b`, then `15:00 ⏎`: the blocked event holds the retry time, and `lostphone due` lists it.
    @Test func blockedWithARetryTimeIsDue() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        do {
            let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], home: home)
            try t.expectScreen(contains: "i: when and what was lost")
            try t.press("j", "j")
            try t.expectScreen(contains: "3 Freeze WeChat")
            try t.press("b")
            try t.expectScreen(contains: "Blocked. Retry when? (15:00, +30m)")
            try t.type("15:00")
            try t.press("Enter")
            try t.expectScreen(contains: "✗ blocked")
            try t.press("q")
            try t.expectScreen(contains: "EXITED:0")
            let blocked = try #require(try t.journalEvents().last { $0["to"] as? String == "blocked" })
            let due = try #require(blocked["due"] as? String)
            #expect(due.contains("T15:00:00"), "\(blocked)")
        }
        let r = try runBinary(["due", "--json"], environment: homeEnvironment(home))
        #expect(r.status == 0, "\(r.err)")
        let items = try #require(try json(r.out)["followUps"] as? [[String: Any]])
        let retry = try #require(items.first { $0["step"] as? String == "wechat" }, "\(r.out)")
        #expect((retry["due"] as? String)?.contains("T15:00:00") == true, "\(retry)")
    }
}
