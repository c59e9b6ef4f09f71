import Foundation
import Testing
@testable import LostphoneCore

/// Every fact of the article, as the guide must print it in both languages.
let articleFacts: [String] = [
    "10086", "10010", "10000",                                     // carriers
    "95017", "weixin110.qq.com", "0755-83765566",                  // WeChat
    "95188", "110.alipay.com/safety/emergency/index.htm",          // Alipay
    "95118",                                                       // JD Finance
    "www.icloud.com",                                              // Apple
]

@Suite struct PlaybookTests {
    let playbook = PlaybookLoader.builtin()

    @Test func builtinPlaybookLoadsWithoutProblems() throws {
        let result = PlaybookLoader.load(yaml: BuiltinResources.playbookYAML, file: "cn-mainland.yaml")
        if case .failure(let e) = result { Issue.record("\(e)") }
        #expect(playbook.id == "cn-mainland")
        #expect(playbook.panes.map(\.id.rawValue) == ["urgent", "locate", "recovery", "tips"])
    }

    @Test func urgentStepsFollowTheArticlesOrderThenTheAccounts() {
        #expect(playbook.panes[0].steps.map(\.id.rawValue) == ["sim", "bank", "wechat", "alipay", "lending", "police",
                                                                "debit-card", "credit-card", "id-card", "accounts"])
    }

    /// The article's ten tips stay the first ten, as tip-1 to tip-10; what the guide adds comes
    /// after them, and its title says it is not the article's.
    @Test func theArticlesTenTipsComeFirstAndEveryAddedTipSaysSo() {
        let tips = playbook.panes[3]
        #expect(tips.kind == .tips)
        #expect(tips.steps.prefix(10).map(\.id.rawValue) == (1...10).map { "tip-\($0)" })
        #expect(tips.steps.count > 10)
        for tip in tips.steps.dropFirst(10) {
            #expect(tip.title[.zh].hasPrefix("原文之外：") && tip.title[.en].hasPrefix("Beyond the article: "), "\(tip.id)")
        }
        for tip in tips.steps.prefix(10) {
            #expect(!tip.title[.zh].contains("原文之外") && !tip.title[.en].contains("Beyond the article"), "\(tip.id)")
        }
    }

    @Test(arguments: [Language.zh, .en])
    func guideHoldsEveryNumberAndAddressOfTheArticle(language: Language) {
        let text = Guide.render(playbook, language: language, width: 80)
        for fact in articleFacts {
            #expect(text.contains(fact), "the \(language.rawValue) guide lacks \(fact)")
        }
        // "then press 9" for WeChat Pay and the Tencent line.
        let press = Word.thenPress.text(in: language) + " 9"
        #expect(text.components(separatedBy: press).count - 1 >= 2, "both IVR options (press 9) must be shown")
    }

    @Test func guideHoldsEveryMenuPathInBothLanguages() {
        let zh = Guide.render(playbook, language: .zh, width: 200)
        for path in ["我 → 设置 → 帐号与安全 → 微信安全中心 → 冻结帐号", "设置 → 隐私 → 定位服务", "设置 → 安全 → 查找手机",
                     "查找我的 iPhone", "播放声音", "丢失模式", "抹掉 iPhone"] {
            #expect(zh.contains(path), "zh guide lacks \(path)")
        }
        let en = Guide.render(playbook, language: .en, width: 200)
        for path in ["Me → Settings → Account Security → WeChat Security Center → Freeze Account",
                     "Settings → Privacy → Location Services", "Settings → Security → Find my phone",
                     "Find My iPhone", "Play Sound", "Lost Mode", "Erase iPhone"] {
            #expect(en.contains(path), "en guide lacks \(path)")
        }
    }

    /// One telling phrase of each of the ten tips, per language.
    @Test func guideHoldsAllTenTipsInBothLanguages() {
        let zh = Guide.render(playbook, language: .zh, width: 400)
        for phrase in ["超过 6 位", "SIM 卡设置密码", "身份证、驾驶证、护照、社保卡、银行卡", "备份到云端", "正规应用商店",
                       "安全锁", "少绑定银行卡", "金融服务", "个人信息", "向公安机关报案"] {
            #expect(zh.contains(phrase), "zh guide lacks tip phrase \(phrase)")
        }
        let en = Guide.render(playbook, language: .en, width: 400)
        for phrase in ["6", "SIM card", "ID card", "cloud", "official", "lock", "bank cards", "financial services",
                       "personal information", "police"] {
            #expect(en.contains(phrase), "en guide lacks tip phrase \(phrase)")
        }
    }

    @Test func eraseCarriesTheArticlesWarningAndComesLast() throws {
        let locate = playbook.panes[1]
        let erase = try #require(locate.steps.last)
        #expect(erase.id == "apple-erase")
        #expect(erase.warning != nil)
    }

    @Test func eraseRequiresThePoliceReportAndTheInsuranceDecisionAndSaysWhy() throws {
        let erase = try #require(playbook.step("apple-erase"))
        #expect(erase.requires == ["police", "insurance"])
        let why = try #require(erase.requiresWhy)
        #expect(why[.en].contains("AppleCare+") && why[.zh].contains("AppleCare+"))
    }

    @Test(arguments: [Language.zh, .en])
    func guideLinesFitTheWidth(language: Language) {
        for line in Guide.render(playbook, language: language, width: 60).split(separator: "\n") {
            #expect(TextWidth.of(line) <= 60, "too wide: \(line)")
        }
    }

    @Test func secondExamplePlaybookLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/example-playbook.yaml")
        let result = PlaybookLoader.load(contentsOf: url.path)
        let p = try result.get()
        #expect(p.id == "example")
        #expect(p.allSteps.contains { $0.providers.count == 2 })
    }
}

