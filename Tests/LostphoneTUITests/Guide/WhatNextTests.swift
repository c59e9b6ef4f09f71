import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// After an action the screen shows what comes next, and says what is left.
@Suite struct WhatNextTests {
    @Test func doneMovesTheSelectionToTheNextOpenStep() {
        let d = TestApp()
        // China Mobile done asks "another SIM card?"; Enter: no more, and on.
        d.press(.char("d"), .char("d"))
        #expect(d.state.selectedStep?.id == "sim", "the question keeps the step")
        d.press(.enter)
        #expect(d.record("sim").state == .done)
        #expect(d.state.selectedStep?.id == "bank")
    }

    @Test func blockedAndSkippedMoveOnToo() {
        let d = TestApp()
        d.press(.char("j"), .char("j"), .char("b"), .enter)
        #expect(d.record("wechat").state == .blocked)
        #expect(d.state.selectedStep?.id == "alipay")
        d.press(.char("x"))
        #expect(d.state.selectedStep?.id == "lending")
    }

    @Test func startingAStepStaysOnIt() {
        let d = TestApp()
        d.press(.char("s"), .char("s"))
        #expect(d.record("sim").state == .inProgress)
        #expect(d.state.selectedStep?.id == "sim")
    }

    @Test func theNextStepIsTheFirstOpenOneByPriorityWrappingToSkippedOnes() {
        let d = TestApp()
        // WeChat first, then the last step (its provider named, then recorded): back to the
        // SIM step left open above them.
        d.press(.char("j"), .char("j"), .char("d"), .char("G"), .char("d"), .char("d"), .enter)
        #expect(d.record("accounts").state == .done)
        #expect(d.state.selectedStep?.id == "sim", "the last step done: the first still open")
    }

    @Test func doneForOneOfMyBanksShowsMyOtherBankStillOpen() {
        let d = TestApp()
        d.press(.char("j"), .char("m"), .right, .char("m"))
        let bank = d.state.selectedStep!
        let second = d.state.provider(for: bank)!.id
        d.press(.left, .char("d"))
        #expect(d.state.selectedStep?.id == "bank", "still the bank step")
        #expect(d.state.provider(for: bank)?.id == second, "now the other bank")
        d.press(.char("d"))
        #expect(d.record("bank").state == .done)
        #expect(d.state.selectedStep?.id == "bank", "both banks done: another bank?")
        d.press(.enter)
        #expect(d.state.selectedStep?.id == "wechat", "no more: the next open step")
    }

    @Test func aNoteRightAfterDoneGoesToTheStepJustDone() {
        let d = TestApp()
        d.press(.char("d"), .char("d"), .enter)
        #expect(d.state.message?.text.contains("n adds a note to it") == true)
        d.press(.char("n"))
        d.type("ref 42")
        d.press(.enter)
        #expect(d.record("sim").provider("china-mobile").notes.map(\.text) == ["ref 42"])
        #expect(d.state.selectedStep?.id == "bank")
    }

    @Test func aNoteAfterAnotherKeyGoesToTheSelectedStep() {
        let d = TestApp()
        d.press(.char("d"), .char("d"), .enter, .char("j"), .char("k"), .char("n"))
        d.type("x")
        d.press(.enter)
        #expect(d.record("sim").provider("china-mobile").notes.isEmpty)
    }

    @Test func theListMarksTheStepToDoNowAndTheHeaderCountsUrgentFreezesLeft() {
        let d = TestApp()
        #expect(d.screen.contains("1 Report the loss and freeze the SIM card  ← now"))
        #expect(d.screen.contains("10 urgent left"))
        d.press(.char("d"), .char("d"), .enter)
        #expect(d.screen.contains("2 Freeze mobile banking and payments  ← now"))
        #expect(d.screen.contains("9 urgent left"))
    }

    @Test func reopeningSelectsTheFirstOpenStep() throws {
        let playbook = PlaybookLoader.builtin()
        var (incident, _) = Incident.open(id: "x", playbook: playbook, at: t0)
        let event = try incident.event(for: .move("sim", to: .done, provider: "china-mobile", happenedAt: nil), at: at(1))
        try incident.apply(event)
        let state = AppState(playbook: playbook, incident: incident, language: .en, theme: Theme.fallback,
                             width: 80, height: 24, now: at(2))
        #expect(state.nav.focus == 0)
        #expect(state.selectedStep?.id == "bank")
    }
}

/// The details show contacts first and scroll the ways people try.
@Suite struct DetailScrollTests {
    @Test func eachProvidersContactsComeBeforeTheWhy() {
        let d = TestApp(width: 80, height: 24)
        d.press(.char("j"), .char("j"))   // WeChat
        let screen = d.screen
        #expect(screen.contains("weixin110.qq.com"))
        #expect(screen.contains("0755-83765566"))
    }

