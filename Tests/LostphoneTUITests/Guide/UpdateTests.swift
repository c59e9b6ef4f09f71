import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

@Suite struct UpdateTests {
    @Test func arrowAndVimKeysMoveTheSelection() {
        let d = TestApp()
        d.press(.down, .char("j"))
        #expect(d.state.nav.selection[0] == 2)
        d.press(.char("k"))
        #expect(d.state.nav.selection[0] == 1)
        d.press(.char("G"))
        #expect(d.state.nav.selection[0] == d.state.playbook.panes[0].steps.count - 1)
        d.press(.char("g"))
        #expect(d.state.nav.selection[0] == 0)
    }

    @Test func selectionStopsAtTheEnds() {
        let d = TestApp()
        d.press(.up, .up)
        #expect(d.state.nav.selection[0] == 0)
        for _ in 0..<50 { d.press(.down) }
        #expect(d.state.nav.selection[0] == d.state.playbook.panes[0].steps.count - 1)
    }

    @Test func tabAndNumbersChangePane() {
        let d = TestApp()
        d.press(.tab)
        #expect(d.state.nav.focus == 1)
        d.press(.backTab, .backTab)
        #expect(d.state.nav.focus == d.state.tabCount - 1)
        d.press(.char("3"))
        #expect(d.state.nav.focus == 2)
        d.press(.char("4"))
        #expect(d.state.nav.focus == 3)
        d.press(.char("5"))
        #expect(d.state.isTimeline)
    }

    @Test func doneRecordsTheChosenProviderAndTime() {
        let d = TestApp()
        let sim = d.state.playbook.panes[0].steps[0]
        d.press(.right)
        d.clock.moment = at(61)
        d.press(.char("d"))
        let rec = d.record(sim.id)
        #expect(rec.state == .done)
        #expect(rec.lastProvider == sim.providers[1].id)
        #expect(rec.provider(sim.providers[1].id).state == .done)
        #expect(rec.provider(sim.providers[0].id).state == .pending, "nothing recorded for the first carrier")
        #expect(rec.updatedAt == at(61))
    }

    @Test func aMoveTheStateMachineForbidsIsRefusedWithAReason() {
        let d = TestApp()
        let sim = d.state.playbook.panes[0].steps[0].id
        d.press(.char("d"), .char("d"), .up, .char("b"))
        #expect(d.record(sim).state == .done)
        #expect(d.state.message?.kind == .error)
        #expect(d.state.message?.text.contains("r") == true)
    }

    @Test func undoRestoresThePreviousState() {
        let d = TestApp()
        let sim = d.state.playbook.panes[0].steps[0].id
        d.press(.char("s"), .char("s"))
        let before = d.record(sim)
        d.press(.char("d"))
        d.press(.char("u"))
        #expect(d.record(sim).state == before.state)
        #expect(d.record(sim).lastProvider == before.lastProvider)
        #expect(d.state.incident.events.last?.kind == .undo)
    }

    @Test func noteTakesChineseTextAndEditingKeys() {
        let d = TestApp()
        let sim = d.state.playbook.panes[0].steps[0].id
        d.press(.char("n"), .char("n"))
        d.type("受理号 12345x")
        d.press(.backspace)
        d.press(.home)
        d.type("移动")
        d.press(.enter)
        #expect(d.record(sim).notes.last?.note.text == "移动受理号 12345")
        #expect(d.state.mode == .normal)
    }

    @Test func escapeCancelsANoteWithoutRecording() {
        let d = TestApp()
        let events = d.state.incident.events.count
        d.press(.char("n"))
        d.type("abc")
        d.press(.escape)
        #expect(d.state.incident.events.count == events)
    }

    @Test func providerChoiceIsRememberedPerStep() {
        let d = TestApp()
        d.press(.right, .right)
        let first = d.state.selectedStep!
        let chosen = d.state.provider(for: first)?.id
        d.press(.down, .up)
        #expect(d.state.provider(for: d.state.selectedStep!)?.id == chosen)
        #expect(chosen == first.providers[2 % first.providers.count].id)
    }

    @Test func leftFromTheFirstProviderWrapsToTheLast() {
        let d = TestApp()
        let step = d.state.selectedStep!
        d.press(.left)
        #expect(d.state.provider(for: step)?.id == step.providers.last?.id)
    }

    @Test func languageSwitchesAndIsRemembered() {
        let d = TestApp(language: .en)
        d.press(.char("L"))
        #expect(d.state.display.language == .zh)
        #expect(d.calls.savedLanguages == [.zh])
    }

    @Test func searchJumpsAcrossPanesAndEscapeGoesBack() {
        let d = TestApp()
        d.press(.char("/"))
        d.type("icloud")
        let found = d.state.selectedStep
        #expect(found != nil)
        d.press(.escape)
        #expect(d.state.nav.focus == 0 && d.state.nav.selection[0] == 0)
        d.press(.char("/"))
        d.type("Alipay")
        d.press(.enter)
        #expect(d.state.selectedStep?.id == "alipay")
    }

    @Test func helpOpensAndClosesWithQuestionMarkOrEscape() {
        let d = TestApp()
        d.press(.char("?"))
        #expect(d.state.mode == .help(scroll: 0))
        d.press(.escape)
        #expect(d.state.mode == .normal)
    }

