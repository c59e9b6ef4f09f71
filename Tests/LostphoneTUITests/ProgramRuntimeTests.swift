import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// The guide and the form run on the one `Program`: the same tick order, help keys and
/// too-small screen on both.
@Suite struct ProgramRuntimeTests {
    /// The clock is read before the key: a time typed relative to now is relative to when Enter
    /// was pressed (the guide used to tick after the key, a second or more late).
    @Test func theClockTicksBeforeTheKeySoAKeySeesItsOwnTime() throws {
        let d = TestApp()
        d.press(.char("@"))
        d.type("-5m")
        d.clock.moment = at(600)
        d.press(.enter)
        #expect(d.state.choices.happenedAt == at(300))
    }

    @Test func theHelpIgnoresOtherKeysOnBothScreens() {
        let d = TestApp()
        d.press(.char("?"), .char("x"))
        #expect(d.state.mode == .help(scroll: 0))
        #expect(d.state.incident.events.count == 1)
        let f = TestForm()
        f.press(.char("?"), .char("x"))
        #expect(f.state.mode == .help(scroll: 0), "the form's help closed on any key before")
        f.press(.char("q"))
        #expect(f.state.mode == .browse && !f.state.shouldQuit, "q closes the help, not the form")
    }

    @Test func belowTheMinimumSizeClicksAndPastesDoNothing() {
        let d = TestApp(width: 30, height: 8)
        d.send(.click(x: 12, y: 1))
        d.send(.wheelDown(x: 5, y: 5))
        d.send(.paste("dd"))
        #expect(d.state.nav.focus == 0 && d.state.nav.selection[0] == 0)
        #expect(d.state.message == nil)
        #expect(d.state.incident.events.count == 1)
    }

    @Test func belowTheMinimumSizeEachScreenLeavesWithItsOwnQuitKeys() {
        let f = TestForm(width: 39, height: 9)
        f.press(.escape)
        #expect(f.state.shouldQuit, "Esc leaves the form, as its table says")
        let d = TestApp(width: 30, height: 8)
        d.press(.escape)
        #expect(!d.state.shouldQuit, "Esc is not the guide's quit key")
        d.press(.ctrl("c"))
        #expect(d.state.shouldQuit)
    }
}
