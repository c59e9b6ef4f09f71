import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// `/` finds steps, providers and contacts, as the person types, in either language.
@Suite struct SearchTests {
    @Test(arguments: ["unicom", "联通", "10010"])
    func aProviderFoundIsShownInItsStep(query: String) {
        let d = TestApp()
        d.press(.char("/"))
        d.type(query)
        #expect(d.state.selectedStep?.id == "sim")
        #expect(d.state.provider(for: d.state.selectedStep!)?.id == "china-unicom")
        #expect(d.screen.contains("◀ China Unicom ▶"))
    }

    @Test func matchesFollowTheTypingLive() {
        let d = TestApp()
        d.press(.char("/"))
        d.type("weix")
        #expect(d.state.selectedStep?.id == "wechat", "weixin110.qq.com, by part of the address")
        #expect(d.screen.contains("1/"))
    }

    @Test func aNumberMatchesWhateverItsDashes() {
        let d = TestApp()
        d.press(.char("/"))
        d.type("075583765566")
        #expect(d.state.selectedStep?.id == "wechat")
    }

    @Test func nothingMatchingSaysSoAndMovesNothing() {
        let d = TestApp()
        d.press(.char("/"))
        d.type("zzzz")
        #expect(d.state.selectedStep?.id == "sim")
        #expect(d.screen.contains("no match"))
        d.press(.enter)
        #expect(!d.state.searchJustClosed, "n is a note again")
    }

    @Test func downInTheFieldAndNAfterItGoToTheNextHit() {
        let d = TestApp()
        d.press(.char("/"))
        d.type("unicom")
        let first = d.state.selectedStep?.id
        d.press(.down)
        let second = d.state.selectedStep?.id
        #expect(first != second, "the new SIM in the days after has China Unicom too")
        d.press(.up, .enter)
        #expect(d.state.selectedStep?.id == first)
        #expect(d.screen.contains("n or Enter: next"))
        d.press(.char("n"))
        #expect(d.state.selectedStep?.id == second)
        d.press(.char("N"))
        #expect(d.state.selectedStep?.id == first)
        d.press(.enter)
        #expect(d.state.selectedStep?.id == second)
        #expect(d.state.mode == .normal, "n and Enter did not open a note or close the details")
    }

    @Test func anotherKeyAfterTheSearchMakesNANoteAgain() {
        let d = TestApp()
        d.press(.char("/"))
        d.type("alipay")
        d.press(.enter, .char("k"), .char("n"))   // WeChat: no provider to confirm
        if case .note = d.state.mode {} else { Issue.record("n opens a note after another key: \(d.state.mode)") }
    }

    @Test func escapeRestoresTheSelectionAndTheProvider() {
        let d = TestApp()
        d.press(.char("/"))
        d.type("telecom")
        #expect(d.state.provider(for: d.state.selectedStep!)?.id == "china-telecom")
        d.press(.escape)
        #expect(d.state.selectedStep?.id == "sim")
        #expect(d.state.provider(for: d.state.selectedStep!)?.id == "china-mobile")
        #expect(d.state.providerChoice.isEmpty)
    }
}
