import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// Choosing the provider an action is for, and saying when it happened, on the screen.
@Suite struct ProviderChoiceTests {
    /// Two steps whose carriers share a group, and a locate step of phone brands.
    static let grouped = testPlaybook("grouped", panes: """
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
              - id: new-sim
                title: {en: "Get a new SIM", zh: "补办 SIM"}
                priority: 2
                group: carrier
                providers:
                  - {id: mobile, name: {en: "Mobile", zh: "移动"}}
                  - {id: unicom, name: {en: "Unicom", zh: "联通"}}
              - id: locate
                title: {en: "Locate", zh: "定位"}
                priority: 3
                group: brand
                providers:
                  - {id: apple, name: {en: "Apple", zh: "苹果"}}
                  - {id: huawei, name: {en: "Huawei", zh: "华为"}}
        """)

    @Test func aProviderNotChosenIsNamedFirstAndRecordedOnlyOnTheSecondPress() {
        let d = TestApp(playbook: Self.grouped)
        d.press(.char("b"))
        #expect(d.state.incident.events.count == 1, "nothing recorded")
        #expect(d.state.message?.text == "For Mobile? Press b again to confirm, m marks it yours, ←/→ picks yours.")
        d.press(.char("j"), .char("k"), .char("b"))
        #expect(d.state.incident.events.count == 1, "another key in between disarms it")
        d.press(.char("b"), .enter)
        #expect(d.record("sim").provider("mobile").state == .blocked)
    }

    @Test func aCarrierChosenInOneStepIsPreselectedInTheOthersOfItsGroup() {
        let d = TestApp(playbook: Self.grouped)
        d.press(.right, .char("d"), .enter)
        #expect(d.record("sim").provider("unicom").state == .done)
        let newSIM = d.state.selectedStep!
        #expect(d.state.provider(for: newSIM)?.id == "unicom")
        d.press(.char("s"))
        #expect(d.record("new-sim").provider("unicom").state == .inProgress, "recorded at once: chosen in its group")
    }

    @Test func aBrandInThePhoneModelIsPreselectedInTheLocateSteps() {
        let d = TestApp(playbook: Self.grouped)
        d.press(.char("i"), .tab, .tab, .tab)
        d.type("Huawei Mate 60 Pro")
        d.press(.enter)
        d.press(.char("G"))
        #expect(d.state.provider(for: d.state.selectedStep!)?.id == "huawei")
        #expect(d.state.isChosen(d.state.provider(for: d.state.selectedStep!)!, in: d.state.selectedStep!))
    }

    @Test func mMarksTheShownProviderAsMineAndAgainNot() {
        let d = TestApp(playbook: Self.grouped)
        d.press(.right, .char("m"))
        #expect(d.record("sim").mine.map(\.provider) == ["unicom"])
        #expect(d.screen.contains("0/1 ○ Unicom"), "the list line counts it, not yet done")
        d.press(.char("m"))
        #expect(d.record("sim").mine.isEmpty)
    }

    /// The tester's keys: ICBC done, CMB blocked, `h` back to ICBC, then `m` (beside `n`). The
    /// freeze stays ICBC's and the person's: refused, saying why and what to do, in their
    /// language; nothing is written, and the line, the details and the journal still hold it.
    @Test(arguments: Language.allCases)
    func mOnABankRecordedDoneIsRefusedAndTheBankStaysInEveryView(language: Language) throws {
        let d = TestApp(width: 120, height: 30, language: language)
        d.press(.char("j"), .char("d"), .char("d"))
        d.press(.right, .right, .right, .char("b"), .enter, .escape)
        #expect(d.record("bank").provider("icbc").state == .done && d.record("bank").provider("cmb").state == .blocked)
        let bank = try #require(d.state.selectedStep)
        for _ in 0..<bank.providers.count where d.state.provider(for: bank)?.id != "icbc" { d.press(.char("h")) }
        #expect(d.state.provider(for: bank)?.id == "icbc")
        let written = d.eventsOnDisk().count
        d.press(.char("m"))
        #expect(d.record("bank").mine.map(\.provider) == ["icbc", "cmb"], "ICBC stays one of the person's")
        #expect(d.eventsOnDisk().count == written, "nothing was written")
        let said = d.state.message?.text ?? ""
        if language == .en {
            #expect(said.contains("ICBC") && said.contains("done") && said.contains("press r"), "\(said)")
        } else {
            #expect(said.contains("工商银行") && said.contains("已完成") && said.contains("按 r"), "\(said)")
        }
        #expect(d.state.message?.kind == .error)
        #expect(TextWidth.of(said) < 80, "what to do fits the bottom line at 80 columns: \(said)")
        #expect(d.screen.contains("1/2"), "the step's line still counts ICBC:\n\(d.screen)")
    }

    @Test func notesAreAddedOneAfterAnother() {
        let d = TestApp(playbook: Self.grouped)
        for note in ["ref 1", "agent Li"] {
            d.press(.right, .left, .char("n"))
            d.type(note)
            d.press(.enter)
        }
        #expect(d.record("sim").provider("mobile").notes.map(\.text) == ["ref 1", "agent Li"])
        #expect(d.screen.contains("ref 1") && d.screen.contains("agent Li"))
    }

    @Test func atGivesTheNextActionAnEarlierTime() {
        let d = TestApp(playbook: Self.grouped)
        d.clock.moment = at(3600)
        d.press(.char("@"))
        d.type("-20m")
        d.press(.enter)
        #expect(d.state.message?.text.contains("The next action happened at 2026-11-24 21:40") == true)
        d.press(.right, .char("d"))
        let event = d.state.incident.events.last
        #expect(event?.happenedAt == at(2400) && event?.at == at(3600))
        #expect(d.state.choices.happenedAt == nil, "used once")
        d.press(.up)
        #expect(d.screen.contains("21:40:00 (recorded 22:00)"))
    }

    @Test func atRefusesATimeInTheFutureOrBeforeTheLossSayingWhich() {
        let d = TestApp(playbook: Self.grouped)
        d.clock.moment = at(3600)
        d.press(.char("i"))
        d.type("21:30")
        d.press(.enter)
        d.press(.char("@"))
        d.type("2026-11-24 23:00")
        d.press(.enter)
        #expect(d.state.message?.text.contains("is in the future") == true)
        d.press(.ctrl("u"))
        d.type("2026-11-24 21:10")
        d.press(.enter)
        #expect(d.state.message?.text.contains("before the phone was lost") == true)
        #expect(d.state.choices.happenedAt == nil)
    }
}
