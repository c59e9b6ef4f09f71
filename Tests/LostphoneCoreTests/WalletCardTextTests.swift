import Foundation
import Testing
@testable import LostphoneCore

/// The text card: 80 columns and 40 lines whatever the profile holds, in both languages.
@Suite struct WalletCardTextTests {
    let playbook = PlaybookLoader.builtin()

    /// Every option of every choice ticked, and every field filled.
    func maximalProfile() -> Profile {
        var p = Profile(device: DeviceDetails(model: "iPhone 15 Pro Max", imei: "490154203237518", number: "13800138000", owner: "张三"),
                        insurer: "中国人民财产保险股份有限公司", policy: "PDAA202611010000123456", emergencyContact: "李四（妹妹）13900139000")
        p.updated = Timestamp(parsing: "2026-12-03T10:00:00.000+08:00")
        for choice in playbook.profileChoices {
            for option in choice.options { p.set(choice.id, option.id, ticked: true) }
        }
        return p
    }

    func expectFits(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= WalletCard.textLines, "\(what): \(lines.count) lines, more than \(WalletCard.textLines):\n\(text)",
                sourceLocation: sourceLocation)
        for line in lines {
            #expect(TextWidth.of(line) <= WalletCard.textColumns, "\(what): a line of \(TextWidth.of(line)) columns: \(line)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [Language.zh, .en])
    func theMaximalProfileFits80By40WithEveryHotline(language: Language) {
        let card = WalletCard(profile: maximalProfile(), playbook: playbook, language: language)
        #expect(card.hotlines.count == 16 && card.findMy.count == 7, "the police, the built-in guide's 15 numbers and 7 brands")
        let text = card.text()
        expectFits(text, "\(language)")
        for h in card.hotlines { #expect(text.contains(h.number), "\(language): the card lacks \(h.name) \(h.number)") }
        for f in card.findMy { #expect(text.contains(f.address), "\(language): the card lacks \(f.name) \(f.address)") }
        for s in card.firstSteps { #expect(text.contains(s.title)) }
        #expect(text.contains("490154203237518") && text.contains("13800138000") && text.contains("PDAA202611010000123456"))
        #expect(!text.contains("lostphone guide"), "nothing is left off the built-in guide's card")
    }

    @Test func aFullChineseCardGivesUpOnlyItsBlankLines() {
        // Chinese is narrower: 40 lines hold every label, once the blank lines are gone.
        let text = WalletCard(profile: maximalProfile(), playbook: playbook, language: .zh).text()
        #expect(!text.contains("\n\n"), "no blank line between sections:\n\(text)")
        #expect(text.contains("10086                  客服热线"))
        #expect(text.contains("腾讯客服：冻结微信帐号"))
    }

    @Test func aFullEnglishCardGivesUpBlankLinesAndSingleNumbersLabelsFirst() {
        let text = WalletCard(profile: maximalProfile(), playbook: playbook, language: .en).text()
        #expect(!text.contains("\n\n"), "no blank line between sections:\n\(text)")
        #expect(text.contains("Credit cards"), "a bank with two numbers keeps its labels")
        #expect(text.contains("Tencent: freeze the"))
        #expect(!text.contains("10086                    Customer service"), "a single number's label goes:\n\(text)")
    }

    @Test func aSmallCardKeepsEverything() {
        var p = Profile(choices: ["bank": ["icbc"], "carrier": ["china-mobile"], "brand": ["apple"]],
                        device: DeviceDetails(imei: "490154203237518", number: "13800138000"))
        p.updated = Timestamp(parsing: "2026-12-03T10:00:00.000+08:00")
        let text = WalletCard(profile: p, playbook: playbook, language: .en).text()
        #expect(text == """
        LOST PHONE WALLET CARD                                          as of 2026-12-03

        -- YOUR PHONE ------------------------------------------------------------------
          Number: 13800138000  ·  IMEI: 490154203237518

        -- YOUR HOTLINES ---------------------------------------------------------------
          Police        110?
          China Mobile  10086   Customer service
          ICBC          95588?  Customer service

        -- LOCATE, LOCK, ERASE ---------------------------------------------------------
          Apple  icloud.com/find  Find Devices: Apple Account, no code needed
          ? unconfirmed: the number, address or key to press may have changed

        -- THE FIRST FIVE THINGS TO DO -------------------------------------------------
          1. Report the loss and freeze the SIM card
          2. Freeze mobile banking and payments
          3. Freeze WeChat
          4. Report the loss to Alipay
          5. Report to the police

        """, "the card:\n\(text)")
    }

    @Test func anUnconfirmedNumberOrOptionIsMarkedAndTheMarkExplained() {
        let text = WalletCard(profile: Profile(choices: ["bank": ["icbc"], "app": ["wechat"]]), playbook: playbook, language: .zh).text()
        #expect(text.contains("95588?"))
        #expect(text.contains("95017?，按 9?"), "neither the number nor the option is confirmed:\n\(text)")
        #expect(text.contains(Words(.zh)[.cardUnconfirmedLegend]))
        let confirmed = WalletCard(profile: Profile(choices: ["bank": ["ccb"]]), playbook: playbook, language: .zh).text()
        #expect(confirmed.contains("95533") && !confirmed.contains("95533?"), "a confirmed number has no mark:\n\(confirmed)")
    }

    @Test func aProfileWithoutProvidersSaysHowToChooseThem() {
        let text = WalletCard(profile: Profile(device: DeviceDetails(imei: "490154203237518")), playbook: playbook, language: .en).text()
        #expect(text.contains("No providers chosen yet: run lostphone prepare"))
        #expect(text.contains("490154203237518"))
    }

    @Test func longFieldsAreCutToOneLineEachAndControlCharactersShown() {
        let long = String(repeating: "紧急联系人很长", count: 28)  // 196 characters, 392 columns
        var p = maximalProfile()
        p.emergencyContact = long
        p.device.owner = "Eve\u{1B}[31m"
        for language in [Language.zh, .en] {
            let text = WalletCard(profile: p, playbook: playbook, language: language).text()
            expectFits(text, "\(language), long fields")
            #expect(!text.contains("\u{1B}"), "an escape in the profile is never printed raw")
            #expect(text.contains("…"))
        }
    }

    /// A guide with more numbers than 40 lines hold: the card keeps the first ones, in the
    /// guide's order, and says how many are left off.
    @Test(arguments: [Language.zh, .en])
    func aGuideWithMoreNumbersThanFitLeavesTheLastOffAndSaysHowMany(language: Language) {
        let banks = (1...60).map { i in
            Provider(id: ProviderID("bank-\(i)"), name: LocalizedText(zh: "第\(i)银行", en: "Bank number \(i)"),
                     contacts: [Contact(kind: .phone("955\(i)"), label: LocalizedText(zh: "客服热线", en: "Customer service"), confirmed: true)])
        }
        let step = Step(id: "bank", title: LocalizedText(zh: "冻结银行卡", en: "Freeze your bank cards"), priority: 1, providers: banks, group: "bank")
        let big = Playbook(id: "big", version: 1, languages: [.zh, .en], title: LocalizedText(zh: "大", en: "Big"),
                           source: PlaybookSource(publisher: LocalizedText(zh: "测试", en: "test")),
                           panes: [Pane(id: "urgent", title: LocalizedText(zh: "紧急", en: "Urgent"), steps: [step])])
        let p = Profile(choices: ["bank": banks.map(\.id.rawValue)], device: DeviceDetails(imei: "490154203237518"))
        let card = WalletCard(profile: p, playbook: big, language: language)
        let text = card.text()
        expectFits(text, "\(language), 60 banks")
        let shown = card.hotlines.filter { text.contains($0.number + "\n") || text.contains($0.number + " ") }.count
        #expect(shown > 20 && shown < 60, "\(shown) banks shown")
        #expect(text.contains("95511") && !text.contains("95560"), "the first banks are kept, the last left off")
        #expect(text.contains(Words(language)[.cardLeftOut(60 - shown)]), "the card says \(60 - shown) are left off:\n\(text)")
        #expect(text.contains("490154203237518"), "the IMEI is never given up")
    }
}
