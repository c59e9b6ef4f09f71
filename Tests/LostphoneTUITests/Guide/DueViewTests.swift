import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// The Due tab (`D`, or its number): what `lostphone due` lists, on the screen, from the same
/// Core list in the same order.
@Suite struct DueViewTests {
    /// ICBC's debit card reported by phone six days ago (its written report is overdue by a day),
    /// CMB's bank line blocked with a retry in 30 minutes.
    static func state(width: Int = 80, height: Int = 24, language: Language = .en, closeWritten: Bool = false) throws -> AppState {
        let playbook = PlaybookLoader.builtin()
        var (incident, _) = Incident.open(id: "due", playbook: playbook, at: at(-7 * 86_400))
        var commands: [IncidentCommand] = [
            .move("debit-card", to: .done, provider: "icbc", happenedAt: at(-6 * 86_400)),
            .move("bank", to: .blocked, provider: "cmb", retry: at(30 * 60)),
        ]
        if closeWritten { commands.append(.move("debit-written", to: .done, provider: nil)) }
        for command in commands { try incident.apply(incident.event(for: command, at: at(-60))) }
        return AppState(playbook: playbook, incident: incident, language: language, theme: Theme.fallback,
                        width: width, height: height, now: t0)
    }

    static func text(_ canvas: Canvas) -> String { canvas.text }

    @Test func dOpensTheDueTabWithEachItemAsLostphoneDueListsIt() throws {
        var s = try Self.state()
        _ = Update.apply(.key(.char("D")), to: &s)
        #expect(s.isDue)
        let screen = Screen.render(s).text
        let list = s.dueList.rows
        #expect(list.map(\.status) == [.overdue, .dueSoon], "\(list.map(\.key))")
        // The same order as the Core list: the overdue report, then the retry.
        let positions = list.map { row in screen.range(of: row.title).map { screen.distance(from: screen.startIndex, to: $0.lowerBound) } }
        #expect(positions.allSatisfy { $0 != nil } && positions.map { $0! } == positions.map { $0! }.sorted(), "\(screen)")
        #expect(screen.contains("⚠ overdue by 24 h  due 2026-11-23 21:00"), "\(screen)")
        #expect(screen.contains("◷ in 30 min  due 2026-11-24 21:30"), "\(screen)")
        #expect(screen.contains("95588 · Debit cards lost too: report them by phone · ICBC"), "the number first\n\(screen)")
        #expect(screen.contains("95555 · Freeze mobile banking and payments · China Merchants Bank"), "\(screen)")
        #expect(screen.contains("Try again: China Merchants Bank"), "\(screen)")
        #expect(screen.contains("6 Due 2"), "the tab counts what is open\n\(screen)")
    }

    @Test func overdueItemsAreInTheWarningStyleAndDoneOnesDimmedWithATick() throws {
        let s = try Self.state(closeWritten: true)
        let rows = s.dueList.rows
        let done = try #require(rows.last)
        #expect(done.status == .done)
        var canvas = Canvas(width: 60, height: 12, style: Theme.fallback[.text])
        DueView.draw(&canvas, Rect(x: 0, y: 0, width: 60, height: 12), rows: rows, selected: 0, scroll: 0,
                     language: .en, theme: Theme.fallback)
        let lines = canvas.text.components(separatedBy: "\n")
        let doneLine = try #require(lines.firstIndex { $0.contains("✓ done 2026-11-24 20:59") }, "\(canvas.text)")
        #expect(!lines[doneLine + 2].contains("95588"), "a done item needs no number")
        #expect(lines[doneLine + 1].contains(done.title))
        let x = try #require(lines[doneLine].firstIndex(of: "✓")).utf16Offset(in: lines[doneLine])
        #expect(canvas[x, doneLine].style == Theme.fallback[.muted], "done items are dimmed")

        // Without the written report recorded, the report is overdue: the warning style.
        let open = try Self.state()
        var c2 = Canvas(width: 60, height: 12, style: Theme.fallback[.text])
        DueView.draw(&c2, Rect(x: 0, y: 0, width: 60, height: 12), rows: open.dueList.rows, selected: 1, scroll: 0,
                     language: .en, theme: Theme.fallback)
        #expect(c2.text.hasPrefix(" ⚠ overdue by 24 h"), "\(c2.text)")
        #expect(c2[1, 0].style == Theme.fallback[.warning], "an overdue item is in the warning style")
        #expect(c2[0, 3].grapheme == "›", "the selected item is marked")
    }

