import Foundation
import Testing
@testable import LostphoneCore

/// What issues #16 and #26 ask of the built-in guide: locate by brand, the days after, the
/// out-of-date notes, sources the reader can read and trust, nothing that can hurt the person who
/// follows it, and "confirmed" only where an official page was read.
@Suite struct GuideContentTests {
    let playbook = PlaybookLoader.builtin()

    /// The providers' own domains: a contact may be `confirmed: true` only on the word of a page
    /// on one of these (or a subdomain). Carriers, the banks in the bank steps, Tencent (WeChat),
    /// Apple, Google, and Chinese government sites (gov.cn: the Ministry of Public Security, MIIT).
    static let officialDomains = [
        "10086.cn", "10010.com", "189.cn",                        // China Mobile, China Unicom, China Telecom
        "icbc.com.cn", "boc.cn", "bankcomm.com", "cmbchina.com",  // ICBC, Bank of China, BoCom, CMB
        "ccb.com",                                                // China Construction Bank
        "qq.com",                                                 // Tencent: WeChat, WeChat Pay
        "apple.com", "google.com",                                // Apple, Google
        "gov.cn",                                                 // government sites
    ]

    static func host(ofPage page: String) -> String {
        let rest = page.range(of: "://").map { String(page[$0.upperBound...]) } ?? page
        return rest.split(separator: "/").first.map(String.init) ?? ""
    }

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

