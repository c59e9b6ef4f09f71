import Foundation
import Testing
@testable import LostphoneCore

/// A long incident opens from its checkpoint, and the result is always what a full replay of the
/// journal on disk gives: the checkpoint saves time, never changes what is shown.
@Suite struct CheckpointTests {
    let playbook = PlaybookLoader.builtin()

    /// Appends `count` random commands (moves, notes, undos) to the open journal and incident.
    func record(_ count: Int, into incident: inout Incident, _ journal: Journal, rng: inout SplitMix, from n0: Int = 0, firstUndo: Bool = false) throws {
        let steps = playbook.allSteps
        for n in n0..<(n0 + count) {
            let step = steps[Int(rng.next() % UInt64(steps.count))]
            let roll = rng.next() % 10
            let command: IncidentCommand
            if (roll < 2 || (firstUndo && n == n0)), incident.lastUndoableEvent != nil {
                command = .undo
            } else if roll < 4 {
                command = .note(step.id, "note \(n) 备注", provider: step.providers.first?.id)
            } else {
                let targets = Array(incident.record(step.id).state.allowedMoves).sorted { $0.rawValue < $1.rawValue }
                command = .move(step.id, to: targets[Int(rng.next() % UInt64(targets.count))], provider: step.providers.first?.id)
            }
            let event = try incident.event(for: command, at: at(n + 1))
            try journal.append(event)
            try incident.apply(event)
        }
    }

    /// A journal of `count` events, closed; returns its path and the live incident.
    func makeJournal(_ dir: TempDir, events count: Int, seed: UInt64 = 1) throws -> (String, Incident) {
        let path = dir.file("20261124-210000.jsonl")
        var (incident, first) = Incident.open(id: "20261124-210000", playbook: playbook, at: t0)
        let journal = try Journal.create(path: path, first: first)
        var rng = SplitMix(seed: seed)
        try record(count - 1, into: &incident, journal, rng: &rng)
        journal.close()
        return (path, incident)
    }

    func fullReplay(_ path: String) throws -> Incident {
        try Incident.replay(try Journal.read(path: path), id: "20261124-210000")
    }

    func open(_ path: String) throws -> (Journal, Incident) {
        let (journal, result, recovery) = try Journal.openIncident(path: path, id: "20261124-210000")
        #expect(recovery == nil)
        return (journal, try result.get())
    }

    @Test func aLongReplayLeavesACheckpointAndTheNextOpenUsesIt() throws {
        let dir = TempDir()
        let (path, live) = try makeJournal(dir, events: 1500)
        let checkpointPath = Checkpoint.path(forJournal: path)
        #expect(!FileManager.default.fileExists(atPath: checkpointPath))

        let (first, replayed) = try open(path)
        first.close()
        #expect(replayed == live)
        let checkpoint = try #require(Checkpoint.read(path: checkpointPath))
        #expect(checkpoint.events == 1500)
        #expect(mode(checkpointPath) == 0o600)

        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(checkpoint.matches(data, lineStarts: Journal.split(data).lineStarts))
        let (second, resumed) = try open(path)
        second.close()
        #expect(resumed == live)
        #expect(resumed.events.last == live.events.last)
        #expect(resumed.events[700] == live.events[700], "events before the checkpoint decode on demand")
    }

    @Test func eventsAfterTheCheckpointAreReplayedOnTopOfIt() throws {
        let dir = TempDir()
        let (path, _) = try makeJournal(dir, events: 1200, seed: 2)
        let (journal, opened) = try open(path)    // writes the checkpoint at 1200
        var incident = opened
        var rng = SplitMix(seed: 3)
        // Start with an undo, which takes back an event only the checkpoint's bytes hold.
        try record(300, into: &incident, journal, rng: &rng, from: 2000, firstUndo: true)
        #expect(incident.events[1200].kind == .undo)
        journal.close()

        let (again, resumed) = try open(path)
        again.close()
        #expect(Checkpoint.read(path: Checkpoint.path(forJournal: path)).map(\.events) == 1200)
        #expect(resumed == incident)
        #expect(resumed == (try fullReplay(path)))
    }

    @Test func quittingSavesACheckpointOfEverything() throws {
        let dir = TempDir()
        let (path, _) = try makeJournal(dir, events: 1100, seed: 4)
        let (journal, opened) = try open(path)
        var incident = opened
        var rng = SplitMix(seed: 5)
        try record(50, into: &incident, journal, rng: &rng, from: 3000)
        journal.saveCheckpoint(of: incident)
        journal.close()
        #expect(Checkpoint.read(path: Checkpoint.path(forJournal: path)).map(\.events) == 1150)
        let (again, resumed) = try open(path)
        again.close()
        #expect(resumed == incident)
    }

    @Test func aShortIncidentGetsNoCheckpoint() throws {
        let dir = TempDir()
        let (path, live) = try makeJournal(dir, events: 40)
        let (journal, opened) = try open(path)
        journal.saveCheckpoint(of: opened)
        journal.close()
        #expect(opened == live)
        #expect(dir.names == ["20261124-210000.jsonl"])
    }

    @Test func anEditedJournalIsReplayedInFullNotTakenFromTheCheckpoint() throws {
        let dir = TempDir()
        let (path, _) = try makeJournal(dir, events: 1100, seed: 6)
        let (journal, _) = try open(path)
        journal.close()
        // Change one note's text in place, same length: the checkpoint's hash no longer holds.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: "备注"))
        text.replaceSubrange(range, with: "编辑")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let (again, resumed) = try open(path)
        again.close()
        #expect(resumed == (try fullReplay(path)))
        #expect(resumed.events.contains { $0.note?.contains("编辑") == true })
    }