    @Test func theDueTabSpeaksChinese() throws {
        var s = try Self.state(language: .zh)
        _ = Update.apply(.key(.char("D")), to: &s)
        let screen = Screen.render(s).text
        #expect(screen.contains("已逾期 24 小时") && screen.contains("还有 30 分钟"), "\(screen)")
        #expect(screen.contains("再试一次：招商银行") && screen.contains("6 待办"), "\(screen)")
    }

    @Test func enterGoesToWhereTheItemIsRecorded() throws {
        var s = try Self.state()
        _ = Update.apply(.key(.char("D")), to: &s)
        _ = Update.apply(.key(.down), to: &s)
        _ = Update.apply(.key(.enter), to: &s)
        let step = try #require(s.selectedStep)
        #expect(step.id == "bank" && s.provider(for: step)?.id == "cmb" && !s.isDue, "a retry: its own step and provider")
        _ = Update.apply(.key(.char("D")), to: &s)
        _ = Update.apply(.key(.up), to: &s)
        _ = Update.apply(.key(.enter), to: &s)
        #expect(s.selectedStep?.id == "debit-written", "the written report: the step that closes it")
    }

    @Test func recordingKeysOnTheDueTabRecordNothing() throws {
        var s = try Self.state()
        _ = Update.apply(.key(.char("D")), to: &s)
        #expect(Update.apply(.key(.char("d")), to: &s).isEmpty)
        #expect(s.selectedStep == nil)
    }

    @Test func theDueTabIsShownOnceSomethingIsDueAndDStillExplainsIt() {
        let playbook = PlaybookLoader.builtin()
        let (incident, _) = Incident.open(id: "fresh", playbook: playbook, at: t0)
        var s = AppState(playbook: playbook, incident: incident, language: .en, theme: Theme.fallback, width: 80, height: 24, now: t0)
        #expect(!Screen.render(s).text.contains("6 Due"), "the first hour's tabs keep their width")
        // Nothing due soon: a China Mobile suspension's six months leave the tabs as they were,
        // and D still lists it.
        var sim = s
        _ = Update.apply(.recorded(try! sim.incident.event(for: .move("sim", to: .done, provider: "china-mobile"), at: t0)), to: &sim)
        let simScreen = Screen.render(sim).text
        #expect(!simScreen.contains("6 Due") && simScreen.contains("Urgent freezes 1/10"), "\(simScreen)")
        _ = Update.apply(.key(.char("D")), to: &sim)
        #expect(Screen.render(sim).text.contains("◷ in 181 days"), "\(Screen.render(sim).text)")
        _ = Update.apply(.key(.char("6")), to: &s)
        #expect(s.isDue)
        let screen = Screen.render(s).text
        #expect(screen.contains("6 Due") && screen.contains("Nothing is due."), "\(screen)")
    }

    /// The Due tab is a tab: it takes no line from the panes, so the first screen's number stays
    /// where it was (at 40x12 too, where the layout is the same with or without it).
    @Test func theFirstScreensNumberStaysInSightWithSomethingDue() throws {
        let playbook = PlaybookLoader.builtin()
        let (fresh, _) = Incident.open(id: "fresh", playbook: playbook, at: t0)
        for (w, h) in [(80, 24), (60, 20), (40, 12)] {
            let s = try Self.state(width: w, height: h)
            let none = AppState(playbook: playbook, incident: fresh, language: .en, theme: Theme.fallback, width: w, height: h, now: t0)
            #expect(s.showsDueTab && !none.showsDueTab)
            #expect(Layout(s) == Layout(none), "\(w)x\(h)")
            guard w >= 60 else { continue }
            let screen = Screen.render(s).text
            #expect(screen.contains("← now") && screen.contains("10086"), "\(w)x\(h)\n\(screen)")
        }
    }

    @Test func aScrollPastTheEndDrawsWhatThereIsAndNeverTraps() throws {
        let rows = try Self.state().dueList.rows
        var canvas = Canvas(width: 40, height: 6, style: Theme.fallback[.text])
        DueView.draw(&canvas, Rect(x: 0, y: 0, width: 40, height: 6), rows: rows, selected: 0, scroll: rows.count + 3,
                     language: .en, theme: Theme.fallback)
        #expect(canvas.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func theHelpAndTheKeyTableNameD() {
        #expect(KeyBindings.helpRows(.en).contains { $0.keys == "D" && $0.does.contains("what is due") })
        #expect(KeyBindings.action(for: .char("D")) == .focusDue)
        #expect(KeyBindings.action(for: .char("6")) == .focusPane(5))
    }
}