@Suite struct PlaybookValidationTests {
    func problems(_ yaml: String) -> [String] {
        switch PlaybookLoader.load(yaml: yaml, file: "t.yaml") {
        case .success: return []
        case .failure(let e): return e.problems.map(\.description)
        }
    }

    let valid = """
    id: t
    version: 1
    languages: [zh, en]
    title: {zh: 标题, en: Title}
    source: {publisher: {zh: 某处, en: Somewhere}}
    panes:
      - id: urgent
        title: {zh: 紧急, en: Urgent}
        steps:
          - id: sim
            title: {zh: 卡, en: SIM}
            priority: 1
            contacts:
              - phone: "10086"
                press: "9"
    """

    @Test func aValidPlaybookHasNoProblems() {
        #expect(problems(valid) == [])
    }

    @Test func everyProblemIsReportedAtOnceWithItsPosition() {
        let broken = valid
            .replacingOccurrences(of: "title: {zh: 卡, en: SIM}", with: "title: {zh: 卡}\n        colour: red")
            .replacingOccurrences(of: "phone: \"10086\"", with: "phone: \"1008six\"")
        let found = problems(broken)
        #expect(found.count == 3, "\(found)")
        #expect(found.contains { $0.hasPrefix("t.yaml:11:") && $0.contains("the en text is missing") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("t.yaml:12:9:") && $0.contains("unknown key `colour`") }, "\(found)")
        #expect(found.contains { $0.contains("not a phone number") }, "\(found)")
    }

    @Test func duplicateStepIdsAreRefused() {
        let yaml = valid + "\n      - id: sim\n        title: {zh: 二, en: Two}\n        priority: 2\n"
        #expect(problems(yaml).contains { $0.contains("step id `sim` is already used on line 10") })
    }

    @Test func malformedWebAddressAndPressAreRefused() {
        let yaml = valid.replacingOccurrences(of: "phone: \"10086\"\n            press: \"9\"", with: "web: \"not a url\"\n          - phone: \"110\"\n            press: \"nine\"")
        let found = problems(yaml)
        #expect(found.contains { $0.contains("not a web address") }, "\(found)")
        #expect(found.contains { $0.contains("press:") }, "\(found)")
    }

    @Test func controlCharactersInTextAreRefused() {
        let yaml = valid.replacingOccurrences(of: "en: SIM", with: "en: \"SIM\\e[31m\"")
        #expect(problems(yaml).contains { $0.contains("control character (U+001B)") })
    }

    @Test func brokenYAMLNamesItsLine() {
        let found = problems("id: t\npanes: [\n  - {")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:") == true)
    }

