import Foundation
import Testing
@testable import LostphoneCore

/// A fresh directory per test, removed afterwards.
final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "lostphone-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}

func mode(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
}

@Suite struct JournalTests {
    let playbook = PlaybookLoader.builtin()

    /// A journal with `opened` and two moves; returns its path and events.
    func makeJournal(_ dir: TempDir) throws -> (String, [Event]) {
        let path = dir.file("i.jsonl")
        var (incident, first) = Incident.open(id: "i", playbook: playbook, at: t0)
        let journal = try Journal.create(path: path, first: first)
        for (n, command) in [IncidentCommand.move("sim", to: .done, provider: "china-mobile"), .note("sim", "受理号 A1", provider: "china-mobile")].enumerated() {
            let e = try incident.event(for: command, at: at(n + 1))
            try journal.append(e)
            try incident.apply(e)
        }
        journal.close()
        return (path, Array(incident.events))
    }

    @Test func eventsRoundTripThroughTheFile() throws {
        let dir = TempDir()
        let (path, events) = try makeJournal(dir)
        let (journal, read, recovery) = try Journal.open(path: path)
        defer { journal.close() }
        #expect(read == events)
        #expect(recovery == nil)
        #expect(mode(path) == 0o600)
    }

    @Test func aSecondOpenIsRefusedWhileTheFirstHoldsTheLock() throws {
        let dir = TempDir()
        let (path, _) = try makeJournal(dir)
        let (first, _, _) = try Journal.open(path: path)
        defer { first.close() }
        #expect {
            _ = try Journal.open(path: path)
        } throws: { error in
            (error as? JournalError)?.message.contains("already recording") == true
        }
    }

    @Test func aTornLastLineIsCutBackAndTheOriginalKept() throws {
        let dir = TempDir()
        let (path, events) = try makeJournal(dir)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let torn = original + Data(#"{"at":"2026-11-24T21:00:09.000+08:00","kind":"mo"#.utf8)
        try torn.write(to: URL(fileURLWithPath: path))
        let (journal, read, recovery) = try Journal.open(path: path)
        journal.close()
        #expect(read == events)
        let r = try #require(recovery)
        #expect(r.message.contains("cut off"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
        #expect(try Data(contentsOf: URL(fileURLWithPath: r.backupPath)) == torn)
        #expect(mode(r.backupPath) == 0o600)
    }

    /// A reader that may not repair says how much of a cut-off last line it left out, and
    /// changes nothing; a line another process is writing under the journal's lock is read
    /// once it is whole, not called a crash's.
    @Test func aReaderNotesACutOffLineAndWaitsForOneBeingWritten() throws {
        let dir = TempDir()
        let (path, events) = try makeJournal(dir)
        let incident = try Incident.replay(events, id: "i")
        let next = try incident.event(for: .note("sim", "ref 9", provider: "china-mobile"), at: at(5))
        let line = Journal.encode(next)
        let (firstHalf, secondHalf) = (line.prefix(line.count / 2), line.dropFirst(line.count / 2))
        @Sendable func append(_ bytes: Data) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes)
        }

        // A writer holds the lock and is half-way through its line.
        let (writer, _, _) = try Journal.open(path: path)
        try append(firstHalf)
        let rest = Thread { Thread.sleep(forTimeInterval: 0.2); try? append(secondHalf) }
        rest.start()
        let whole = try Journal.readNotingTear(path: path)
        #expect(whole.events == events + [next] && whole.tornBytes == 0, "\(whole.tornBytes) bytes called cut off")
        writer.close()

        // No writer: the half line a crash left is noted, and the file stays as it is.
        try append(firstHalf)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let torn = try Journal.readNotingTear(path: path)
        #expect(torn.events == events + [next] && torn.tornBytes == firstHalf.count)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before && dir.names == ["i.jsonl"])
        let (_, notice) = try Journal.readIncidentNotingTear(path: path, id: "i")
        #expect(notice == .tornLineLeftOut(path: path, bytes: firstHalf.count))
        #expect(notice?.text(in: .zh).contains("截断") == true && notice?.text(in: .en).contains("left out") == true)
    }

    @Test func aWholeLastEventWithoutItsNewlineIsKept() throws {
        let dir = TempDir()
        let (path, events) = try makeJournal(dir)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data.removeLast()
        try data.write(to: URL(fileURLWithPath: path))
        let (journal, read, recovery) = try Journal.open(path: path)
        journal.close()
        #expect(read == events)
        #expect(recovery != nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).last == 0x0A)
    }

    @Test func damageInTheMiddleStopsWithFileAndLineAndLeavesTheFileUntouched() throws {
        let dir = TempDir()
        let (path, _) = try makeJournal(dir)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = "{\"seq\": \"two\"}"
        let damaged = lines.joined(separator: "\n") + "\n"
        try damaged.write(toFile: path, atomically: false, encoding: .utf8)
        #expect {
            _ = try Journal.open(path: path)
        } throws: { error in
            guard let e = error as? JournalError else { return false }
            return e.line == 2 && e.description.hasPrefix(path + ":2: ")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == damaged)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["i.jsonl"], "no copy for non-tail damage")
    }

    @Test func createNeverReplacesAnExistingJournal() throws {
        let dir = TempDir()
        let (path, _) = try makeJournal(dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let (_, first) = Incident.open(id: "i", playbook: playbook, at: t0)
        #expect(throws: JournalError.self) { try Journal.create(path: path, first: first) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func readDoesNotNeedTheLock() throws {
        let dir = TempDir()
        let (path, events) = try makeJournal(dir)
        let (holder, _, _) = try Journal.open(path: path)
        defer { holder.close() }
        #expect(try Journal.read(path: path) == events)
    }

    @Test func theStoreDirectoryIsPrivateAndListsNewestFirst() throws {
        let dir = TempDir()
        let store = IncidentStore(directory: dir.file("state/lostphone"))
        try store.prepare()
        #expect(mode(store.directory) == 0o700)
        for id in ["20261124-210000", "20261125-080000"] {
            let (_, first) = Incident.open(id: id, playbook: playbook, at: t0)
            try Journal.create(path: store.path(for: id), first: first).close()
        }
        #expect(store.list().map(\.id) == ["20261125-080000", "20261124-210000"])
        #expect(store.latestOpen() == store.path(for: "20261125-080000"))
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(IncidentStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]) == "/x/state/lostphone")
        #expect(IncidentStore.defaultDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/lostphone")
        #expect(IncidentStore.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.local/state/lostphone")
    }
}
