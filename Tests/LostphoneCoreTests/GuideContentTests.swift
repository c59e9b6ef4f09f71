import Foundation
import Testing
@testable import LostphoneCore

/// What issue #16 asks of the built-in guide: locate by brand, the days after, the out-of-date
/// notes, and sources the reader can read and trust.
@Suite struct GuideContentTests {
    let playbook = PlaybookLoader.builtin()

    /// The providers' own domains: a contact may be `confirmed: true` only on the word of one of
    /// these (or a subdomain). Carriers, the banks in the bank step, Tencent (WeChat), Apple,
    /// and Chinese government sites (gov.cn: the Ministry of Public Security, MIIT).
    static let officialDomains = [
        "10086.cn", "10010.com", "189.cn",                        // China Mobile, China Unicom, China Telecom
        "icbc.com.cn", "boc.cn", "bankcomm.com", "cmbchina.com",  // ICBC, Bank of China, BoCom, CMB
        "qq.com",                                                 // Tencent: WeChat, WeChat Pay
        "apple.com",                                              // Apple
        "gov.cn",                                                 // government sites
    ]

    static func isOfficial(_ domain: String) -> Bool {
        let host = domain.lowercased().split(separator: "/").first.map(String.init) ?? ""
        return officialDomains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    var allContacts: [(step: StepID, contact: Contact)] {
        playbook.allSteps.flatMap { step in
            (step.contacts + step.providers.flatMap(\.contacts)).map { (step.id, $0) }
        }
    }

    @Test func everyContactNamesItsSource() {
        for (step, c) in allContacts {
            switch c.source {
            case .article: break
            case .domain(let d): #expect(!d.isEmpty, "a contact of \(step) has an empty domain")
            case .text(let t): #expect(!t[.zh].isEmpty && !t[.en].isEmpty, "a contact of \(step) has an empty source")
            }
        }
        #expect(allContacts.count > 40)
    }

    @Test func everyConfirmedContactNamesAnOfficialDomain() {
        for (step, c) in allContacts where c.confirmed || c.pressConfirmed {
            let domain = c.source.domain ?? ""
            #expect(Self.isOfficial(domain), "step \(step): a confirmed contact's source `\(domain)` is not an official domain")
        }
    }

    @Test func theOfficialDomainCheckRefusesLookalikes() {
        #expect(Self.isOfficial("support.apple.com"))
        #expect(Self.isOfficial("nx.10086.cn"))
        #expect(!Self.isOfficial("apple-axp.com"))
        #expect(!Self.isOfficial("winenfood.com"))
        #expect(!Self.isOfficial(""))
    }

    /// In the Chinese guide a source is Chinese words or a domain, never English words.
    @Test func theChineseGuideHasNoEnglishSourceWords() {
        let zh = Guide.render(playbook, language: .zh, width: 1000)
        let marker = Word.source.text(in: .zh) + "："
        var sources: [String] = []
        for part in zh.components(separatedBy: marker).dropFirst() {
            sources.append(String(part.prefix { $0 != "；" && $0 != "]" && $0 != "\n" }))
        }
        #expect(sources.count > 40)
        for source in sources {
            let domainLike = source.range(of: "^[a-z0-9.-]+\\.[a-z]{2,}(/\\S*)?$", options: .regularExpression) != nil
            let latinWords = source.range(of: "[A-Za-z]{2,}", options: .regularExpression) != nil
            #expect(domainLike || !latinWords, "English in a Chinese source: “\(source)”")
        }
    }

    @Test func everyActionsPaneNumbersItsStepsInScreenOrder() {
        for pane in playbook.panes where pane.kind == .actions {
            #expect(pane.steps.map { $0.priority ?? 0 } == Array(1...pane.steps.count), "pane \(pane.id)")
        }
    }

    @Test func theLocateStepsAreTheActionsWithTheBrandsAsProviders() {
        let locate = playbook.panes[1]
        #expect(locate.steps.map(\.id.rawValue) == ["apple", "apple-sound", "apple-lost-mode", "apple-erase"])
        for step in locate.steps {
            #expect(step.group == "brand")
            #expect(step.providers.map(\.id.rawValue) == ["apple", "google", "huawei", "xiaomi", "oppo", "samsung", "other-brand"],
                    "step \(step.id)")
        }
    }

    @Test func theDaysAfterComeBetweenLocateAndTips() {
        let recovery = playbook.panes[2]
        #expect(recovery.id == "recovery")
        #expect(recovery.steps.map(\.id.rawValue) == ["new-sim", "scam-warning", "wechat-restore", "alipay-restore",
                                                      "insurance", "official-checks", "anti-fraud", "accounts-cleanup"])
    }

    /// Each address and number the new steps rest on, in both languages.
    @Test(arguments: Language.allCases)
    func guideHoldsTheNewAddressesAndNumbers(language: Language) {
        let text = Guide.render(playbook, language: language, width: 1000)
        for fact in ["icloud.com/find", "android.com/find", "cloud.huawei.com", "i.mi.com", "cloud.oppo.com",
                     "smartthingsfind.samsung.com", "appleid.apple.com", "myaccount.google.com",
                     "support.apple.com/HT208491", "95516", "96110", "10699000", "一证通查", "一证通查 2.0",
                     "一键查卡", "国家反诈中心", "快速挂失", "遇到问题？"] {
            #expect(text.contains(fact), "the \(language.rawValue) guide lacks \(fact)")
        }
    }

    @Test func guideSaysWhatTheArticleGotWrongInBothLanguages() {
        let en = Guide.render(playbook, language: .en, width: 1000)
        for phrase in ["iOS 15", "Activation Lock stays on", "Find Devices", "Mark As Lost", "info button (ⓘ)",
                       "voice menus may have changed", "does not close the account", "Out of date"] {
            #expect(en.contains(phrase), "the en guide lacks “\(phrase)”")
        }
        let zh = Guide.render(playbook, language: .zh, width: 1000)
        for phrase in ["iOS 15", "激活锁也仍然开启", "查找设备", "标记为丢失", "信息按钮（ⓘ）",
                       "语音菜单可能已有变化", "并不是注销账户", "已过时"] {
            #expect(zh.contains(phrase), "the zh guide lacks “\(phrase)”")
        }
    }

    @Test func eraseIsEarlyUntilThePoliceReportAndTheInsuranceDecisionAreSettled() {
        var settled: Set<StepID> = []
        #expect(playbook.unmetRequirements(of: "apple-erase") { settled.contains($0) }.map(\.id) == ["police", "insurance"])
        settled.insert("police")
        #expect(playbook.unmetRequirements(of: "apple-erase") { settled.contains($0) }.map(\.id) == ["insurance"])
        settled.insert("insurance")
        #expect(playbook.unmetRequirements(of: "apple-erase") { settled.contains($0) }.isEmpty)
        #expect(playbook.unmetRequirements(of: "sim") { _ in false }.isEmpty, "a step without requires is never early")
    }

    @Test(arguments: Language.allCases)
    func guideNamesTheStepsToDoBeforeErasing(language: Language) {
        let text = Guide.render(playbook, language: language, width: 1000)
        let police = playbook.step("police")!.title[language]
        #expect(text.contains(Words(language).label(.doFirst) + "1.6 " + police), "\(language)")
    }
}
