import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// A step that requires others (erase: the police report and the insurance decision) asks
/// before it is started or done early, and records nothing without `y`.
@Suite struct EarlyRecordingTests {
    /// The locate pane with Erase, its last step, selected.
    func onErase(width: Int = 80, height: Int = 24, language: Language = .en) -> TestApp {
        let d = TestApp(width: width, height: height, language: language)
        // → ←: the brand shown is chosen, so the only question left is the early one.
        d.press(.char("2"), .char("G"), .right, .left)
        #expect(d.state.selectedStep?.id == "apple-erase")
        return d
    }

    @Test func doneOnEraseBeforeThePoliceReportAsksAndRecordsNothing() {
        let d = onErase()
        d.press(.char("d"))
        guard case .confirmEarly(let early) = d.state.mode else {
            Issue.record("no confirmation: \(d.state.mode)")
            return
        }
        #expect(early.unmet == ["police", "insurance"])
        #expect(d.state.incident.events.count == 1, "only the incident's opening")
        #expect(d.screen.contains("Record this step now?") && d.screen.contains("Report to the police"))
        #expect(d.screen.contains("y records it anyway"))
    }

    @Test func startingEraseEarlyAsksToo() {
        let d = onErase()
        d.press(.char("s"))
        guard case .confirmEarly(let early) = d.state.mode else {
            Issue.record("no confirmation: \(d.state.mode)")
            return
        }
        #expect(early.target == .inProgress)
    }

    @Test func yesRecordsTheStepAsAskedWithTheShownProvider() {
        let d = onErase()
        d.press(.right, .char("d"), .char("y"))
        let rec = d.record("apple-erase")
        #expect(rec.state == .done)
        #expect(rec.lastProvider == "apple" && rec.provider("apple").state == .done)
        #expect(d.state.mode == .normal)
    }

    @Test func anyOtherKeyCancelsAndSaysNothingWasRecorded() {
        let d = onErase()
        d.press(.char("d"), .char("n"))
        #expect(d.state.mode == .normal)
        #expect(d.record("apple-erase").state == .pending)
        #expect(d.state.incident.events.count == 1)
        #expect(d.state.message?.text.contains("was not recorded") == true)
        d.press(.char("d"), .escape)
        #expect(d.record("apple-erase").state == .pending)
    }

    @Test func eraseRecordsWithoutAskingOnceThePoliceAndTheInsuranceAreSettled() {
        let d = onErase()
        d.press(.char("1"), .char("G"), .char("k"), .char("k"), .char("k"), .char("k"), .char("d"))      // police: done
        d.press(.char("3"), .char("g"))
        for _ in 0..<5 { d.press(.char("j")) }
        #expect(d.state.selectedStep?.id == "insurance")
        d.press(.char("x"))                                         // insurance: skipped (no claim)
        d.press(.char("2"), .char("G"), .char("d"))
        #expect(d.state.mode == .normal)
        #expect(d.record("apple-erase").state == .done)
    }

    @Test func skippingEraseDoesNotAsk() {
        let d = onErase()
        d.press(.char("x"))
        #expect(d.state.mode == .normal)
        #expect(d.record("apple-erase").state == .skipped)
    }

    @Test(arguments: [(80, 24), (140, 45)])
    func theConfirmationSaysWhy(width: Int, height: Int) {
        let d = onErase(width: width, height: height, language: .zh)
        d.press(.char("d"))
        assertSnapshot(d.screen, named: "erase-early-zh-\(width)x\(height)")
    }

    @Test func theConfirmationKeepsItsKeysInSightOnSmallScreens() {
        for (w, h) in [(40, 10), (57, 20)] {
            for lang in Language.allCases {
                let d = onErase(width: w, height: h, language: lang)
                d.press(.char("d"))
                let canvas = d.terminal.frames.last!
                for line in canvas.lines { #expect(TextWidth.of(line) == w, "\(w)x\(h) \(lang)") }
                let keys = Words(lang)[.confirmEarlyKeys]
                #expect(d.screen.contains(String(keys.prefix(8))), "\(w)x\(h) \(lang): the keys are not shown")
            }
        }
    }
}
