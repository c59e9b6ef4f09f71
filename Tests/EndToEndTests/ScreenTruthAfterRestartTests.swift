import Foundation
import Testing

/// #25 items 1 and 2 on the full screen, as a person sees them: a back-dated action shows when
/// it happened in the list, the details and the timeline, and quitting and reopening changes
/// nothing on the screen, whatever was done before.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) final class ScreenTruthAfterRestartTests {
    private let homes = TemporaryHomes()

    /// A zone where it is now about noon, so "20 minutes ago" and "yesterday 23:59" never
    /// straddle midnight whenever the test runs: `TZ=LPT-5` is UTC+5 (a zone name has three letters or more).
    static let noonZone: (tz: String, offset: Int) = {
        let utcHour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0)!, from: Date()).hour ?? 12
        let k = 12 - utcHour
        return ("LPT" + (k >= 0 ? "-\(k)" : "+\(-k)"), k * 3600)
    }()

    static func environment(_ home: URL) -> [String: String] {
        var env = homeEnvironment(home)
        env["TZ"] = noonZone.tz
        return env
    }

    /// `12:18:02` and `12:18` of a journal timestamp.
    static func clock(_ text: String) -> (seconds: String, minutes: String) {
        let t = text.dropFirst(11)
        return (String(t.prefix(8)), String(t.prefix(5)))
    }

    @Test func aBackDatedActionShowsWhenItHappenedInTheListTheDetailsAndTheTimeline() throws {
        let home = try homes.make("screen-times")
        let t = try TmuxSession(arguments: ["--lang", "en"], environment: ["TZ": Self.noonZone.tz], home: home)
        try t.expectScreen(contains: "Freeze WeChat")
        try t.press("j", "j")
        try t.expectScreen(contains: "›○  3 Freeze WeChat", "weixin110.qq.com") // its details are up
        try t.press("@")
        try t.press("-")
        try t.type("20m")
        try t.press("Enter", "d")
        try t.expectScreen(contains: "Freeze WeChat ✓ done")
        let event = try #require(try t.journalEvents().last)
        let happened = Self.clock(try #require(event["happenedAt"] as? String))
        let recorded = Self.clock(try #require(event["at"] as? String))
        #expect(happened.minutes != recorded.minutes)
        #expect((10...14).contains(Int(recorded.seconds.prefix(2)) ?? -1), "the local time is about noon: \(recorded.seconds)")
        try t.press("k")
        let screen = try t.expectScreen(contains: "last change \(happened.seconds) (recorded \(recorded.minutes))")
        let row = try #require(screen.split(separator: "\n").first { $0.contains("3 Freeze WeChat") })
        #expect(row.hasSuffix(happened.minutes + " ") || row.hasSuffix(happened.minutes), "the list row: \(row)")
        #expect(!row.contains(recorded.minutes), "the list row: \(row)")
        try t.press("5")
        try t.expectScreen(contains: "\(happened.seconds) (recorded \(recorded.minutes)) Freeze WeChat ✓ done")
    }

    /// Recorded now, happened yesterday at 23:59: its date is on it, and the timeline's time and
    /// text are apart (it was `23:59:00@Report the loss…`).
    @Test func aBackDatedActionOfTheDayBeforeShowsItsDate() throws {
        let home = try homes.make("screen-yesterday")
        let env = Self.environment(home)
        let yesterday = Date().addingTimeInterval(Double(Self.noonZone.offset) - 86_400)
        let day = ISO8601DateFormatter.string(from: yesterday, timeZone: TimeZone(secondsFromGMT: 0)!, formatOptions: [.withFullDate])
        let r = try runBinary(["record", "sim", "done", "--provider", "china-mobile", "--at", "\(day) 23:59"], environment: env)
        #expect(r.status == 0, "\(r.err)")
        let monthDay = String(day.dropFirst(5))
        let t = try TmuxSession(arguments: ["--lang", "en"], environment: ["TZ": Self.noonZone.tz], home: home)
        try t.expectScreen(contains: "Report the loss and freeze the SIM card")
        let screen = try t.screen()
        let row = try #require(screen.split(separator: "\n").first { $0.contains("1 Report the loss and freeze the SIM") })
        #expect(row.contains("\(monthDay) 23:59"), "the list row: \(row)")
        try t.press("5")
        try t.expectScreen(contains: "\(monthDay) 23:59:00 (recorded ", ") Report the loss and freeze the SIM card")
    }

    // MARK: - a restart changes nothing

    /// The screen as text, once it stops changing, with the header's running clock masked.
    static func settled(_ t: TmuxSession) throws -> String {
        var last = "", same = 0
        for _ in 0..<100 {
            let now = masked(try t.screen())
            same = now == last ? same + 1 : 0
            if same >= 2 { return now }
            last = now
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }

    static func masked(_ screen: String) -> String {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if !lines.isEmpty {
            lines[0] = lines[0].replacingOccurrences(of: "[0-9]+d [0-9:]+|[0-9]{2}:[0-9]{2}:[0-9]{2}", with: "⏱", options: .regularExpression)
        }
        return lines.joined(separator: "\n")
    }

    /// Quits with q and opens the full screen again in the same home; the screen after must be
    /// the screen before (the bottom line's message is cleared first with Ctrl-L: it says what
    /// the last key did, not what is recorded or chosen).
    func quitAndReopen(_ t: inout TmuxSession, _ home: URL, after what: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        try t.press("C-l")
        let before = try Self.settled(t)
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        t = try TmuxSession(arguments: ["--lang", "en"], environment: ["TZ": Self.noonZone.tz], home: home)
        try t.expectScreen(contains: "5 Timeline")
        let after = try Self.settled(t)
        #expect(after == before, "after \(what), the screen changed on reopening:\nbefore:\n\(before)\nafter:\n\(after)",
                sourceLocation: sourceLocation)
    }

    @Test func quittingAndReopeningAfterEveryKindOfActionShowsTheSameScreen() throws {
        let home = try homes.make("screen-restart")
        var t = try TmuxSession(arguments: ["--lang", "en"], environment: ["TZ": Self.noonZone.tz], home: home)
        try t.expectScreen(contains: "Provider: ◀ China Mobile ▶")
        // ←/→ with no action.
        try t.press("Right")
        try t.expectScreen(contains: "Provider: ◀ China Unicom ▶")
        try quitAndReopen(&t, home, after: "a ←/→ pick")
        try t.expectScreen(contains: "Provider: ◀ China Unicom ▶")
        // Done: China Unicom for the SIM.
        try t.press("d")
        try t.expectScreen(contains: "✓ China Unicom", "Another SIM card of yours?")
        // Esc leaves the question "another SIM card?" unanswered.
        try t.press("Escape")
        try quitAndReopen(&t, home, after: "done")
        // A tab change, to the new SIM card: China Unicom, chosen.
        try t.press("3")
        let newSIM = try t.expectScreen(contains: "Provider: ◀ China Unicom ▶")
        #expect(!newSIM.contains("not chosen yet"), "\(newSIM)")
        try quitAndReopen(&t, home, after: "a tab change")
        // Apple in three locate steps: done, blocked, skipped.
        try t.press("2")
        try t.expectScreen(contains: "Provider: ◀ Huawei ▶")
        try t.press("Right")
        try t.expectScreen(contains: "Provider: ◀ Apple (iPhone) ▶")
        try t.press("d")
        try t.expectScreen(contains: "✓ done · Apple")
        try quitAndReopen(&t, home, after: "done on a locate step")
        try t.press("b")
        try t.expectScreen(contains: "Retry when?")
        try t.press("Enter")
        try t.expectScreen(contains: "✗ blocked · Apple")
        try quitAndReopen(&t, home, after: "blocked")
        try t.press("x")
        try t.expectScreen(contains: "skipped · Apple")
        try quitAndReopen(&t, home, after: "skipped")
        // m marks a bank as mine.
        try t.press("1", "g", "j")
        try t.expectScreen(contains: "Provider: ◀ ICBC (")
        try t.press("Right", "m")
        try t.expectScreen(contains: "0/1 ○ ")
        try quitAndReopen(&t, home, after: "m")
        // The timeline, on an earlier event.
        try t.press("5", "k")
        try quitAndReopen(&t, home, after: "moving in the timeline")
        // Erase, for Apple, is asked for no second press.
        try t.press("2", "G")
        try t.expectScreen(contains: "Provider: ◀ Apple (iPhone) ▶")
        try t.press("s")
        // Erase before the police report asks for y, as it should; never "For Apple? Press s again".
        let screen = try t.expectScreen(contains: "y records it anyway")
        #expect(!screen.contains("Press s again"), "\(screen)")
        try t.press("y")
        try t.expectScreen(contains: "in progress · Apple")
        let journal = try t.journalEvents()
        let providers = Set(journal.compactMap { $0["provider"] as? String })
        #expect(providers.isSuperset(of: ["china-unicom", "apple"]), "\(providers)")
    }
}
