import Foundation
import Testing
@testable import LostphoneCore

/// The order of events the reports tell: a state is left after it was entered, and nothing is
/// done about a phone before it was lost (`RecordingRules`, for the screen and the command line
/// alike). The rules apply when recording; a journal that already holds such an order is read.
@Suite struct EventOrderTests {
    let playbook = PlaybookLoader.builtin()
    var rules: RecordingRules { RecordingRules(playbook: playbook) }
    func fresh() -> Incident { Incident.open(id: "t", playbook: playbook, at: t0).0 }
    func record(_ i: inout Incident, _ command: IncidentCommand, _ second: Int) throws {
        try i.apply(try rules.event(for: command, in: i, at: at(second)).get())
    }
    /// The refusal of `command` at `second`, said on `surface` in `language`; nil when recorded.
    func refusal(_ command: IncidentCommand, in i: Incident, at second: Int,
                 _ language: Language = .en, _ surface: RecordingSurface = .screen) -> String? {
        guard case .failure(let refusal) = rules.event(for: command, in: i, at: at(second)) else { return nil }
        return refusal.text(Words(language), playbook: playbook, surface: surface)
    }

    @Test func aChangeBackDatedBeforeTheStateItLeavesIsRefusedSayingWhenAndWhatToDo() throws {
        var i = fresh()
        try record(&i, .move("wechat", to: .blocked, provider: nil), 300)
        // 21:05 blocked, then done "at 21:01": the timeline would leave blocked before entering it.
        let done = IncidentCommand.move("wechat", to: .done, provider: nil, happenedAt: at(60))
        let screen = try #require(refusal(done, in: i, at: 400), "recorded out of order")
        #expect(screen.contains("“Freeze WeChat” became blocked at 2026-11-24 21:05")
                && screen.contains("can't have happened earlier (2026-11-24 21:01)") && screen.contains("with @")
                && screen.contains("with u"), "\(screen)")
        let line = try #require(refusal(done, in: i, at: 400, .en, .commandLine))
        #expect(line.contains("Give --at 2026-11-24 21:05 or later") && !line.contains("with @"), "\(line)")
        let zh = try #require(refusal(done, in: i, at: 400, .zh, .commandLine))
        #expect(zh.contains("「冻结微信」于 2026-11-24 21:05 记为“受阻”") && zh.contains("你给的是 2026-11-24 21:01")
                && zh.contains("--at") && zh.contains("按 u 撤销"), "\(zh)")
        #expect(!zh.contains("blocked") && !zh.contains("can't"), "no English in the Chinese: \(zh)")
        // Given a time after it, or none (now), it is recorded.
        #expect(refusal(.move("wechat", to: .done, provider: nil, happenedAt: at(360)), in: i, at: 400) == nil)
        #expect(refusal(.move("wechat", to: .done, provider: nil), in: i, at: 400) == nil)
    }

    @Test func aReopenBackDatedBeforeTheDoneItUndoesIsRefusedToo() throws {
        var i = fresh()
        try record(&i, .move("police", to: .done, provider: nil, happenedAt: at(600)), 900)
        let text = try #require(refusal(.move("police", to: .pending, provider: nil, happenedAt: at(300)), in: i, at: 1000))
        #expect(text.contains("became done at 2026-11-24 21:10") && text.contains("(2026-11-24 21:05)"), "\(text)")
    }

    @Test func eachProviderKeepsItsOwnOrder() throws {
        var i = fresh()
        try record(&i, .move("sim", to: .done, provider: "china-mobile"), 600)
        // Another carrier's state was not changed at 21:10: any earlier time is its own.
        #expect(refusal(.move("sim", to: .done, provider: "china-unicom", happenedAt: at(60)), in: i, at: 700) == nil)
        let text = try #require(refusal(.move("sim", to: .pending, provider: "china-mobile", happenedAt: at(60)), in: i, at: 700))
        #expect(text.contains("became done at 2026-11-24 21:10"), "\(text)")
    }

    @Test func anUndoneChangeDoesNotCount() throws {
        var i = fresh()
        try record(&i, .move("wechat", to: .inProgress, provider: nil, happenedAt: at(60)), 120)
        try record(&i, .move("wechat", to: .blocked, provider: nil), 300)
        try record(&i, .undo, 310)
        // Back in progress since 21:01: done at 21:02 is in order, done at 21:00:30 is not.
        let text = try #require(refusal(.move("wechat", to: .done, provider: nil, happenedAt: at(30)), in: i, at: 400))
        #expect(text.contains("became in progress at 2026-11-24 21:01"), "the undone blocked does not count: \(text)")
        try record(&i, .move("wechat", to: .done, provider: nil, happenedAt: at(120)), 400)
        #expect(i.record("wechat").state == .done)
    }

    @Test func aTimeTypedToTheMinuteOfTheChangeItLeavesIsThatChangesTime() throws {
        var i = fresh()
        try record(&i, .move("wechat", to: .blocked, provider: nil), 321)
        // Blocked at 21:05:21; "done at 21:05" is the same minute, recorded as 21:05:21.
        let event = try rules.event(for: .move("wechat", to: .done, provider: nil, happenedAt: at(300)), in: i, at: at(400)).get()
        #expect(event.happenedAt == at(321))
        try i.apply(event)
    }

    @Test func aNoteDatedBeforeTheStateIsNotAChangeAndIsKept() throws {
        var i = fresh()
        try record(&i, .move("wechat", to: .blocked, provider: nil), 300)
        try record(&i, .note("wechat", "called at 21:01, case 42", provider: nil, happenedAt: at(60)), 400)
        #expect(i.record("wechat").provider(nil).notes.map(\.text) == ["called at 21:01, case 42"])
    }

    @Test func aLostAtLaterThanTheFirstActionIsRefusedNamingIt() throws {
        var i = fresh()
        try record(&i, .move("wechat", to: .done, provider: nil, happenedAt: at(-600)), 60)
        try record(&i, .move("police", to: .done, provider: nil), 120)
        let late = IncidentCommand.details(lostAt: at(-300), device: DeviceDetails())
        let screen = try #require(refusal(late, in: i, at: 200), "a loss after the first action was recorded")
        #expect(screen.contains("(2026-11-24 20:55) can't be later than the first thing recorded: “Freeze WeChat” done at 2026-11-24 20:50")
                && screen.contains("Give 2026-11-24 20:50 or earlier"), "\(screen)")
        let line = try #require(refusal(late, in: i, at: 200, .en, .commandLine))
        #expect(line.contains("Give --lost-at 2026-11-24 20:50 or earlier"), "\(line)")
        let zh = try #require(refusal(late, in: i, at: 200, .zh, .screen))
        #expect(zh.contains("丢失时间 2026-11-24 20:55 不能晚于最早记下的一项：「冻结微信」于 2026-11-24 20:50 记为“已完成”"), "\(zh)")
        // At the first action, or before it, the loss is in order.
        try record(&i, .details(lostAt: at(-600), device: DeviceDetails()), 200)
        #expect(i.lostAt == at(-600))
    }

    @Test func aNoteCountsAsTheFirstActionAndAnUndoneOneDoesNot() throws {
        var i = fresh()
        try record(&i, .note("police", "called 110", provider: nil, happenedAt: at(-600)), 60)
        let late = IncidentCommand.details(lostAt: at(-300), device: DeviceDetails())
        let text = try #require(refusal(late, in: i, at: 200))
        #expect(text.contains("a note on “Report to the police” at 2026-11-24 20:50"), "\(text)")
        try record(&i, .undo, 100)
        #expect(refusal(late, in: i, at: 200) == nil)
    }

    @Test func aPreventionTipDoneBeforeTheLossDoesNotHoldTheLossBack() throws {
        var i = fresh()
        try record(&i, .move("tip-3", to: .done, provider: nil, happenedAt: at(-7200)), 5)
        #expect(refusal(.details(lostAt: at(-3600), device: DeviceDetails()), in: i, at: 10) == nil)
    }

    /// Events written in an impossible order (by an older lostphone) replay as they are, and the
    /// incident's other details can still be changed.
    @Test func aJournalAlreadyOutOfOrderStillReplaysAndTakesOtherDetails() throws {
        let events = [
            Incident.open(id: "t", playbook: playbook, at: t0).1,
            Event(seq: 2, at: at(300), .move(.init(step: "wechat", from: .pending, to: .blocked))),
            Event(seq: 3, at: at(400), happenedAt: at(60), .move(.init(step: "wechat", from: .blocked, to: .done))),
            Event(seq: 4, at: at(500), .details(.init(lostAt: at(200), device: DeviceDetails()))),
        ]
        var i = try Incident.replay(events, id: "t")
        #expect(i.record("wechat").state == .done && i.lostAt == at(200))
        var device = DeviceDetails()
        device.owner = "王芳"
        try record(&i, .details(lostAt: at(200), device: device), 600)
        #expect(i.device.owner == "王芳")
        #expect(try Incident.replay(i.events, id: "t") == i)
    }
}
