import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// The runtime itself: the real `App` on a fake terminal with a real journal on disk.
@Suite struct AppTests {
    @Test func aRecordedActionIsInTheJournalFileWhenTheScreenShowsIt() {
        let d = TestApp()
        let sim = d.state.playbook.panes[0].steps[0].id
        var framesShowingIt = 0
        d.terminal.onDraw = { [weak d] canvas in
            // The question after it begins by saying what was recorded.
            guard canvas.text.contains("China Mobile done.") else { return }
            framesShowingIt += 1
            let last = d?.eventsOnDisk().last
            #expect(last?.step == sim && last?.to == .done, "the screen says Saved but the file ends with \(String(describing: last))")
        }
        // China Mobile, shown first but not chosen: the second d confirms it.
        d.press(.char("d"), .char("d"))
        #expect(framesShowingIt > 0, "no frame showed the recorded action")
        #expect(d.eventsOnDisk() == Array(d.state.incident.events))
    }

    @Test func aFailedAppendChangesNothingOnScreenAndSaysNotSaved() {
        let d = TestApp()
        let sim = d.state.playbook.panes[0].steps[0].id
        d.journal.close()
        d.press(.char("d"), .char("d"))
        #expect(d.record(sim).state == .pending)
        #expect(d.state.message?.kind == .error)
        #expect(d.screen.contains("NOT saved"))
        #expect(d.eventsOnDisk().count == 1)
        #expect(d.state.session.unsavedActions == 1, "quitting will say one action was not saved")
    }

    @Test func aReadOnlyViewSaysSoAndRecordsNothing() {
        let d = TestApp(askDetails: true, readOnlyDirectory: "/mnt/ro/lostphone")
        let sim = d.state.playbook.panes[0].steps[0].id
        #expect(d.screen.contains("READ-ONLY"), "the header says it")
        #expect(!d.screen.contains("About the lost phone"), "no form asks for what cannot be kept")
        for key: Character in ["d", "s", "b", "x", "n", "u", "i"] {
            d.press(.char(key))
            #expect(d.record(sim).state == .pending)
            #expect(d.state.message?.text.contains("/mnt/ro/lostphone cannot be written") == true, "\(key): \(d.state.message?.text ?? "")")
            #expect(d.state.mode == .normal)
        }
        #expect(d.eventsOnDisk().count == 1)
        #expect(d.state.session.unsavedActions == 0)
        d.press(.char("j"))
        #expect(d.state.nav.selection[0] == 1, "moving around and reading still work")
    }

    @Test func eachRecordedEventTakesTheTimeOfTheInjectedClock() {
        let d = TestApp()
        d.clock.moment = at(95)
        d.press(.char("s"), .char("s"))
        #expect(d.eventsOnDisk().last?.at == at(95))
    }

    @Test func theClockTicksThroughUpdateWhileNoKeyIsPressed() {
        let d = TestApp()
        #expect(d.screen.contains("00:00:00"))
        d.clock.moment = at(65)
        d.wait()
        #expect(d.state.now == at(65))
        #expect(d.screen.contains("00:01:05"))
    }

    @Test func theThemeKeyLoadsTheNextThemeAndUpdateAppliesAndRemembersIt() throws {
        let next = ThemeLoader.builtinDefault
        try #require(next != Theme.fallback, "the two test themes must differ")
        let d = TestApp(theme: Theme.fallback, themeName: "plain", themes: ["warm": (next, [])])
        d.press(.char("t"))
        #expect(d.state.display.theme == next)
        #expect(d.state.display.themeName == "warm")
        #expect(d.calls.savedThemes == ["warm"])
        #expect(d.screen.contains("Theme: warm"))
        d.press(.char("t"))
        #expect(d.state.display.themeName == "plain")
    }

    @Test func aThemeThatDoesNotLoadIsReportedAndNotRemembered() {
        let d = TestApp(themeName: "plain", themes: ["broken": (Theme.fallback, ["broken.yaml:3:1: bad colour"])])
        d.press(.char("t"))
        #expect(d.state.display.themeName == "broken")
        #expect(d.calls.savedThemes.isEmpty)
        #expect(d.state.message?.kind == .error)
        #expect(d.state.message?.text.contains("bad colour") == true)
    }

    @Test func exportSaysWhereTheReportWent() {
        let d = TestApp(width: 120, height: 30)
        d.press(.char("e"))
        #expect(d.calls.exports == 1)
        #expect(d.screen.contains("Report written to /reports/lostphone-report-test.md"))
    }

    @Test func ctrlLRepaintsTheWholeTerminal() {
        let d = TestApp()
        d.press(.ctrl("l"))
        #expect(d.terminal.invalidations == 1)
    }

    @Test func quitEndsTheRunWithStatusZero() {
        let d = TestApp()
        d.terminal.input = [.key(.char("q"))]
        #expect(d.app.run() == 0)
    }

    @Test func aSignalEndsTheRunWithTheShellsStatus() {
        let d = TestApp()
        d.terminal.input = [.signal(SIGTERM)]
        #expect(d.app.run() == 128 + SIGTERM)
    }
}
