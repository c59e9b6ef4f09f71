import Foundation
import Testing

/// The screen for a person in a panic, in a real terminal: the number first, the next step
/// next, nothing hidden.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct PanicScreenTests {
    @Test(arguments: [("en", "10086", "i: when and what was lost"), ("zh", "10086", "i：何时丢失、丢了什么")])
    func theFirstScreenShowsTheFirstNumberWithoutAKey(language: String, number: String, offer: String) throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", language])
        try t.expectScreen(contains: number, offer, "›○  1 ")
        try t.expectScreen(lacks: "┌")
    }

    @Test func doneMovesOnToTheNextOpenStep() throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "10086")
        try t.press("d")
        try t.expectScreen(contains: "For China Mobile? Press d again")
        try t.press("d")
        // Done asks first whether there is another SIM card; Enter: no more, and on.
        try t.expectScreen(contains: "China Mobile done. Another SIM card of yours?")
        try t.press("Enter")
        try t.expectScreen(contains: "›○  2 Freeze mobile banking and payments  ← now", "95588", "9 urgent left")
    }

    @Test(arguments: [("en", "unicom", "◀ China Unicom ▶", "10010"), ("zh", "联通", "◀ 中国联通 ▶", "10010")])
    func searchingAProviderShowsItInItsStep(language: String, query: String, provider: String, number: String) throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", language])
        try t.expectScreen(contains: "10086")
        try t.press("/")
        try t.type(query)
        try t.expectScreen(contains: provider, number)
        try t.press("Enter")
        // Chosen by the search: d records it at once.
        try t.press("d")
        try t.expectScreen(contains: "1/1 ✓")
        #expect(try t.journalEvents().last?["provider"] as? String == "china-unicom")
    }

    @Test func aSearchWithoutAMatchSaysSoAndMovesNothing() throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "10086")
        try t.press("/")
        try t.type("zzqq")
        try t.expectScreen(contains: "no match", "›○  1 Report the loss")
        try t.press("Escape")
        try t.expectScreen(contains: "›○  1 Report the loss", "10086")
    }

    @Test func theWheelOverTheDetailsScrollsThemAndNotTheList() throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "Report the loss and freeze the SIM card\n ○ to do")
        try t.wheel(down: true, x: 40, y: 16)
        try t.expectScreen(lacks: "Report the loss and freeze the SIM card\n ○ to do")
        try t.expectScreen(contains: "›○  1 Report the loss", "report the loss and freeze the SIM card.")
        try t.wheel(down: false, x: 40, y: 16)
        try t.expectScreen(contains: "Report the loss and freeze the SIM card\n ○ to do")
        // Over the list, the wheel moves the selection.
        try t.wheel(down: true, x: 10, y: 4)
        try t.expectScreen(contains: "›○  4 Report the loss to Alipay")
    }

    @Test func aLostAtTimeInTheFutureIsRefusedSayingSo() throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "10086")
        try t.press("i")
        try t.expectScreen(contains: "About the lost phone")
        try t.type("2099-01-01 10:00")
        try t.press("Enter")
        try t.expectScreen(contains: "2099-01-01 10:00 is in the future")
        #expect(try t.journalEvents().count == 1, "nothing recorded")
        try t.press("Escape")
        try t.expectScreen(lacks: "About the lost phone")
    }
}