    @Test func aBillionLaughsFileEndsInAProblemQuickly() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for n in 1...9 { yaml += "a\(n): &a\(n) [" + Array(repeating: "*a\(n - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "id: t\nversion: 1\nlanguages: [zh, en]\ntitle: {zh: 标题, en: T}\nsource: {publisher: {zh: a, en: b}}\npanes: *a9\n"
        let found = problems(yaml)
        #expect(!found.isEmpty)
        #expect(found.count < 100, "one problem per node actually read, not per expanded node")
    }

    @Test func anOversizedFileIsRefusedBeforeParsing() {
        let big = valid + "\n#" + String(repeating: "x", count: PlaybookLoader.maxBytes)
        #expect(problems(big).first?.contains("more than") == true)
    }

    /// A small file that reuses one anchored provider 2,000 times, each holding one anchored
    /// contact 2,000 times: four million values once expanded. Refused before any walk, with
    /// the place where the budget ran out.
    @Test func anAliasBombIsRefusedWithALineAndColumn() {
        var yaml = """
        id: bomb
        version: 1
        languages: [en, zh]
        title: {en: "t", zh: "t"}
        source:
          publisher: {en: "p", zh: "p"}
        panes:
          - id: now
            kind: actions
            title: {en: "Now", zh: "现在"}
            steps:
              - id: s
                title: {en: "S", zh: "S"}
                providers:
                  - &p
                    id: a
                    name: {en: "A", zh: "A"}
                    contacts:
                      - &c {web: "https://example.org/x", source: example.org}

        """
        yaml += String(repeating: "              - *c\n", count: 1999)
        yaml += String(repeating: "          - *p\n", count: 1999)
        #expect(yaml.utf8.count < 80_000)
        guard case .failure(let errors) = PlaybookLoader.load(yaml: yaml, file: "bomb.yaml") else {
            Issue.record("the bomb loaded")
            return
        }
        #expect(errors.problems.count == 1)
        let problem = errors.problems[0]
        #expect(problem.line > 0 && problem.column > 0, "\(problem)")
        #expect(problem.message.contains("aliases") && problem.message.contains("1000000"), "\(problem)")
    }

    @Test func theBudgetWalkCountsEveryValueAndStopsAtTheBudget() throws {
        let list = try #require(YAMLReader.compose("[a, b, c, d, e]", file: "t", maxBytes: 100).0)
        #expect(YAMLReader.nodeWhereBudgetRunsOut(list, budget: 6) == nil, "the list and its five values")
        #expect(YAMLReader.nodeWhereBudgetRunsOut(list, budget: 5)?.string == "e")
    }
}

/// `group`, `requires` and bilingual `source`, as `lostphone check` validates them.
@Suite struct PlaybookCrossStepValidationTests {
    func problems(_ yaml: String) -> [String] {
        switch PlaybookLoader.load(yaml: yaml, file: "t.yaml") {
        case .success: return []
        case .failure(let e): return e.problems.map(\.description)
        }
    }

    /// Two steps of one pane, `a` and `b`; `extraA` and `extraB` go under each step.
    func twoSteps(a extraA: String = "", b extraB: String = "") -> String {
        """
        id: t
        version: 1
        languages: [zh, en]
        title: {zh: 标题, en: Title}
        source: {publisher: {zh: 某处, en: Somewhere}}
        panes:
          - id: p
            title: {zh: 面板, en: Pane}
            steps:
              - id: a
                title: {zh: 甲, en: A}
                priority: 1
        \(extraA)
              - id: b
                title: {zh: 乙, en: B}
                priority: 2
        \(extraB)
        """
    }

    let why = "        requires-why: {zh: 先做, en: First}"

    func providers(_ ids: String...) -> String {
        "        providers:\n" + ids.map { "          - {id: \($0), name: {zh: \($0), en: \($0)}}" }.joined(separator: "\n")
    }

    @Test func requiringAKnownStepWithAWarningIsValid() throws {
        let yaml = twoSteps(b: "        requires: [a]\n" + why)
        #expect(problems(yaml) == [])
        let playbook = try PlaybookLoader.load(yaml: yaml, file: "t.yaml").get()
        #expect(playbook.step("b")?.requires == ["a"])
        #expect(playbook.step("b")?.requiresWhy?[.en] == "First")
    }

    @Test func anUnknownRequiredStepIsAnErrorAtItsId() {
        let found = problems(twoSteps(b: "        requires: [a, nosuch]\n" + why))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("t.yaml:17:23:") == true && found.first?.contains("no step `nosuch`") == true, "\(found)")
    }