    @Test func everyConfirmedContactNamesTheOfficialPageItWasReadOn() {
        let confirmed = allContacts.filter { $0.contact.confirmed || $0.contact.pressConfirmed }
        #expect(confirmed.count >= 8)
        for (step, c) in confirmed {
            let domain = c.source.domain ?? ""
            #expect(Self.isOfficial(domain), "step \(step): a confirmed contact's source `\(domain)` is not an official domain")
            let page = c.page ?? ""
            #expect(page.hasPrefix("http") && Self.isOfficial(Self.host(ofPage: page)),
                    "step \(step): a confirmed contact's page `\(page)` is not an official page")
        }
    }

    /// The numbers the December 2026 fact-check found no official page for are not called
    /// confirmed; China Construction Bank's, which an official page gives, is.
    @Test func numbersWithoutAnOfficialPageAreUnconfirmedAndCCBsIsConfirmed() {
        let uncited: Set<String> = ["10010", "10000", "95588", "95566", "40066-95566", "95559", "95555", "400-820-5555",
                                    "95017", "0755-83765566", "95599", "95188", "95118", "95516", "110", "96110"]
        var seen: Set<String> = []
        for (step, c) in allContacts {
            guard case .phone(let number) = c.kind else { continue }
            if uncited.contains(number) {
                seen.insert(number)
                #expect(!c.confirmed && !c.pressConfirmed, "step \(step): \(number) is marked confirmed without an official page")
            }
            if number == "95533" { #expect(c.confirmed && c.page?.contains("ccb.com") == true, "step \(step): CCB's 95533") }
        }
        #expect(seen == uncited, "missing: \(uncited.subtracting(seen))")
        let paths = allContacts.compactMap { item -> Contact? in
            if case .path(let p) = item.contact.kind, p[.zh].contains("帐号与安全") || p[.zh].contains("更多选项") { return item.contact }
            return nil
        }
        #expect(!paths.isEmpty && paths.allSatisfy { !$0.confirmed }, "the WeChat paths have no official page found")
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
            // The order mainland phones sell in, then Google (for phones with its services) and the rest.
            #expect(step.providers.map(\.id.rawValue) == ["huawei", "apple", "xiaomi", "oppo", "vivo", "honor", "samsung",
                                                          "google", "other-brand"],
                    "step \(step.id)")
        }
    }

    /// Each brand either has an address to find the phone at, or says that none could be
    /// sourced and gives the route through the phone's settings and the carrier instead.
    @Test func everyBrandHasAFindAddressOrSaysWhyNotAndGivesTheCarrierRoute() throws {
        let locate = try #require(playbook.step("apple"))
        for brand in locate.providers where brand.id != "other-brand" {
            let addresses = brand.contacts.filter {
                switch $0.kind {
                case .web: return true
                case .path(let p): return p[.en].contains(".com")
                case .phone: return false
                }
            }
            let text = brand.instructions.map { $0[.en] + $0[.zh] }.joined()
            if addresses.isEmpty {
                #expect(text.contains("found no reliable source") && text.contains("没有找到可靠来源"), "\(brand.id)")
                #expect(text.contains("carrier") && text.contains("运营商") && text.contains("Settings →"), "\(brand.id)")
            }
        }
        let google = try #require(locate.provider("google"))
        #expect(google.instructions.first?[.en].contains("Only for phones with Google services") == true)
    }

    @Test func theDaysAfterComeBetweenLocateAndTips() {
        let recovery = playbook.panes[2]
        #expect(recovery.id == "recovery")
        #expect(recovery.steps.map(\.id.rawValue) == ["new-sim", "debit-written", "scam-warning", "wechat-restore", "alipay-restore",
                                                      "insurance", "official-checks", "anti-fraud", "accounts-cleanup"])
    }

    /// Each address and number the new steps rest on, in both languages.
    @Test(arguments: Language.allCases)
    func guideHoldsTheNewAddressesAndNumbers(language: Language) {
        let text = Guide.render(playbook, language: language, width: 1000)
        for fact in ["icloud.com/find", "android.com/find", "cloud.huawei.com", "i.mi.com", "cloud.oppo.com",
                     "smartthingsfind.samsung.com", "samsungfind.samsung.com", "appleid.apple.com", "myaccount.google.com",
                     "support.apple.com/HT208491", "95516", "96110", "10699000", "一证通查", "一证通查 2.0",
                     "一键查卡", "国家反诈中心", "快速挂失", "遇到问题？"] {
            #expect(text.contains(fact), "the \(language.rawValue) guide lacks \(fact)")
        }
    }

    @Test func guideSaysWhatTheArticleGotWrongInBothLanguages() {
        let en = Guide.render(playbook, language: .en, width: 1000)
        for phrase in ["iOS 15", "Activation Lock stays on", "Find Devices", "Mark As Lost", "info button (ⓘ)",
                       "menus may have changed", "does not close the account", "is out of date", "Privacy & Security"] {
            #expect(en.contains(phrase), "the en guide lacks “\(phrase)”")
        }
        let zh = Guide.render(playbook, language: .zh, width: 1000)
        for phrase in ["iOS 15", "激活锁也仍然开启", "查找设备", "标记为丢失", "信息按钮（ⓘ）",
                       "菜单可能已有变化", "并不是注销账户", "已过时", "隐私与安全性"] {
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

    /// A text that sends the reader elsewhere names a tab that exists ("see the Afterwards tab"),
    /// or a step as the screen numbers it, tab and row ("see 1.8": the first tab's eighth row),
    /// and that step exists. The user test found "see 2.2 in the Afterwards tab" on the debit
    /// card step, where the Afterwards tab is the third and 2.2 is in Locate: it is 3.2 now.
    @Test func everyCrossReferenceNamesARealTabOrStep() throws {
        let numbered = try Regex(#"(?:见 ?|see )([0-9]+)\.([0-9]+)"#)
        let named = try Regex(#"见“([^”]+)”|see the (\w+) tab"#)
        var references = 0
        for step in playbook.allSteps {
            for text in Self.texts(of: step) {
                for l in [Language.zh, .en] {
                    for match in text[l].matches(of: numbered) {
                        references += 1
                        let tab = Int(match.output[1].substring ?? "") ?? 0, row = Int(match.output[2].substring ?? "") ?? 0
                        #expect(playbook.panes.indices.contains(tab - 1) && playbook.panes[tab - 1].steps.indices.contains(row - 1),
                                "\(step.id) (\(l)): \(match.output[0].substring ?? "") is no step")
                    }
                    for match in text[l].matches(of: named) {
                        references += 1
                        let tab = String(match.output[1].substring ?? match.output[2].substring ?? "")
                        #expect(playbook.panes.contains { $0.title[l] == tab }, "\(step.id) (\(l)): no tab \(tab)")
                    }
                }
            }
        }
        #expect(references >= 20)
        // The written report at a branch within five days is the Afterwards tab's second step.
        #expect(playbook.panes[2].title[.en] == "Afterwards" && playbook.panes[2].steps[1].id == "debit-written")
        #expect(text("debit-card", .en).contains("(see 3.2)") && text("debit-card", .zh).contains("（见 3.2）"))
    }

    // MARK: - Issue #26: nothing in the guide can hurt the person who follows it

    /// Every text of a step, with where it is: the step's own, its providers' and its contacts'.
    static func texts(of step: Step) -> [LocalizedText] {
        var t = [step.title] + [step.why, step.warning, step.requiresWhy, step.choiceName].compactMap { $0 } + step.instructions
        for p in step.providers {
            t += [p.name] + p.instructions + [p.note, p.warning].compactMap { $0 }
            t += p.contacts.flatMap(contactTexts)
        }
        return t + step.contacts.flatMap(contactTexts)
    }

    static func contactTexts(_ c: Contact) -> [LocalizedText] {
        var t = [c.label].compactMap { $0 }
        if case .path(let p) = c.kind { t.append(p) }
        if case .text(let s) = c.source { t.append(s) }
        return t
    }

    func text(_ id: StepID, _ l: Language) -> String {
        guard let step = playbook.step(id) else { return "" }
        return Self.texts(of: step).map { $0[l] }.joined(separator: "\n")
    }

    /// Removing the phone from the account lifts Activation Lock and ends tracking: the step
    /// waits for the police report and the insurance step, and says what it does.
    @Test func removingThePhoneFromTheAccountIsGuardedAndSaysWhatItUndoes() throws {
        let cleanup = try #require(playbook.step("accounts-cleanup"))
        #expect(Set(cleanup.requires) == ["insurance", "police"])
        #expect(playbook.unmetRequirements(of: "accounts-cleanup") { $0 == "insurance" }.map(\.id) == ["police"])
        for (l, lock, tracking) in [(Language.en, "Activation Lock", "ends tracking"), (.zh, "激活锁", "停止追踪")] {
            let why = cleanup.requiresWhy?[l] ?? ""
            let warning = cleanup.warning?[l] ?? ""
            #expect(why.contains(lock) && why.contains(tracking), "\(l): \(why)")
            #expect(warning.contains(lock) && warning.contains(tracking), "\(l): \(warning)")
        }
    }

    /// Debit and credit cards are separate steps of the bank group, and the bank step itself is
    /// what to do when only the phone is gone: freeze mobile banking and card payments.
    @Test func bankCardsAreSplitByKind() throws {
        let kinds: [StepID] = ["bank", "debit-card", "credit-card"]
        let steps = try kinds.map { try #require(playbook.step($0)) }
        #expect(steps.allSatisfy { $0.group == "bank" })
        #expect(Set(steps.map { $0.providers.map(\.id) }.map(Set.init)).count == 1, "every bank step lists the same banks")

        let bank = text("bank", .zh) + text("bank", .en)
        for phrase in ["手机银行", "快捷支付", "免密支付", "mobile banking", "cannot be undone"] {
            #expect(bank.contains(phrase), "the bank step lacks \(phrase)")
        }
        for (l, phrases) in [(Language.zh, ["《储蓄管理条例》第三十一条", "5 天内", "网点", "书面挂失", "临时"]),
                             (.en, ["article 31", "《储蓄管理条例》", "within 5 days", "written report", "branch", "temporary"])] {
            let debit = text("debit-card", l)
            for phrase in phrases { #expect(debit.contains(phrase), "\(l): the debit card step lacks \(phrase)") }
        }
        for (l, phrases) in [(Language.zh, ["正式挂失", "新卡号", "挂失费", "不能撤销", "不可撤销"]),
                             (.en, ["for good", "new number", "fee", "cannot be undone"])] {
            let credit = text("credit-card", l)
            for phrase in phrases { #expect(credit.contains(phrase), "\(l): the credit card step lacks \(phrase)") }
        }
        #expect(playbook.step("credit-card")?.warning != nil)
        // The written report is its own step in the days after, where a deadline can attach to it.
        let written = try #require(playbook.step("debit-written"))
        #expect(playbook.panes[2].steps.contains { $0.id == written.id })
        #expect(written.title[.zh].contains("5 天") && written.title[.en].contains("5 days"))
    }

    /// The article says: report to the police and, meanwhile, call the platform. Neither waits.
    @Test func theLendingStepFreezesAndReportsAtTheSameTime() throws {
        let lending = try #require(playbook.step("lending"))
        let first = try #require(lending.instructions.first)
        #expect(first[.zh].contains("同时") && first[.en].contains("at once"), "\(first)")
        for l in Language.allCases {
            let all = text("lending", l)
            #expect(!all.contains("首先") && !all.contains("First report") && !all.contains("Then contact"), "\(l)")
        }
    }

    /// Each warning where the person meets the danger.
    @Test func theWarningsAreWhereTheDangerIs() throws {
        // 96110: a genuine call shows the local area code; in the fraud step, the scam warning
        // and on the first screen (the urgent pane's police step).
        for id: StepID in ["anti-fraud", "scam-warning", "police"] {
            #expect(text(id, .zh).contains("属地区号+96110"), "\(id) zh")
            #expect(text(id, .en).contains("local area code followed by 96110"), "\(id) en")
        }
        // Never give a text-message code to anyone: in the urgent pane.
        let urgent = playbook.panes[0].steps.map { text($0.id, .zh) + text($0.id, .en) }.joined()
        #expect(urgent.contains("短信验证码不告诉任何人") && urgent.contains("Never read out or forward a text-message code"))
        // Find Devices needs no two-factor code: in Apple's locate step.
        let apple = try #require(playbook.step("apple")?.provider("apple"))
        let appleText = apple.instructions.map { $0[.zh] + $0[.en] }.joined()
        #expect(appleText.contains("不需要双重认证的验证码") && appleText.contains("does not ask for the two-factor verification code"))
        // Apple Pay cards can be removed, or suspended by the bank.
        let lost = try #require(playbook.step("apple-lost-mode")?.provider("apple"))
        #expect(lost.instructions.contains { $0[.en].contains("call the card's bank") && $0[.zh].contains("致电发卡银行") })
        // The ID card, often in the phone case: in the urgent pane.
        let id = try #require(playbook.panes[0].steps.first { $0.id == "id-card" })
        #expect(text(id.id, .zh).contains("临时身份证") && text(id.id, .zh).contains("挂失"))
        // AppleCare+ on the mainland does not cover loss or theft.
        #expect(text("insurance", .zh).contains("在中国大陆买的 AppleCare+ 只保意外损坏"))
        // WeChat's "help a friend freeze".
        #expect(text("wechat", .zh).contains("帮好友冻结微信"))
        // Prevention: Stolen Device Protection and WeChat Pay's security lock, after the article's ten.
        let added = playbook.panes[3].steps.dropFirst(10).map { text($0.id, .zh) + text($0.id, .en) }.joined()
        #expect(added.contains("失窃设备保护") && added.contains("Stolen Device Protection") && added.contains("iOS 17.3"))
        #expect(added.contains("安全锁") && added.contains("WeChat Pay"))
    }

    /// One word per thing, mainland punctuation, the group's own name, and "out of date" only
    /// where the text says what changed.
    @Test func theGuideKeepsItsTermList() {
        let wechatSteps: Set<StepID> = ["wechat", "wechat-restore"]
        for step in playbook.allSteps {
            let zh = Self.texts(of: step).map { $0[.zh] }
            let en = Self.texts(of: step).map { $0[.en] }
            for t in zh {
                #expect(!t.contains("「") && !t.contains("」"), "\(step.id): corner quotes in “\(t)”")
                #expect(!t.contains("\""), "\(step.id): straight quotes in “\(t)”")
                #expect(!t.contains("服务商"), "\(step.id): say bank, carrier, brand or e-mail, not 服务商: “\(t)”")
                #expect(!t.contains("帐户"), "\(step.id): 帐户 in “\(t)”")
                #expect(!t.contains("转 9"), "\(step.id): say 按 9: “\(t)”")
                if !wechatSteps.contains(step.id) { #expect(!t.contains("帐号"), "\(step.id): 帐号 outside WeChat: “\(t)”") }
                if t.contains("已过时") && !t.contains("可能已过时") {
                    #expect(t.contains("如今") || t.contains("只适用于"), "\(step.id): out of date without saying what changed: “\(t)”")
                }
                #expect(!t.hasPrefix("已过时：") && !t.hasPrefix("可能已过时："), "\(step.id): a label after the screen's own “注意：”")
            }
            if wechatSteps.contains(step.id) {
                // WeChat spells its menus 帐号; the guide writes them as the app does.
                #expect(zh.allSatisfy { !$0.contains("账号") }, "\(step.id): WeChat writes 帐号")
            }
            for t in en {
                for word in ["business hall", "cheat", "payment ability", "in time", "Days after", "Apple ID password", "Find device"] {
                    #expect(!t.contains(word), "\(step.id): “\(word)” in “\(t)”")
                }
                if t.contains("out of date") && !t.contains("may be out of date") {
                    #expect(t.contains("now") || t.contains("today") || t.contains("held only"), "\(step.id): “\(t)”")
                }
                #expect(!t.hasPrefix("Out of date:") && !t.hasPrefix("May be out of date:"), "\(step.id): a label after the screen's own “Warning:”")
            }
        }
        #expect(playbook.panes[2].title[.en] == "Afterwards")
    }
}
