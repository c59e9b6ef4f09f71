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

    /// The byte search a start uses instead of `Data.range(of:)` finds what it finds: the mark
    /// at either end, across a near miss, in random bytes, and not in a tail shorter than it.
    @Test func theTailSearchFindsWhatDataRangeFinds() {
        let mark = #""kind":"resolved""#
        var samples = ["", "\"kind\"", mark, "x" + mark, mark + "\n", "\"kind\":\"resolve" + mark, "\"kind\":\"resolveD\""]
        var generator = SystemRandomNumberGenerator()
        let pieces = ["\"", "kind", ":", "resolved", "x", "\n", "{", "}"]
        for _ in 0..<2_000 {
            samples.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for sample in samples {
            let data = Data(sample.utf8)
            #expect(IncidentStore.contains(data, mark) == (data.range(of: Data(mark.utf8)) != nil), "\(sample)")
        }
    }

    /// The incident id is the journal's file name without `.jsonl`, as `URL` gave it.
    @Test func theIdIsTheFileNameAsURLGaveIt() {
        for path in ["/a/b/20261124-210000.jsonl", "20261124-210000.jsonl", "./x/20261124-210000-2.jsonl", "/20261124-210000.jsonl"] {
            #expect(IncidentSession.id(of: path) == String(URL(fileURLWithPath: path).lastPathComponent.dropLast(".jsonl".count)))
        }
    }
}
