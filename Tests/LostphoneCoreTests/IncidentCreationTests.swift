import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import LostphoneCore

/// An incident is created whole or not at all (#30): the opening and the prepared events in one
/// file, locked before it is linked into place; a half-made one of an earlier version is named.
@Suite struct IncidentCreationTests {
    let playbook = PlaybookLoader.builtin()

    func profile() -> Profile {
        var p = Profile(device: DeviceDetails(model: "iPhone 15", imei: "490154203237518"))
        p.set("bank", "icbc", ticked: true)
        p.set("bank", "cmb", ticked: true)
        p.set("carrier", "china-unicom", ticked: true)
        p.tips["tip-1"] = Timestamp(parsing: "2026-10-01T09:00:00.000+08:00")!
        return p
    }

    /// The opening event and the profile's events, numbered, with the count in `opened`.
    func preparedStart(id: String = "20261124-210000") -> [Event] {
        var (incident, first) = Incident.open(id: id, playbook: playbook, at: t0)
        let prepared = profile().openingEvents(for: incident, playbook: playbook, language: .en)
        if case .opened(var opened) = first.payload {
            opened.preparedEvents = prepared.count
            first.payload = .opened(opened)
        }
        incident = (try? Incident.replay([first] + prepared, id: id)) ?? incident
        return [first] + prepared
    }

    @Test func createWritesTheOpeningAndEveryPreparedEventAsOneFile() throws {
        let dir = TempDir()
        let events = preparedStart()
        #expect(events.count > 5)
        let journal = try Journal.create(path: dir.file("20261124-210000.jsonl"), events: events)
        defer { journal.close() }
        #expect(try Journal.read(path: dir.file("20261124-210000.jsonl")) == events)
        #expect(dir.names == ["20261124-210000.jsonl"], "nothing beside it: \(dir.names)")
    }

    @Test func aJournalIsLockedBeforeAnyoneCanOpenIt() throws {
        let dir = TempDir()
        let path = dir.file("20261124-210000.jsonl")
        let journal = try Journal.create(path: path, events: preparedStart())
        defer { journal.close() }
        // Another open file description of the same file: its lock conflicts at once.
        let other = open(path, O_RDONLY)
        defer { close(other) }
        #expect(flock(other, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
    }

    @Test func aFailedCreateLeavesNothingBehind() throws {
        let dir = TempDir()
        let path = dir.file("20261124-210000.jsonl")
        try Journal.create(path: path, events: preparedStart()).close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: JournalError.self) { try Journal.create(path: path, events: preparedStart()) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(dir.names == ["20261124-210000.jsonl"])
    }

    @Test func theStoreLockSerializesCreation() throws {
        let dir = TempDir()
        let store = IncidentStore(directory: dir.file("state"))
        try store.prepare()
        let holder = open(store.directory, O_RDONLY | O_DIRECTORY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        let entered = ManagedFlag()
        let thread = Thread {
            _ = try? store.whileLocked { entered.set() }
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!entered.value, "whileLocked ran while another held the directory's lock")
        flock(holder, LOCK_UN)
        for _ in 0..<100 where !entered.value { Thread.sleep(forTimeInterval: 0.02) }
        #expect(entered.value)
    }

    // MARK: half made

    @Test func aJournalHoldingFewerPreparedEventsThanItsOpeningSaysIsHalfMade() throws {
        let events = preparedStart()
        let incident = try Incident.replay(events.prefix(3), id: "i")
        #expect(HalfMadeIncident.find(in: incident, expected: nil) == HalfMadeIncident(present: 2, expected: events.count - 1))
        #expect(HalfMadeIncident.find(in: try Incident.replay(events, id: "i"), expected: nil) == nil)
    }

    @Test func anEarlierVersionsHalfMadeStartIsFoundAgainstTheProfile() throws {
        var events = preparedStart()
        guard case .opened(var opened) = events[0].payload else { Issue.record("not opened: \(events[0].kind)"); return }
        opened.preparedEvents = nil
        events[0].payload = .opened(opened)
        let expected = Array(events.dropFirst())
        let cut = try Incident.replay(events.prefix(4), id: "i")
        #expect(HalfMadeIncident.find(in: cut, expected: expected) == HalfMadeIncident(present: 3, expected: expected.count))
        // Whole, or prepared from another profile, or not prepared at all: nothing said.
        #expect(HalfMadeIncident.find(in: try Incident.replay(events, id: "i"), expected: expected) == nil)
        #expect(HalfMadeIncident.find(in: try Incident.replay(events.prefix(1), id: "i"), expected: expected) == nil)
        #expect(HalfMadeIncident.find(in: cut, expected: Array(expected.reversed())) == nil)
    }
}

/// A flag one thread sets and another reads.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
    func set() { lock.lock(); flag = true; lock.unlock() }
}