    @Test func aDamagedOrForeignCheckpointIsIgnored() throws {
        let dir = TempDir()
        let (path, _) = try makeJournal(dir, events: 1100, seed: 7)
        let (journal, _) = try open(path)
        journal.close()
        let checkpointPath = Checkpoint.path(forJournal: path)
        let good = try #require(FileManager.default.contents(atPath: checkpointPath))
        let truth = try fullReplay(path)
        var rng = SplitMix(seed: 8)
        for n in 0..<60 {
            var bytes = [UInt8](good)
            if n % 3 == 0 {
                bytes.removeSubrange(Int(rng.next() % UInt64(bytes.count))...)
            } else {
                bytes[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(1) << UInt8(rng.next() % 8)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: checkpointPath))
            #expect(Checkpoint.read(path: checkpointPath) == nil, "damage \(n) went unnoticed")
            let (j, resumed) = try open(path)
            j.close()
            #expect(resumed == truth)
        }

        // Another incident's checkpoint, whole and valid, beside this journal.
        let other = TempDir()
        let (otherPath, _) = try makeJournal(other, events: 1100, seed: 9)
        let (o, _) = try open(otherPath)
        o.close()
        try FileManager.default.removeItem(atPath: checkpointPath)
        try FileManager.default.copyItem(atPath: Checkpoint.path(forJournal: otherPath), toPath: checkpointPath)
        let (j, resumed) = try open(path)
        j.close()
        #expect(resumed == truth)
    }

    @Test func aJournalCutBackBelowItsCheckpointIsReplayedInFull() throws {
        let dir = TempDir()
        let (path, _) = try makeJournal(dir, events: 1100, seed: 10)
        let (journal, _) = try open(path)
        journal.close()
        let data = try #require(FileManager.default.contents(atPath: path))
        let starts = Journal.split(data).lineStarts
        try data.prefix(starts[1050]).write(to: URL(fileURLWithPath: path))
        let (again, resumed) = try open(path)
        again.close()
        #expect(resumed.events.count == 1050)
        #expect(resumed == (try fullReplay(path)))
    }

    @Test func readingWithoutTheLockUsesTheCheckpointTooAndChangesNothing() throws {
        let dir = TempDir()
        let (path, live) = try makeJournal(dir, events: 1200, seed: 14)
        #expect(try Journal.readIncident(path: path, id: "20261124-210000").get() == live, "no checkpoint yet")
        #expect(dir.names == ["20261124-210000.jsonl"], "reading writes no checkpoint")
        let (journal, _) = try open(path)
        journal.close()
        #expect(try Journal.readIncident(path: path, id: "20261124-210000").get() == live, "from the checkpoint")

        // A torn last line, as a crash mid-write leaves it: left out, and the file left alone.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"at":"2026-11-24T23:00:00.000+08:00","kind":"no"#.utf8))
        try handle.close()
        let before = try #require(FileManager.default.contents(atPath: path))
        #expect(try Journal.readIncident(path: path, id: "20261124-210000").get() == live)
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func aJournalRewrittenDuringTheSessionGetsNoCheckpointOnQuitting() throws {
        let dir = TempDir()
        let (path, _) = try makeJournal(dir, events: 1100, seed: 15)
        let (journal, opened) = try open(path)
        try FileManager.default.removeItem(atPath: Checkpoint.path(forJournal: path))
        var incident = opened
        var rng = SplitMix(seed: 16)
        try record(5, into: &incident, journal, rng: &rng, from: 4000)
        // Something else rewrites the file in place, same length, same line count.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text.replaceSubrange(try #require(text.range(of: "备注")), with: "ABCDEF")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data(text.utf8))
        try handle.close()
        journal.saveCheckpoint(of: incident)
        journal.close()
        #expect(!FileManager.default.fileExists(atPath: Checkpoint.path(forJournal: path)),
                "the state in memory no longer describes the file")
        let (again, resumed) = try open(path)
        again.close()
        #expect(resumed == (try fullReplay(path)))
    }

    @Test func aCheckpointWhoseUndoStackPointsOutsideItsEventsIsRefused() throws {
        let dir = TempDir()
        let (path, live) = try makeJournal(dir, events: 1100, seed: 17)
        let data = try #require(FileManager.default.contents(atPath: path))
        let covers = ContentHash.of(data)
        for stack in [[5_000_000], [0], [1], [30, 20], [1101]] {
            // Well formed, with a valid body hash and the right journal hash: only its meaning is wrong.
            var forged = live.checkpoint(bytes: data.count, journalHash: covers)
            forged.undoStack = stack
            forged.write(to: Checkpoint.path(forJournal: path))
            #expect(Checkpoint.read(path: Checkpoint.path(forJournal: path)) == nil, "\(stack)")
            let (journal, resumed) = try open(path)
            journal.close()
            #expect(resumed == live)
            _ = resumed.lastUndoableEvent
        }
    }

    @Test func temporaryFilesAreNeverReusedAndStaleOnesAreCleared() throws {
        let dir = TempDir()
        #expect(AtomicFile.temporaryPath(for: dir.file("a")) != AtomicFile.temporaryPath(for: dir.file("a")))
        let stale = AtomicFile.temporaryPath(for: dir.file("x.checkpoint"))
        let fresh = AtomicFile.temporaryPath(for: dir.file("y.checkpoint"))
        for path in [stale, fresh] { try Data("partial".utf8).write(to: URL(fileURLWithPath: path)) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: stale)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: dir.file(".hidden")))
        AtomicFile.removeStaleTemporaries(in: dir.path)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh), "a write in progress is left alone")
        #expect(FileManager.default.fileExists(atPath: dir.file(".hidden")), "only our temporary files")
    }
}
