import Foundation
import Testing
@testable import LostphoneCore

/// The wallet card's model: only the person's providers, their numbers with the option to press,
/// the brand's find-my address, and the first steps by priority.
@Suite struct WalletCardTests {
    let playbook = PlaybookLoader.builtin()

    func profile(_ choices: [String: [String]], device: DeviceDetails = DeviceDetails()) -> Profile {
        Profile(choices: choices, device: device)
    }

    @Test func theHotlinesAreTheTickedProvidersOnlyWithTheirVoiceMenuOptions() {
        let card = WalletCard(profile: profile(["bank": ["icbc"], "carrier": ["china-mobile"], "app": ["wechat"]]),
                              playbook: playbook, language: .en)
        let own = card.hotlines.filter { !$0.isForEveryone }
        #expect(own.map(\.number) == ["10086", "95588", "95017", "0755-83765566"],
                "the carrier, the bank, then WeChat's two numbers, in the guide's order: \(card.hotlines.map(\.number))")
        #expect(own.map(\.name) == ["China Mobile", "ICBC", "WeChat", "WeChat"])
        #expect(own[2].press == "9" && own[2].label == "WeChat Pay: freeze payments")
        #expect(own[0].uri == "tel:10086")
        #expect(own[3].uri == "tel:075583765566", "a QR code dials the digits")
    }

    @Test func aCarriersNumberComesOnceFromTheSIMStepNotAgainFromTheNewSIM() {
        let card = WalletCard(profile: profile(["carrier": ["china-unicom", "china-telecom"]]), playbook: playbook, language: .zh)
        #expect(card.hotlines.map(\.number) == ["110", "10010", "10000"])
        #expect(card.hotlines.map(\.name) == ["报警", "中国联通", "中国电信"])
    }

    @Test func aBankWithTwoNumbersGivesBothAndOneWithoutANumberGivesNone() {
        let card = WalletCard(profile: profile(["bank": ["boc", "other-bank"]]), playbook: playbook, language: .en)
        #expect(card.hotlines.map(\.number) == ["110", "95566", "40066-95566"])
        #expect(card.hotlines.map(\.label) == [nil, "Customer service", "Credit cards"], "the police are named once")
    }

    @Test func unconfirmedNumbersAndOptionsAreMarkedSoAsInTheGuide() {
        let card = WalletCard(profile: profile(["bank": ["icbc", "ccb"], "app": ["wechat", "alipay"]]), playbook: playbook, language: .en)
        let byNumber = Dictionary(uniqueKeysWithValues: card.hotlines.map { ($0.number, $0) })
        #expect(byNumber["95588"]?.isFullyConfirmed == false, "ICBC's number comes from third-party guides")
        #expect(byNumber["95533"]?.isFullyConfirmed == true, "CCB's number is on CCB's own page")
        #expect(byNumber["95017"]?.numberConfirmed == false && byNumber["95017"]?.pressConfirmed == false,
                "no official page gives WeChat Pay's number or its “press 9”")
        #expect(byNumber["95188"]?.numberConfirmed == false)
    }

    @Test func theFindMyAddressIsTheBrandsOwnFromTheLocateStep() {
        let card = WalletCard(profile: profile(["brand": ["apple", "huawei"]]), playbook: playbook, language: .en)
        #expect(card.findMy.map(\.name) == ["Huawei", "Apple"], "in the guide's order")
        #expect(card.findMy[1].address == "icloud.com/find" && card.findMy[1].isWeb && card.findMy[1].confirmed)
        #expect(card.findMy[0].address == "cloud.huawei.com → 查找设备 (Find Device)" && !card.findMy[0].isWeb,
                "Huawei has a menu path, not an address")
        #expect(card.hotlines.allSatisfy { $0.isForEveryone }, "a brand has no hotline (only the police's is there)")
    }

    @Test func thePhoneItsOwnerInsuranceAndEmergencyContactAreCarried() {
        var p = profile([:], device: DeviceDetails(model: "iPhone 15", imei: "490154203237518", number: "13800138000", owner: "张三"))
        p.insurer = "人保财险"; p.policy = "PDAA2026-1"; p.emergencyContact = "李四 13900139000"
        p.updated = Timestamp(parsing: "2026-12-03T10:00:00.000+08:00")
        let card = WalletCard(profile: p, playbook: playbook, language: .zh)
        #expect(card.device.imei == "490154203237518" && card.device.number == "13800138000")
        #expect(card.insurer == "人保财险" && card.policy == "PDAA2026-1" && card.emergencyContact == "李四 13900139000")
        #expect(card.asOf == p.updated)
    }

    @Test func theFirstFiveAreTheUrgentStepsByPriority() {
        let card = WalletCard(profile: profile([:]), playbook: playbook, language: .en)
        #expect(card.firstSteps.map(\.id) == ["sim", "bank", "wechat", "alipay", "lending"])
    }

    @Test func thePoliceAreOnEveryCardFirst() {
        for choices in [[:], ["bank": ["icbc"]], ["brand": ["apple"]]] as [[String: [String]]] {
            let card = WalletCard(profile: profile(choices), playbook: playbook, language: .en)
            #expect(card.hotlines.first?.number == "110" && card.hotlines.first?.name == "Police" && card.hotlines.first?.isForEveryone == true,
                    "\(choices): \(card.hotlines.map(\.number))")
            #expect(card.hotlines.filter { $0.number == "110" }.count == 1)
        }
    }

    @Test func aStepOfProvidersTheProfileNamesNoneOfIsNotAmongTheFirstFive() {
        let card = WalletCard(profile: profile(["carrier": ["china-mobile"], "bank": ["icbc"]]), playbook: playbook, language: .en)
        #expect(!card.firstSteps.map(\.id).contains("lending"), "no platform is the person's: \(card.firstSteps.map(\.id))")
        #expect(card.firstSteps.map(\.id) == ["sim", "bank", "wechat", "alipay", "police"])
        let lender = WalletCard(profile: profile(["carrier": ["china-mobile"], "platform": ["jd-finance"]]), playbook: playbook, language: .en)
        #expect(lender.firstSteps.map(\.id).contains("lending"))
    }

    @Test func anAppTheProfileRulesOutIsNotAmongTheFirstFive() {
        let card = WalletCard(profile: profile(["app": ["alipay"]]), playbook: playbook, language: .en)
        #expect(card.firstSteps.map(\.id) == ["sim", "bank", "alipay", "lending", "police"],
                "WeChat is not the person's: the police come fifth")
    }
}