    @Test func theDetailsSayHowMuchIsBelow() {
        let d = TestApp(width: 80, height: 24)
        #expect(d.screen.contains("↓ more below ("))
    }

    @Test func downPastTheListsEndScrollsTheDetailsAndUpComesBack() {
        let d = TestApp(width: 80, height: 24)
        d.press(.char("G"))
        #expect(d.state.nav.detailScroll == 0)
        d.press(.down, .down)
        #expect(d.state.nav.detailScroll == 2)
        #expect(d.state.nav.selection[0] == d.state.rowCount(0) - 1)
        d.press(.up, .up)
        #expect(d.state.nav.detailScroll == 0)
        d.press(.up)
        #expect(d.state.nav.selection[0] == d.state.rowCount(0) - 2)
    }

    @Test func pageDownScrollsTheDetailsWhileTheyHaveMore() {
        let d = TestApp(width: 80, height: 24)
        d.press(.pageDown)
        #expect(d.state.nav.detailScroll > 0)
        #expect(d.state.selectedStep?.id == "sim")
        d.press(.pageUp)
        #expect(d.state.nav.detailScroll == 0)
    }

    @Test func theWheelScrollsWhatItIsOver() {
        let d = TestApp(width: 80, height: 24)
        d.send(.wheelDown(x: 40, y: 15))
        #expect(d.state.nav.detailScroll == 3, "over the details")
        #expect(d.state.selectedStep?.id == "sim")
        d.send(.wheelDown(x: 10, y: 3))
        #expect(d.state.nav.selection[0] == 3, "over the list")
    }

    @Test func detailsNeverScrollPastTheirEnd() {
        let d = TestApp(width: 80, height: 24)
        for _ in 0..<50 { d.press(.ctrl("e")) }
        #expect(d.state.nav.detailScroll == DetailLayout.maxScroll(d.state))
        #expect(d.screen.range(of: "more below \\([0-9]+ lines?\\)", options: .regularExpression) == nil, "the details' own “more below”")
    }

    @Test func theListSaysHowManyStepsAreBelowIt() {
        let d = TestApp(width: 60, height: 20)
        #expect(d.screen.contains("↓ more below (5)"))
        d.press(.char("G"))
        #expect(!d.screen.contains("↓ more below (5)"))
    }

    @Test func clickingTheArrowsChangesTheProvider() throws {
        let d = TestApp(width: 80, height: 24)
        let lines = d.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let y = try #require(lines.firstIndex { $0.contains("◀ China Mobile ▶") })
        let line = String(lines[y])
        let right = try #require(line.firstIndex(of: "▶"))
        d.send(.click(x: line.distance(from: line.startIndex, to: right), y: y))
        #expect(d.state.provider(for: d.state.selectedStep!)?.name[.en] == "China Unicom")
        let after = String(d.screen.split(separator: "\n", omittingEmptySubsequences: false)[y])
        let left = try #require(after.firstIndex(of: "◀"))
        d.send(.click(x: after.distance(from: after.startIndex, to: left), y: y))
        #expect(d.state.provider(for: d.state.selectedStep!)?.name[.en] == "China Mobile")
    }

    @Test func theTimelinesDetailShowsTheSelectedEvent() {
        let d = TestApp(width: 80, height: 24)
        d.press(.char("@"))
        d.type("-5m")
        d.press(.enter, .char("d"), .char("d"), .char("5"))
        let screen = d.screen
        #expect(!screen.contains("Nothing recorded yet"))
        #expect(screen.contains("Recorded at: 2026-11-24 21:00"))
        #expect(screen.contains("Happened at: 2026-11-24 20:55"))
        #expect(screen.contains("Step: Report the loss and freeze the SIM card"))
        #expect(screen.contains("Provider: China Mobile"))
        #expect(screen.contains("State: to do → done"))
    }
}

/// Below the minimum size the message fits and keys record nothing.
@Suite struct TooSmallTests {
    @Test(arguments: [(20, 8), (39, 24), (80, 9)])
    func theMessageWrapsAndNamesTheMinimum(width: Int, height: Int) {
        let d = TestApp(width: width, height: height)
        let text = d.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("Enlarge the terminal to at least 40×10"))
        #expect(text.contains("It is \(width)×\(height) now."))
    }

    @Test func keysRecordNothingAndQQuits() {
        let d = TestApp(width: 30, height: 8)
        d.press(.char("d"), .char("d"), .char(" "), .char("x"), .char("x"), .char("u"), .tab, .char("?"))
        #expect(d.state.incident.events.count == 1)
        #expect(d.state.nav.focus == 0)
        #expect(d.state.mode == .normal)
        d.press(.char("q"))
        #expect(d.state.shouldQuit)
    }
}