    /// G and End go to the help's end, g and Home back to its top, as in the lists (the user
    /// test found G and End doing nothing there).
    @Test func helpGoesToItsEndWithGAndEndAndBackWithGAndHome() {
        let d = TestApp(width: 80, height: 24)
        d.press(.char("?"), .char("G"))
        guard case .help(let end) = d.state.mode else { Issue.record("help closed"); return }
        #expect(end > 0)
        d.press(.char("g"))
        #expect(d.state.mode == .help(scroll: 0))
        d.press(.end)
        #expect(d.state.mode == .help(scroll: end))
        d.press(.home)
        #expect(d.state.mode == .help(scroll: 0))
    }

    @Test func quitSetsTheFlag() {
        let d = TestApp()
        d.press(.char("q"))
        #expect(d.state.shouldQuit)
    }

    @Test func detailsFormRecordsLostAtAndDevice() {
        let d = TestApp()
        d.press(.char("i"))
        d.type("20:30")
        d.press(.tab)
        d.type("王芳")
        d.press(.tab)
        d.type("138 0013 8000")
        d.press(.tab)
        d.type("iPhone 12")
        d.press(.tab)
        d.type("356938035643809")
        d.press(.enter)
        #expect(d.state.incident.device.owner == "王芳")
        #expect(d.state.incident.device.number == "138 0013 8000")
        #expect(d.state.incident.device.model == "iPhone 12")
        #expect(d.state.incident.device.imei == "356938035643809")
        #expect(d.state.incident.lostAt.map { TimeInput.display($0) } == "2026-11-24 20:30")
    }

    @Test func detailsFormRefusesATimeItCannotRead() {
        let d = TestApp()
        d.press(.char("i"))
        d.type("yesterday-ish")
        d.press(.enter)
        guard case .details(let form) = d.state.mode else { Issue.record("form closed"); return }
        #expect(form.error != nil)
    }

    @Test func actionsInTheTimelineAskForAStep() {
        let d = TestApp()
        d.press(.char("5"), .char("d"))
        #expect(d.state.message?.kind == .info)
        #expect(d.state.incident.events.count == 1)
    }

    @Test func progressCountsDoneAndSkipped() {
        let d = TestApp()
        // Each action moves on to the next open step.
        // Enter: no other SIM card; `b`, then Enter: no retry time.
        d.press(.char("d"), .char("d"), .enter, .char("x"), .char("x"), .char("b"), .enter)
        #expect(d.state.progress[0].settled == 2)
        d.press(.char("u"), .char("u"), .char("u"))
        #expect(d.state.progress[0].settled == 1)
    }

    @Test func clickSelectsARowAndATab() {
        let d = TestApp(width: 140, height: 45)
        d.send(.click(x: 5, y: 4))
        #expect(d.state.nav.selection[0] == 2)
        let tabs = TabStrip.placed(d.state)
        d.send(.click(x: tabs[2].x + 1, y: 1))
        #expect(d.state.nav.focus == 2)
    }

    @Test func resizeKeepsTheSelectionVisible() {
        let d = TestApp(width: 80, height: 40)
        d.press(.char("3"), .char("G"))
        d.terminal.height = 12
        d.send(.resize)
        let h = Layout(width: 80, height: 12, detailOpen: d.state.nav.detailOpen).list.height
        let sel = d.state.nav.selection[2], top = d.state.nav.scroll[2]
        #expect(sel >= top && sel < top + h)
    }

    @Test(arguments: [Language.en, .zh])
    func at40x12TheFirstNumberIsOnTheFirstScreen(language: Language) {
        let d = TestApp(width: 40, height: 12, language: language)
        #expect(d.screen.contains("10086"), "the SIM step's first number needs no PgDn:\n\(d.screen)")
        #expect(d.screen.contains(language == .en ? "Report the loss and" : "挂失并冻结 SIM 卡"), "the list still names the step")
        #expect(d.screen.contains(language == .en ? "← now" : "← 先办这项"), "and says it is the one to do now:\n\(d.screen)")
    }

    @Test func at40ColumnsTheFocusedTabKeepsItsTitleAndTheOthersTheirNumbers() {
        let d = TestApp(width: 40, height: 12)
        #expect(TabStrip.placed(d.state).map(\.label) == ["1 Urgent freezes 0/10", "2", "3", "4", "5"])
        d.press(.char("2"))
        let tabs = TabStrip.placed(d.state)
        #expect(tabs[1].label.hasPrefix("2 Locate "), "\(tabs.map(\.label))")
        #expect(tabs.map(\.label).filter { $0.contains("…") }.isEmpty, "no cut titles: \(tabs.map(\.label))")
        #expect((tabs.last.map { $0.x + $0.width } ?? 99) <= 40)
        d.send(.click(x: tabs[3].x + 1, y: 1))
        #expect(d.state.nav.focus == 3, "a number alone is still a tab to click")
    }

    @Test func at40ColumnsTheChineseTabsReadTheSameWay() {
        let d = TestApp(width: 40, height: 12, language: .zh)
        #expect(TabStrip.placed(d.state).map(\.label) == ["1 紧急冻结 0/10", "2", "3", "4", "5"])
    }

    @Test func wideEnoughEveryTabKeepsItsTitle() {
        let d = TestApp(width: 100, height: 30)
        #expect(TabStrip.placed(d.state).map(\.label) == ["1 Urgent freezes 0/10", "2 Locate", "3 Afterwards", "4 Prevention", "5 Timeline"]
                || TabStrip.placed(d.state).allSatisfy { !$0.label.contains("…") })
    }
}
