import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// A new incident started from the person's profile, on the screen: their providers first, the
/// rest "not yours"; the IMEI's check digit in `i`; tips kept in the profile.
@Suite struct PreparedIncidentTests {
    static func profile() -> Profile {
        var p = Profile()
        p.set("bank", "cmb", ticked: true)
        p.set("bank", "icbc", ticked: true)
        p.set("brand", "huawei", ticked: true)
        return p
    }

    func select(_ step: StepID, in d: TestApp) {
        // `1` is the urgent pane; walk down to the step.
        d.press(.char("1"), .char("g"))
        while d.state.selectedStep?.id != step { d.press(.char("j")) }
    }

    @Test func theProfilesBanksComeFirstAndTheOthersAreNotYours() {
        let d = TestApp(width: 100, height: 30, profile: Self.profile())
        select("bank", in: d)
        #expect(d.state.provider(for: d.state.selectedStep!)?.id == "icbc", "the profile's first bank in the guide's order")
        #expect(d.state.providerOrder(d.state.selectedStep!).prefix(2).map(\.id) == ["icbc", "cmb"])
        #expect(d.screen.contains("Provider: ◀ ICBC"), "\(d.screen)")
        #expect(d.screen.contains("(1/7)"))
        d.press(.right)
        #expect(d.screen.contains("◀ China Merchants Bank ▶ (2/7)"))
        d.press(.right)
        #expect(d.screen.contains("◀ Bank of China ▶ (3/7)  (not yours) m"), "\(d.screen)")
        // Picked with the arrows, it is chosen: recording makes it theirs, listed with theirs.
        d.press(.char("d"))
        #expect(d.record("bank").provider("boc").state == .done)
        #expect(d.state.providerOrder(d.state.selectedStep!).prefix(3).map(\.id) == ["icbc", "boc", "cmb"])
    }

    @Test func theBrandIsPreselectedInEveryLocateStep() {
        let d = TestApp(width: 100, height: 30, profile: Self.profile())
        d.press(.char("2"))
        for _ in 0..<4 {
            #expect(d.state.provider(for: d.state.selectedStep!)?.id == "huawei")
            d.press(.char("j"))
        }
    }

    @Test func aMistypedIMEIIsRefusedWithItsReasonAndWhereToFindIt() {
        let d = TestApp(width: 100, height: 30)
        d.press(.char("i"))
        for _ in 0..<4 { d.press(.tab) }
        d.type("490154203237519")
        d.press(.enter)
        #expect(d.state.incident.events.count == 1, "not recorded")
        #expect(d.screen.contains("check digit"), "\(d.screen)")
        #expect(d.screen.contains("*#06#"))
        d.press(.backspace)
        d.type("8")
        d.press(.enter)
        #expect(d.state.incident.device.imei == "490154203237518")
    }

    @Test func theInsuranceFromTheProfileIsInTheDetailsFormAndKeptWhenItIsSaved() {
        var p = Profile(device: DeviceDetails(owner: "张三"), insurer: "人保财险", policy: "PDAA2026-1")
        p.set("bank", "icbc", ticked: true)
        let d = TestApp(width: 100, height: 30, profile: p)
        d.press(.char("i"))
        #expect(d.screen.contains("Insurer") && d.screen.contains("人保财险") && d.screen.contains("PDAA2026-1"), "\(d.screen)")
        d.type("20:30")
        d.press(.enter)
        #expect(d.state.incident.lostAt != nil)
        #expect(d.state.incident.device.insurer == "人保财险" && d.state.incident.device.policy == "PDAA2026-1")
        #expect(d.eventsOnDisk().last?.policy == "PDAA2026-1")
    }

    @Test func aTipDoneInTheIncidentIsKeptInTheProfileAndReopeningClearsIt() {
        let d = TestApp(width: 100, height: 30)
        d.press(.char("4"), .char("g"))
        d.press(.char("d"))
        #expect(d.record("tip-1").state == .done)
        #expect(d.calls.keptTips.map(\.step) == ["tip-1"])
        #expect(d.calls.keptTips.last?.doneAt == t0)
        d.press(.char("u"))
        #expect(d.calls.keptTips.count == 2)
        #expect(d.calls.keptTips.last?.doneAt == nil)
    }

    @Test func preparedTipsAreNotWrittenBackToTheProfile() {
        var p = Profile()
        p.tips["tip-2"] = at(-86_400)
        let d = TestApp(width: 100, height: 30, profile: p)
        #expect(d.record("tip-2").state == .done)
        d.press(.char("4"))
        #expect(d.calls.keptTips.isEmpty)
    }
}