    @Test func stepsThatRequireEachOtherAreAnErrorWithTheCircle() {
        let found = problems(twoSteps(a: "        requires: [b]\n" + why, b: "        requires: [a]\n" + why))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("t.yaml:13:19:") == true, "\(found)")
        #expect(found.first?.contains("a → b → a") == true, "\(found)")
    }

    @Test func aStepRequiringItselfIsACircle() {
        let found = problems(twoSteps(a: "        requires: [a]\n" + why))
        #expect(found.contains { $0.contains("circle") && $0.contains("a → a") }, "\(found)")
    }

    @Test func requiresWithoutAWarningIsAnError() {
        let found = problems(twoSteps(b: "        requires: [a]"))
        #expect(found.contains { $0.hasPrefix("t.yaml:17:") && $0.contains("add requires-why") }, "\(found)")
    }

    @Test func stepsOfAGroupWithTheSameProvidersAreValid() {
        let yaml = twoSteps(a: "        group: brand\n" + providers("apple", "other"),
                            b: "        group: brand\n" + providers("other", "apple"))
        #expect(problems(yaml) == [])
    }

    @Test func aGroupWhoseProviderIdsDisagreeIsAnErrorAtTheSecondStepsGroup() {
        let yaml = twoSteps(a: "        group: brand\n" + providers("apple", "other"),
                            b: "        group: brand\n" + providers("apple", "huawei"))
        let found = problems(yaml)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("t.yaml:20:16:") == true, "\(found)")
        #expect(found.first?.contains("lacks other and adds huawei") == true, "\(found)")
    }

    @Test func aSourceInOneLanguageOnlyIsRefused() {
        let found = problems(twoSteps(a: "        contacts:\n          - {phone: \"110\", source: third-party guides}"))
        #expect(found.contains { $0.contains("neither `article` nor a domain") }, "\(found)")
    }

    @Test func aSourceIsTheArticleADomainOrAText() throws {
        let yaml = twoSteps(a: """
                    contacts:
                      - {phone: "110"}
                      - {phone: "111", source: mps.gov.cn, confirmed: true, page: "https://www.mps.gov.cn/n2254314/"}
                      - {phone: "112", source: {zh: 第三方指南, en: third-party guides}}
            """)
        let contacts = try PlaybookLoader.load(yaml: yaml, file: "t.yaml").get().step("a")?.contacts ?? []
        #expect(contacts.map(\.source) == [.article, .domain("mps.gov.cn"),
                                           .text(LocalizedText(zh: "第三方指南", en: "third-party guides"))])
    }

    @Test func theNumberAndItsVoiceMenuOptionAreConfirmedSeparately() throws {
        let yaml = twoSteps(a: "        contacts:\n          - {phone: \"95017\", press: \"9\", source: qq.com, confirmed: true, page: \"https://kf.qq.com/faq/1\"}")
        let contact = try #require(try PlaybookLoader.load(yaml: yaml, file: "t.yaml").get().step("a")?.contacts.first)
        #expect(!contact.isFullyConfirmed)
        let en = Guide.sourceNote(contact, .en)
        #expect(en.contains("number confirmed") && en.contains("“press 9” unconfirmed"), "\(en)")
        let zh = Guide.sourceNote(contact, .zh)
        #expect(zh.contains("号码已核实") && zh.contains("“按 9”未核实"), "\(zh)")
    }

    /// "Confirmed" means an official page was read: a confirmed contact names that page, or the
    /// file is refused at the confirmation, with its place, like every other problem.
    @Test func aConfirmedContactWithoutItsPageIsRefusedAtItsPlace() {
        let yaml = twoSteps(a: """
                    contacts:
                      - {phone: "110", source: mps.gov.cn, confirmed: true}
                      - {phone: "95017", press: "9", source: qq.com, press-confirmed: true}
                      - {phone: "111", source: mps.gov.cn, confirmed: false}
            """)
        let found = problems(yaml)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.hasPrefix("t.yaml:14:59:") && $0.contains("confirmed: true needs page") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("t.yaml:15:75:") && $0.contains("press-confirmed: true needs page") }, "\(found)")
    }

    @Test func aPageIsAWholeAddressAndReadAtNamesTheCopyOfOne() throws {
        let yaml = twoSteps(a: """
                    contacts:
                      - {phone: "110", confirmed: true, page: "https://example.gov.cn/110", read-at: "https://copy.example/https://example.gov.cn/110"}
                      - {phone: "111", confirmed: true, page: "example.gov.cn/110"}
                      - {phone: "112", read-at: "https://copy.example/110"}
            """)
        let found = problems(yaml)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.contains("page: `example.gov.cn/110` is not a page's address") }, "\(found)")
        #expect(found.contains { $0.contains("read-at only makes sense with page") }, "\(found)")
        let good = try PlaybookLoader.load(yaml: twoSteps(a: """
                    contacts:
                      - {phone: "110", confirmed: true, page: "https://example.gov.cn/110", read-at: "https://copy.example/https://example.gov.cn/110"}
            """), file: "t.yaml").get().step("a")?.contacts.first
        #expect(good?.page == "https://example.gov.cn/110" && good?.readAt == "https://copy.example/https://example.gov.cn/110")
    }
}
