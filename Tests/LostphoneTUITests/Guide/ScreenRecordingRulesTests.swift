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
}
