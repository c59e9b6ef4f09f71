import Foundation
import Testing
@testable import LostphoneCore

/// Follow-ups: what is due after the first hour, from the playbook's rules, a blocked line's
/// retry time and the person's own dated items; and the calendar file that carries them.
@Suite struct FollowUpTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/due-playbook.yaml").path
    static var yaml: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    let playbook: Playbook
    init() throws { playbook = try PlaybookLoader.load(yaml: Self.yaml, file: "due.yaml").get() }

    func fresh() -> Incident { Incident.open(id: "20261124-210000", playbook: playbook, at: t0).0 }
    func record(_ i: inout Incident, _ command: IncidentCommand, _ second: Int) throws {
        try i.apply(try i.event(for: command, at: at(second)))
    }
    func time(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

    /// ICBC frozen by phone two days before it was recorded: the written report is due five days
    /// after it happened, so three days from now, and recording it done closes it.
    @Test func aDebitCardsWrittenReportIsDueFiveDaysAfterItHappened() throws {
        var i = fresh()
        let happened = time("2026-11-22T21:00:00.000+08:00")
        try record(&i, .move("debit", to: .done, provider: "icbc", happenedAt: happened), 10)
        var items = FollowUps.list(i, playbook: playbook)
        #expect(items.count == 1)
        let item = try #require(items.first)
        #expect(item.key == "debit/icbc/written-report")
        #expect(item.due.text == "2026-11-27T21:00:00.000+08:00", "5 days after the happened-at time, not the recorded one")
        #expect(item.status(now: at(20)) == .later)
        #expect(item.status(now: time("2026-11-26T21:00:00.000+08:00")) == .dueSoon)
        #expect(item.status(now: time("2026-11-27T21:00:01.000+08:00")) == .overdue)
        try record(&i, .move("written", to: .done, provider: "icbc"), 30)
        items = FollowUps.list(i, playbook: playbook)
        #expect(items.first?.closedAt == at(30), "closed when the written report is done, and still listed")
        #expect(items.first?.status(now: at(40)) == .done)
    }

    @Test func eachBankHasItsOwnDeadlineAndOnlyItsOwnWrittenReportClosesIt() throws {
        var i = fresh()
        try record(&i, .move("debit", to: .done, provider: "icbc"), 10)
        try record(&i, .move("debit", to: .done, provider: "cmb"), 20)
        try record(&i, .move("written", to: .done, provider: "cmb"), 30)
        let items = FollowUps.list(i, playbook: playbook)
        #expect(items.map(\.key) == ["debit/icbc/written-report", "debit/cmb/written-report"], "open first, then done")
        #expect(items[0].closedAt == nil && items[1].closedAt == at(30))
    }

    @Test func reopeningTheStepOrUndoingTakesTheFollowUpAway() throws {
        var i = fresh()
        try record(&i, .move("debit", to: .done, provider: "icbc"), 10)
        try record(&i, .undo, 11)
        #expect(FollowUps.list(i, playbook: playbook).isEmpty)
        try record(&i, .move("debit", to: .done, provider: "icbc"), 12)
        try record(&i, .move("debit", to: .pending, provider: "icbc"), 13)
        #expect(FollowUps.list(i, playbook: playbook).isEmpty)
    }

    @Test func aBlockedLineWithARetryTimeIsDueThenAndClosesWhenTriedAgain() throws {
        var i = fresh()
        let retry = time("2026-11-24T22:00:00.000+08:00")
        try record(&i, .move("debit", to: .blocked, provider: "cmb", retry: retry), 10)
        var items = FollowUps.list(i, playbook: playbook)
        #expect(items.map(\.key) == ["debit/cmb/e2"])
        #expect(items[0].due == retry)
        #expect(items[0].title(.en, playbook: playbook) == "Try again: CMB")
        #expect(items[0].title(.zh, playbook: playbook) == "再试一次：招商银行")
        try record(&i, .move("debit", to: .inProgress, provider: "cmb"), 20)
        items = FollowUps.list(i, playbook: playbook)
        #expect(items.first { $0.key == "debit/cmb/e2" }?.closedAt == at(20))
    }

    @Test func aRetryTimeGoesOnlyWithBlockedAndMustBeToCome() throws {
        let i = fresh()
        #expect(throws: IncidentError.self) {
            try i.event(for: .move("debit", to: .done, provider: "cmb", retry: at(100)), at: at(10))
        }
        #expect(throws: IncidentError.self) {
            try i.event(for: .move("debit", to: .blocked, provider: "cmb", retry: at(5)), at: at(10))
        }
    }

    @Test func anItemOfThePersonsOwnIsDueAndClosesWithANoteThatSaysSo() throws {
        var i = fresh()
        let by = time("2026-12-20T23:59:00.000+08:00")
        try record(&i, .note("insurance", "Claim window ends", provider: nil, due: by), 10)
        var items = FollowUps.list(i, playbook: playbook)
        #expect(items.map(\.key) == ["insurance/e2"] && items[0].title(.en, playbook: playbook) == "Claim window ends")
        try record(&i, .note("insurance", "Claim filed, no. 123", provider: nil, closes: "e2"), 20)
        items = FollowUps.list(i, playbook: playbook)
        #expect(items[0].closedAt == at(20))
    }

    @Test func theJournalKeepsDueAndClosesAndReplaysThem() throws {
        var i = fresh()
        try record(&i, .move("debit", to: .blocked, provider: "cmb", retry: time("2026-11-24T22:00:00.000+08:00")), 10)
        try record(&i, .note("debit", "done", provider: "cmb", closes: "e2"), 20)
        let lines = try i.events.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        #expect(lines[1].contains("\"due\":\"2026-11-24T22:00:00.000+08:00\""))
        #expect(lines[2].contains("\"closes\":\"e2\""))
        let decoded = try lines.map { try JSONDecoder().decode(Event.self, from: Data($0.utf8)) }
        let replayed = try Incident.replay(decoded, id: i.id)
        #expect(FollowUps.list(replayed, playbook: playbook) == FollowUps.list(i, playbook: playbook))
    }

    @Test func dueOffsetsReadTheirUnitsAndRefuseTheRest() {
        #expect(DueOffset(parsing: "5d") == DueOffset(amount: 5, unit: .days))
        #expect(DueOffset(parsing: "6mo") == DueOffset(amount: 6, unit: .months))
        #expect(DueOffset(parsing: "30m") == DueOffset(amount: 30, unit: .minutes))
        for bad in ["", "d", "5", "5 d", "-5d", "5days", "0d", "1.5h", "5D"] { #expect(DueOffset(parsing: bad) == nil, "\(bad)") }
        let start = time("2026-01-31T10:00:00.000+08:00")
        #expect(DueOffset(amount: 1, unit: .months).after(start).text == "2026-02-28T10:00:00.000+08:00")
    }

    @Test(arguments: [(2 * 86_400 + 86_399, "in 3 days"), (86_400 * 2, "in 2 days"), (36 * 3600, "in 2 days"), (35 * 3600, "in 35 h"),
                      (90 * 60, "in 2 h"), (89 * 60, "in 89 min"), (60, "in 1 min"), (-7200, "overdue by 2 h"),
                      // Under half a minute is now, not "in 0 min" or "overdue by 0 min" (the user test saw both).
                      (0, "due now"), (29, "due now"), (-29, "due now"), (31, "in 1 min"), (-31, "overdue by 1 min")])
    func timeLeftIsSaidInTheUnitAPersonWouldUse(seconds: Int, expected: String) {
        #expect(DueWords.relative(Timestamp(t0.date.addingTimeInterval(TimeInterval(seconds))), now: t0, .en) == expected)
    }

    @Test(arguments: [(3 * 86_400, "还有 3 天"), (-7200, "已逾期 2 小时"), (25 * 60, "还有 25 分钟"), (10, "现在到期")])
    func timeLeftIsSaidInChineseWithTheNumberSetApart(seconds: Int, expected: String) {
        #expect(DueWords.relative(Timestamp(t0.date.addingTimeInterval(TimeInterval(seconds))), now: t0, .zh) == expected)
    }

    @Test func deadlinesAreReadAsTimesToCome() {
        let now = time("2026-12-04T16:00:00.000+08:00")
        #expect(DueInput.parse("15:00", now: now)?.text == "2026-12-05T15:00:00.000+08:00", "15:00 has passed today: tomorrow")
        #expect(DueInput.parse("17:30", now: now)?.text == "2026-12-04T17:30:00.000+08:00")
        #expect(DueInput.parse("+30m", now: now)?.text == "2026-12-04T16:30:00.000+08:00")
        #expect(DueInput.parse("+3d", now: now)?.text == "2026-12-07T16:00:00.000+08:00")
        #expect(DueInput.parse("2026-12-20", now: now)?.text == "2026-12-20T23:59:00.000+08:00")
        #expect(DueInput.parse("2026-12-20 18:00", now: now)?.text == "2026-12-20T18:00:00.000+08:00")
        for bad in ["tomorrow", "+", "+3", "2026-13-01", "25:00"] { #expect(DueInput.parse(bad, now: now) == nil, "\(bad)") }
    }

    @Test func malformedFollowUpsAreRefusedWithLineAndColumn() {
        let indent = String(Self.yaml.components(separatedBy: "\n").first { $0.contains("closed-by: written") }!.prefix { $0 == " " })
        let bad = Self.yaml
            .replacingOccurrences(of: "due: 5d", with: "due: 5days")
            .replacingOccurrences(of: "closed-by: written", with: "closed-by: nowhere\n" + indent + "after: finished")
        guard case .failure(let errors) = PlaybookLoader.load(yaml: bad, file: "due.yaml") else {
            Issue.record("a malformed follow-up was accepted"); return
        }
        let text = errors.description
        #expect(text.contains("due.yaml:26:") && text.contains("`5days` is not a length of time"), "\(text)")
        #expect(text.contains("`finished` is not a state"), "\(text)")
        #expect(text.contains("there is no step `nowhere`"), "\(text)")
        for problem in errors.problems { #expect(problem.line > 0 && problem.column > 0, "\(problem)") }
    }

    @Test func theListReadsInBothLanguagesWithTimeLeft() throws {
        var i = fresh()
        try record(&i, .move("debit", to: .done, provider: "icbc"), 10)
        let en = DueList(incident: i, playbook: playbook, language: .en, now: at(20)).text(incidentID: i.id)
        #expect(en.contains("[later] Report the loss in writing at a branch") && en.contains("in 5 days"), "\(en)")
        #expect(en.contains("contact: 95588") && en.contains("key: debit/icbc/written-report"), "\(en)")
        let zh = DueList(incident: i, playbook: playbook, language: .zh, now: time("2026-11-30T21:00:00.000+08:00")).text(incidentID: i.id)
        #expect(zh.contains("[已逾期] 到网点办理书面挂失") && zh.contains("已逾期"), "\(zh)")
    }

    // MARK: - the calendar file

    @Test func theCalendarHasOneEventPerOpenItemWithAStableUIDInUTC() throws {
        var i = fresh()
        try record(&i, .move("debit", to: .done, provider: "icbc"), 10)
        try record(&i, .move("debit", to: .blocked, provider: "cmb", retry: time("2026-11-24T22:00:00.000+08:00")), 20)
        let list = DueList(incident: i, playbook: playbook, language: .en, now: at(30))
        let ics = DueCalendar.ics(list, incidentID: i.id, product: "lostphone")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
        #expect(ics.contains("UID:debit/cmb/e3@20261124-210000.lostphone") && ics.contains("UID:debit/icbc/written-report@20261124-210000.lostphone"))
        #expect(ics.contains("DTSTART:20261124T140000Z"), "22:00 at +08:00 is 14:00 UTC")
        #expect(ics.contains("DTSTART:20261129T130010Z"))
        #expect(ics.contains("TRIGGER:-P1D") && ics.contains("TRIGGER:-PT15M"))
        let again = DueCalendar.ics(DueList(incident: i, playbook: playbook, language: .en, now: at(99)), incidentID: i.id, product: "lostphone")
        #expect(uids(ics) == uids(again), "importing again updates the same events")
    }

    func uids(_ ics: String) -> [String] { ics.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }

    @Test func calendarTextIsEscapedAndLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        #expect(DueCalendar.escape("a,b;c\\d\ne\u{1b}") == "a\\,b\\;c\\\\d\\ne")
        let long = "SUMMARY:" + String(repeating: "书面挂失", count: 20)
        let folded = DueCalendar.fold(long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        for line in lines { #expect(line.utf8.count <= 75, "\(line.utf8.count) octets") }
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines.first! + lines.dropFirst().map { String($0.dropFirst()) }.joined() == long)
    }
}

/// The built-in guide's deadlines, each with its source.
@Suite struct BuiltinFollowUpTests {
    let playbook = PlaybookLoader.builtin()

    func rule(_ step: StepID, provider: ProviderID? = nil, _ id: String) -> FollowUpRule? {
        let s = playbook.step(step)
        return (provider.flatMap { s?.provider($0)?.followUps } ?? s?.followUps)?.first { $0.id == id }
    }

    @Test func aDebitCardsPhoneReportNeedsTheWrittenReportWithinFiveDaysCitingTheRegulation() throws {
        let r = try #require(rule("debit-card", "written-report"))
        #expect(r.due == DueOffset(amount: 5, unit: .days) && r.after == .done && r.closedBy == "debit-written")
        #expect(r.source == .text(LocalizedText(zh: "《储蓄管理条例》第三十一条", en: "the Savings Regulations (《储蓄管理条例》), article 31")))
    }

    @Test func chinaMobilesLossSuspensionLastsSixMonthsUntilANewSIM() throws {
        let r = try #require(rule("sim", provider: "china-mobile", "suspension-limit"))
        #expect(r.due == DueOffset(amount: 6, unit: .months) && r.closedBy == "new-sim" && r.source == .domain("nx.10086.cn"))
        #expect(rule("sim", provider: "china-unicom", "suspension-limit") == nil, "no limit was sourced for Unicom")
    }

    @Test func theOfficialChecksRepliesAreDueIn24And48Hours() throws {
        let card = try #require(rule("official-checks", "card-check-report"))
        let numbers = try #require(rule("official-checks", "number-check-reply"))
        #expect(card.due == DueOffset(amount: 24, unit: .hours) && card.after == .inProgress)
        #expect(numbers.due == DueOffset(amount: 48, unit: .hours) && numbers.after == .inProgress)
    }

    /// Started, then done: the check's follow-ups stay listed as done rather than vanish.
    @Test func aCheckMarkedDoneClosesItsOwnFollowUpsAndKeepsThemListed() throws {
        var i = Incident.open(id: "t", playbook: playbook, at: t0).0
        try i.apply(try i.event(for: .move("official-checks", to: .inProgress, provider: nil), at: at(10)))
        #expect(FollowUps.list(i, playbook: playbook).map(\.key) == ["official-checks/card-check-report", "official-checks/number-check-reply"])
        try i.apply(try i.event(for: .move("official-checks", to: .done, provider: nil), at: at(20)))
        let items = FollowUps.list(i, playbook: playbook)
        #expect(items.count == 2 && items.allSatisfy { $0.closedAt == at(20) })
    }
}
