import Foundation
import Testing
@testable import LostphoneCore

let t0 = Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!
func at(_ seconds: Int) -> Timestamp {
    Timestamp(t0.date.addingTimeInterval(TimeInterval(seconds)), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
}

@Suite struct IncidentTests {
    let playbook = PlaybookLoader.builtin()

    func fresh() -> Incident { Incident.open(id: "t", playbook: playbook, at: t0).0 }

    func record(_ incident: inout Incident, _ command: IncidentCommand, _ second: Int) throws {
        let event = try incident.event(for: command, at: at(second))
        try incident.apply(event)
    }

    @Test func aMoveIsRecordedWithProviderAndTime() throws {
        var i = fresh()
        try record(&i, .move("sim", to: .done, provider: "china-mobile"), 60)
        let sim = i.record("sim")
        #expect(sim.state == .done && sim.updatedAt == at(60) && sim.lastProvider == "china-mobile")
        #expect(sim.provider("china-mobile").state == .done && sim.provider("china-mobile").mine)
        #expect(sim.provider("china-unicom") == ProviderRecord(), "the other carriers are untouched")
        #expect(i.events.last?.seq == 2)
        #expect(i.events.last?.at.text == "2026-11-24T21:01:00.000+08:00")
    }

    @Test func aForbiddenMoveIsRefusedWithAReason() throws {
        var i = fresh()
        try record(&i, .move("sim", to: .done, provider: nil), 1)
        #expect(throws: IncidentError.self) { try i.event(for: .move("sim", to: .blocked, provider: nil), at: at(2)) }
        let before = i
        var forged = try i.event(for: .move("sim", to: .pending, provider: nil), at: at(2))
        guard case .move(var move) = forged.payload else { Issue.record("not a move: \(forged.kind)"); return }
        move.to = .blocked
        forged.payload = .move(move)
        #expect(throws: IncidentError.self) { try i.apply(forged) }
        #expect(i == before, "a refused event changes nothing")
    }

    /// The undo stack keeps records without their notes (so a note never copies the earlier
    /// ones): every undo, however deep, must still give back the record exactly as it was.
    @Test func undoingEveryActionInTurnGivesBackEachEarlierRecordWithItsNotes() throws {
        var i = fresh()
        let commands: [IncidentCommand] = [
            .note("bank", "a", provider: "icbc"), .move("bank", to: .inProgress, provider: "icbc"),
            .note("bank", "b", provider: "icbc"), .note("bank", "c", provider: "boc"), .mine("bank", "cmb", true),
            .note("bank", "d", provider: "icbc"), .move("bank", to: .done, provider: "boc"), .note("bank", "e", provider: nil),
            .note("police", "f", provider: nil), .note("bank", "g", provider: "boc"),
        ]
        var snapshots: [(bank: StepRecord, police: StepRecord)] = []
        for (n, command) in commands.enumerated() {
            snapshots.append((i.record("bank"), i.record("police")))
            try record(&i, command, n + 1)
        }
        #expect(i.record("bank").provider("icbc").notes.map(\.text) == ["a", "b", "d"])
        for n in commands.indices.reversed() {
            try record(&i, .undo, 100 + n)
            #expect(i.record("bank") == snapshots[n].bank, "after undoing action \(n + 1)")
            #expect(i.record("police") == snapshots[n].police, "after undoing action \(n + 1)")
        }
        #expect(i.record("bank") == StepRecord.initial)
    }

    @Test func undoRestoresTheEarlierStateIncludingProviderAndNote() throws {
        var i = fresh()
        try record(&i, .move("bank", to: .inProgress, provider: "icbc"), 1)
        try record(&i, .note("bank", "case 42", provider: "icbc"), 2)
        let beforeSecondBank = i.record("bank")
        try record(&i, .move("bank", to: .done, provider: "boc"), 3)
        #expect(i.record("bank").provider("boc").state == .done)
        try record(&i, .undo, 4)
        #expect(i.record("bank") == beforeSecondBank)
        #expect(i.record("bank").mine.map(\.provider) == ["icbc"], "the second bank is no longer one of mine")
        #expect(i.record("bank").provider("icbc").notes.map(\.text) == ["case 42"])
        try record(&i, .undo, 5)
        #expect(i.record("bank").notes.isEmpty)
        try record(&i, .undo, 6)
        #expect(i.record("bank").state == .pending)
        #expect(throws: IncidentError.self) { try i.event(for: .undo, at: at(7)) }
        #expect(i.events.map(\.kind) == [.opened, .move, .note, .move, .undo, .undo, .undo], "history is never rewritten")
    }

    @Test func detailsAndResolveAreKept() throws {
        var i = fresh()
        try record(&i, .details(lostAt: at(-1800), device: DeviceDetails(model: "iPhone 12", imei: "356938035643809")), 1)
        try record(&i, .resolve, 2)
        #expect(i.lostAt == at(-1800))
        #expect(i.device.imei == "356938035643809")
        #expect(i.resolvedAt == at(2))
        #expect(throws: IncidentError.self) { try i.event(for: .resolve, at: at(3)) }
    }

    /// Random valid command sequences: replaying the events gives exactly the live state, and
    /// every undo gives back the state from before the action it takes back.
    @Test(arguments: 0..<40)
    func replayEqualsLiveAndUndoRestores(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed))
        var live = fresh()
        var history: [[StepID: StepRecord]] = [live.records]   // state before each undoable action
        let steps = playbook.allSteps
        for n in 1...200 {
            let step = steps[Int(rng.next() % UInt64(steps.count))]
            let provider = step.providers.isEmpty ? nil : step.providers[Int(rng.next() % UInt64(step.providers.count))].id
            let roll = rng.next() % 10
            let command: IncidentCommand
            if roll < 2, live.lastUndoableEvent != nil {
                command = .undo
            } else if roll == 2, let provider, !live.record(step.id).provider(provider).holdsRecord {
                // One with a state or a note recorded stays the person's (`RecordingRefusal.stillRecorded`).
                command = .mine(step.id, provider, !live.record(step.id).provider(provider).mine)
            } else if roll < 4 {
                command = .note(step.id, "note \(n) 备注|\\\"q\" 👍🏽", provider: provider)
            } else {
                let targets = Array(live.record(step.id).provider(provider).state.allowedMoves).sorted { $0.rawValue < $1.rawValue }
                command = .move(step.id, to: targets[Int(rng.next() % UInt64(targets.count))], provider: provider)
            }
            let before = live.records
            try record(&live, command, n)
            if case .undo = command {
                let restored = history.removeLast()
                #expect(comparable(live.records) == comparable(restored), "undo at \(n) did not restore")
            } else {
                history.append(before)
            }
        }
        let replayed = try Incident.replay(live.events, id: "t")
        #expect(replayed == live)
    }

    /// The records that hold anything: an undo restores a step exactly as it was.
    func comparable(_ r: [StepID: StepRecord]) -> [StepID: StepRecord] {
        r.filter { $0.value != .initial }
    }

    @Test func replayRefusesAJournalThatDoesNotStartWithOpened() {
        let e = Event(seq: 1, at: t0, .move(.init(step: "sim", from: .pending, to: .done)))
        #expect(throws: IncidentError.self) { try Incident.replay([e]) }
    }

    @Test func nothingIsRecordedAfterResolved() throws {
        var i = fresh()
        try record(&i, .move("sim", to: .done, provider: nil), 1)
        try record(&i, .resolve, 2)
        let commands: [IncidentCommand] = [.move("bank", to: .done, provider: nil), .note("sim", "x", provider: nil), .undo,
                                           .details(lostAt: t0, device: DeviceDetails(model: "m")), .resolve]
        for command in commands {
            #expect(throws: IncidentError.self, "\(command)") { _ = try i.event(for: command, at: at(3)) }
        }
        #expect(i.events.count == 3)
    }

    @Test func replayRefusesAGapInSequenceNumbers() throws {
        var i = fresh()
        try record(&i, .move("sim", to: .done, provider: nil), 1)
        var events = Array(i.events)
        events[1].seq = 5
        #expect(throws: IncidentError.self) { try Incident.replay(events) }
    }

    @Test func idsComeFromTheLocalStartTime() {
        #expect(Incident.makeID(at: t0) == "20261124-210000")
    }
}

/// A small deterministic generator, so a failing seed can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E3779B97F4A7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

@Suite struct TimestampTests {
    @Test func offsetsAreWrittenWithAColonAndReadBack() {
        let t = Timestamp(Date(timeIntervalSince1970: 0), timeZone: TimeZone(secondsFromGMT: -(5 * 3600 + 1800))!)
        #expect(t.text == "1969-12-31T18:30:00.000-05:30")
        #expect(t.timeZone.secondsFromGMT() == -(5 * 3600 + 1800))
        #expect(Timestamp(parsing: "2026-11-24T21:00:00+0800")?.offsetSuffix == "+0800")
        #expect(Timestamp(parsing: "2026-11-24T13:00:00Z")?.offsetSuffix == nil)
        #expect(t0.readable == "2026-11-24 21:00:00 +08:00")
    }
}
