import LostphoneCore
import Testing
@testable import LostphoneTUI

/// The screen records through the rules in Core (`RecordingRules`, `DeviceField`): it refuses
/// what the command line refuses, in the person's language.
@Suite struct ScreenRecordingRulesTests {
    @Test func theDetailsFormRefusesABidiOverrideAsPrepareDoes() {
        let d = TestApp()
        d.press(.char("i"), .tab)
        d.type("A\u{202E}B")
        d.press(.enter)
        guard case .details(let form) = d.state.mode else { Issue.record("the form closed and kept it"); return }
        #expect(form.error == FieldProblem(field: .owner, reason: .invisibleCharacter(0x202E)).text(d.state.words))
        #expect(d.state.incident.device.owner == nil && d.eventsOnDisk().count == 1, "nothing recorded")
    }

    @Test func aNoteTheRulesRefuseIsSaidInChineseOnTheChineseScreen() {
        let d = TestApp(language: .zh)
        // The police step, which has no providers to choose first.
        while d.state.selectedStep?.id != "police" { d.press(.down) }
        d.press(.char("n"))
        d.send(.paste("受理号 \u{202E}42"))
        d.press(.enter)
        let message = d.state.message?.text ?? ""
        #expect(message.contains("U+202E") && message.contains("看不见的字符"), "\(message) \(d.state.mode)")
        #expect(!message.contains("invisible"), "no English on the Chinese screen: \(message)")
        #expect(d.eventsOnDisk().count == 1)
    }

    @Test func theEarlyEraseIsAskedForByTheSameRuleAsTheCommandLine() {
        let d = TestApp()
        d.press(.char("2"), .char("G"), .right, .left, .char("d"))
        guard case .confirmEarly(let early) = d.state.mode else { Issue.record("not asked: \(d.state.mode)"); return }
        #expect(early.unmet == ["police", "insurance"])
        d.press(.char("y"))
        #expect(d.eventsOnDisk().last?.step == "apple-erase" && d.eventsOnDisk().last?.to == .done)
    }

    /// Finding 1 of the user test: `@` before the state a step is in is refused on `d`/`r` by
    /// the rule `lostphone record --at` obeys, and nothing is recorded.
    @Test func aChangeBackDatedWithAtBeforeTheStateItLeavesIsRefused() {
        let d = TestApp(now: at(3600))
        while d.state.selectedStep?.id != "police" { d.press(.down) }
        d.press(.char("d"))
        #expect(d.state.incident.record("police").state == .done)
        // `d` moved on to the next step: back to the police report.
        while d.state.selectedStep?.id != "police" { d.press(.up) }
        d.press(.char("@"))
        d.type("-30m")
        d.press(.enter, .char("r"))
        let message = d.state.message?.text ?? ""
        #expect(message.contains("became done at 2026-11-24 22:00") && message.contains("(2026-11-24 21:30)")
                && message.contains("with @"), "\(message)")
        #expect(d.state.incident.record("police").state == .done && d.eventsOnDisk().count == 2, "nothing recorded")
    }

    /// The other half of "before the phone was lost": `i` refuses a loss later than the first
    /// action, by the rule `lostphone details --lost-at` obeys.
    @Test func theDetailsFormRefusesALossLaterThanTheFirstAction() {
        let d = TestApp(language: .zh, now: at(3600))
        while d.state.selectedStep?.id != "police" { d.press(.down) }
        d.press(.char("@"))
        d.type("-30m")
        d.press(.enter, .char("d"))
        #expect(d.state.incident.record("police").state == .done)
        d.press(.char("i"))
        d.type("21:45")
        d.press(.enter)
        guard case .details(let form) = d.state.mode else { Issue.record("the form closed and kept it"); return }
        let error = form.error ?? ""
        #expect(error.contains("丢失时间 2026-11-24 21:45 不能晚于最早记下的一项") && error.contains("2026-11-24 21:30"), "\(error)")
        #expect(d.state.incident.lostAt == nil && d.eventsOnDisk().count == 2, "nothing recorded")
    }
}
