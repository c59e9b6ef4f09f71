import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// #25 item 1 on the screen, as pure state: the time the list, the details and the timeline
/// give for something done is when it happened, with when it was recorded beside it where that
/// is another minute, and its date when it was not today.
@Suite struct HappenedTimeOnScreenTests {
    /// One pane: a SIM step with two carriers and a step without providers.
    static let playbook = testPlaybook("times", panes: """
          - id: now
            kind: actions
            title: {en: "Now", zh: "现在"}
            steps:
              - id: sim
                title: {en: "Freeze the SIM", zh: "冻结 SIM"}
                priority: 1
                group: carrier
                providers:
                  - {id: mobile, name: {en: "Mobile", zh: "移动"}}
                  - {id: unicom, name: {en: "Unicom", zh: "联通"}}
              - id: police
                title: {en: "Report to the police", zh: "报警"}
                priority: 2
        """)

    static func state(language: Language = .en) -> AppState {
        let (incident, _) = Incident.open(id: "times", playbook: playbook, at: t0)
        return AppState(playbook: playbook, incident: incident, language: language, theme: Theme.fallback,
                        width: 120, height: 24, now: t0)
    }

    /// Records `provider` of `step` done at `recorded`, happened at `happened`, as the journal
    /// would answer, and moves the clock there.
    static func done(_ step: StepID, _ provider: ProviderID?, happened: Timestamp?, recorded: Timestamp, _ s: inout AppState) throws {
        _ = Update.apply(.tick(recorded), to: &s)
        let event = try s.incident.event(for: .move(step, to: .done, provider: provider, happenedAt: happened), at: recorded)
        _ = Update.apply(.recorded(event), to: &s)
        s.message = nil
    }

    /// The screen's lines, left of the details' border: the list or the timeline.
    static func lines(_ s: AppState) -> [String] {
        Screen.render(s).text.split(separator: "\n").map { String($0.split(separator: "│", omittingEmptySubsequences: false).first ?? "") }
    }

    static func listRow(_ s: AppState, _ title: String) throws -> String {
        try #require(lines(s).first { $0.contains(title) }, "no row for \(title):\n\(lines(s).joined(separator: "\n"))")
    }

    /// `@ -20m` then done at 22:00: 21:40 in the list, `21:40:00 (recorded 22:00)` in the
    /// details and the timeline.
    @Test func aBackDatedActionShowsWhenItHappenedEverywhere() throws {
        var s = Self.state()
        try Self.done("police", nil, happened: at(2400), recorded: at(3600), &s)
        s.nav.selection[0] = 1
        let row = try Self.listRow(s, "Report to the police")
        #expect(row.contains("21:40") && !row.contains("22:00"), "the list row: \(row)")
        let screen = Screen.render(s).text
        #expect(screen.contains("last change 21:40:00 (recorded 22:00)"), "the details:\n\(screen)")
        s.nav.focus = s.timelineTab
        let timeline = try #require(Self.lines(s).first { $0.contains("Report to the police") }, "\(Screen.render(s).text)")
        #expect(timeline.contains("21:40:00 (recorded 22:00) Report to the police"), "the timeline row: \(timeline)")
    }

    /// Said at 22:00:10 that it happened at 22:00: no aside.
    @Test func aTimeInTheSameMinuteHasNoRecordedAside() throws {
        var s = Self.state()
        try Self.done("police", nil, happened: at(3600), recorded: at(3610), &s)
        s.nav.selection[0] = 1
        let screen = Screen.render(s).text
        #expect(screen.contains("last change 22:00:00"), "\(screen)")
        #expect(!screen.contains("recorded"), "the same minute needs no aside:\n\(screen)")
        s.nav.focus = s.timelineTab
        #expect(!Screen.render(s).text.contains("recorded"))
    }

    /// Happened at 23:59 and recorded at 00:10 the next day, looked at that day: the date is
    /// on it in the list and the timeline, and the timeline's time and text are apart.
    @Test func aTimeOfAnotherDayCarriesItsDate() throws {
        var s = Self.state()
        let happened = at(2 * 3600 + 59 * 60), recorded = at(3 * 3600 + 10 * 60)
        try Self.done("police", nil, happened: happened, recorded: recorded, &s)
        s.nav.selection[0] = 1
        let row = try Self.listRow(s, "Report to the police")
        #expect(row.contains("11-24 23:59"), "the list row: \(row)")
        #expect(Screen.render(s).text.contains("last change 11-24 23:59:00 (recorded 00:10)"), "\(Screen.render(s).text)")
        s.nav.focus = s.timelineTab
        let timeline = try #require(Self.lines(s).first { $0.contains("Report to the police") })
        #expect(timeline.contains("11-24 23:59:00 (recorded 00:10) Report to the police"), "the timeline row: \(timeline)")
        // Today's own events carry no date.
        #expect(!timeline.contains("11-25"))
    }

    /// Two carriers: Mobile happened at 21:30 (recorded 21:33), Unicom recorded last (21:50)
    /// but happened at 21:10. The step's time is 21:30, the latest happened, not 21:50.
    @Test func aStepsTimeIsTheLatestHappenedOfItsProviders() throws {
        var s = Self.state()
        try Self.done("sim", "mobile", happened: at(1800), recorded: at(2000), &s)
        try Self.done("sim", "unicom", happened: at(600), recorded: at(3000), &s)
        s.nav.selection[0] = 0
        let row = try Self.listRow(s, "Freeze the SIM")
        #expect(row.contains("21:30") && !row.contains("21:50"), "the list row: \(row)")
        #expect(Screen.render(s).text.contains("last change 21:30:00 (recorded 21:33)"), "\(Screen.render(s).text)")
    }

    /// The Chinese aside: `（记录于 22:00）`.
    @Test func theAsideIsSaidInChinese() throws {
        var s = Self.state(language: .zh)
        try Self.done("police", nil, happened: at(2400), recorded: at(3600), &s)
        s.nav.focus = s.timelineTab
        #expect(Screen.render(s).text.contains("21:40:00（记录于 22:00）"), "\(Screen.render(s).text)")
    }

    @Test func theShortTimeRule() throws {
        let now = at(3 * 3600)  // 2026-11-25 00:00 +08:00
        #expect(ShortTime.text(at(3 * 3600 + 60), today: now) == "00:01")
        #expect(ShortTime.text(at(2 * 3600), today: now) == "11-24 23:00")
        #expect(ShortTime.text(at(-400 * 86400), today: now, seconds: true) == "2025-10-20 21:00:00")
        // The day is the time's own: 23:00 +08:00 is 15:00 UTC, the same UTC day as now.
        let utcNow = Timestamp(now.date, timeZone: TimeZone(secondsFromGMT: 0)!)
        #expect(ShortTime.text(at(2 * 3600), today: utcNow) == "11-24 23:00")
    }
}
