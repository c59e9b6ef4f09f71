import Foundation
import Testing
@testable import LostphoneCore

@Suite struct IncidentStoreTests {
    @Test func aLongJournalEndingResolvedIsNotReopenedAndANoteQuotingTheMarkDoesNotCount() throws {
        let dir = TempDir()
        let store = IncidentStore(directory: dir.path)
        var (incident, first) = Incident.open(id: "20261124-210000", playbook: PlaybookLoader.builtin(), at: t0)
        let journal = try Journal.create(path: store.path(for: "20261124-210000"), first: first)
        func record(_ command: IncidentCommand, _ n: Int) throws {
            let event = try incident.event(for: command, at: at(n))
            try journal.append(event)
            try incident.apply(event)
        }
        // Over 64 KiB of notes, one quoting the mark itself (JSON escapes its quotes).
        for n in 1...700 { try record(.note("sim", #"ref \#(n) "kind":"resolved" "#, provider: nil), n) }
        #expect(FileManager.default.contents(atPath: store.path(for: "20261124-210000"))!.count > 64 * 1024)
        #expect(store.latestOpen() == store.path(for: "20261124-210000"))
        try record(.resolve, 701)
        journal.close()
        #expect(store.latestOpen() == nil)
    }

    @Test func aSecondIncidentInTheSameSecondGetsItsOwnIdAndIsTheNewest() throws {
        let dir = TempDir()
        let store = IncidentStore(directory: dir.path)
        let playbook = PlaybookLoader.builtin()
        var ids: [String] = []
        for _ in 0..<3 {
            let id = store.newID(at: t0)
            let (_, first) = Incident.open(id: id, playbook: playbook, at: t0)
            try Journal.create(path: store.path(for: id), first: first).close()
            ids.append(id)
        }
        #expect(ids == ["20261124-210000", "20261124-210000-2", "20261124-210000-3"])
        #expect(store.list().map(\.id) == ids.reversed())
        #expect(store.latestOpen() == store.path(for: "20261124-210000-3"))
    }

    @Test func incidentsSortByStartTimeThenByTheirNumber() {
        #expect(IncidentStore.isNewer("20261125-080000", than: "20261124-210000-9"))
        #expect(IncidentStore.isNewer("20261124-210000-10", than: "20261124-210000-9"))
        #expect(!IncidentStore.isNewer("20261124-210000", than: "20261124-210000-2"))
    }
}
