import Foundation
import Testing
@testable import LostphoneCore

/// `Event` is typed (a payload per kind) but its journal line is the flat JSON object lostphone
/// has always written: old journals replay, and every line is byte for byte what main wrote
/// before the change (b114fc9), whose `Event` was one struct of optionals with synthesized coding.
@Suite struct EventJSONCompatibilityTests {
    /// main's `Event` at b114fc9, field for field, with the synthesized coding it had.
    struct MainEvent: Codable, Equatable {
        var seq: Int
        var at: Timestamp
        var kind: EventKind
        var step: StepID?
        var from: StepState?
        var to: StepState?
        var provider: ProviderID?
        var note: String?
        var happenedAt: Timestamp?
        var mine: Bool?
        var previousProvider: ProviderID?
        var previousNote: String?
        var undoes: Int?
        var prepared: Bool?
        var due: Timestamp?
        var closes: String?
        var journalVersion: Int?
        var preparedEvents: Int?
        var playbook: String?
        var playbookVersion: Int?
        var lostAt: Timestamp?
        var deviceModel: String?
        var imei: String?
        var lostNumber: String?
        var owner: String?
        var insurer: String?
        var policy: String?
        var claimWithin: String?

        /// The flat event main would have held for `event`, read through its accessors.
        init(_ event: Event) {
            seq = event.seq
            at = event.at
            kind = event.kind
            step = event.step
            from = event.from
            to = event.to
            provider = event.provider
            note = event.note
            happenedAt = event.happenedAt
            mine = event.mine
            previousProvider = event.previousProvider
            previousNote = event.previousNote
            undoes = event.undoes
            prepared = event.prepared
            due = event.due
            closes = event.closes
            journalVersion = event.journalVersion
            preparedEvents = event.preparedEvents
            playbook = event.playbook
            playbookVersion = event.playbookVersion
            lostAt = event.lostAt
            deviceModel = event.deviceModel
            imei = event.imei
            lostNumber = event.lostNumber
            owner = event.owner
            insurer = event.insurer
            policy = event.policy
            claimWithin = event.claimWithin
        }
    }

    static func mainBytes(_ line: Data) throws -> Data {
        try encoder().encode(JSONDecoder().decode(MainEvent.self, from: line))
    }

    /// The line main wrote for `event`.
    static func mainBytes(_ event: Event) throws -> Data { try encoder().encode(MainEvent(event)) }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func fixtureLines() throws -> [(file: String, line: Data)] {
        let folder = repoRoot.appendingPathComponent("Tests/LostphoneCoreTests/Fixtures/journals").path
        var lines: [(String, Data)] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where file.hasSuffix(".jsonl") {
            let data = try #require(FileManager.default.contents(atPath: folder + "/" + file))
            lines += data.split(separator: 0x0A).map { (file, Data($0)) }
        }
        return lines
    }

    @Test func everyFixtureLineIsWrittenBackAsMainWroteIt() throws {
        let lines = try Self.fixtureLines()
        #expect(lines.count > 5)
        for (file, line) in lines {
            let event = try Journal.decode(line[...], path: file, number: 1)
            let written = Journal.encode(event).dropLast()
            #expect(written == (try Self.mainBytes(line)), "\(file): \(String(decoding: line, as: UTF8.self))")
            #expect(written == (try Self.mainBytes(event)), "\(file): \(String(decoding: line, as: UTF8.self))")
            // lostphone wrote these lines: they come back as they are on disk.
            #expect(written == line, "\(file): \(String(decoding: written, as: UTF8.self))")
        }
    }

    @Test func theOldJournalsReplay() throws {
        let folder = repoRoot.appendingPathComponent("Tests/LostphoneCoreTests/Fixtures/journals").path
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".jsonl") {
            let events = try Journal.read(path: folder + "/" + file)
            let incident = try Incident.replay(events, id: "fixture")
            #expect(incident.events.count == events.count, "\(file)")
        }
    }

    @Test func everyLineTheCodeWritesIsWhatMainWrote() throws {
        for (event, line) in zip(EventLineTests.events, EventLineTests.written) {
            #expect(line == (try Self.mainBytes(event)), "\(String(decoding: line, as: UTF8.self))")
            #expect(line == (try Self.mainBytes(line)), "\(String(decoding: line, as: UTF8.self))")
            let event = try Journal.decode(line[...], path: "j", number: 1)
            #expect(Journal.encode(event).dropLast() == line)
        }
        // A whole incident as the state machine records it: moves, notes, a blocked move's date.
        for event in try sampleIncident().events {
            let line = Journal.encode(event).dropLast()
            #expect(line == (try Self.mainBytes(event)), "\(String(decoding: line, as: UTF8.self))")
            #expect(line == (try Self.mainBytes(Data(line))), "\(String(decoding: line, as: UTF8.self))")
            #expect(try Journal.decode(line, path: "j", number: event.seq) == event)
        }
    }

    /// A line whose fields make no event of its kind is refused when read, naming its line, by
    /// both readers; keys of other kinds are ignored as they always were.
    @Test func aLineWithoutItsKindsFieldsIsRefusedWithItsLine() throws {
        let at = #""at":"2026-11-24T21:01:00.000+08:00""#
        let refused = [
            (#"{\#(at),"from":"pending","kind":"move","seq":2,"step":"sim"}"#, "a move needs step, from and to"),
            (#"{\#(at),"kind":"note","note":"x","seq":2}"#, "a note needs a step"),
            (#"{\#(at),"kind":"mine","mine":true,"seq":2,"step":"bank"}"#, "`mine` needs a step and a provider"),
            (#"{\#(at),"kind":"noneOfMine","seq":2}"#, "`noneOfMine` needs a step"),
            (#"{\#(at),"kind":"undo","seq":2,"step":"sim"}"#, "an undo needs a step and the event it undoes"),
            (#"{\#(at),"due":"2026-11-25T21:01:00.000+08:00","from":"pending","kind":"move","seq":2,"step":"sim","to":"done"}"#,
             "only a note or a move to blocked carries a due time"),
            (#"{\#(at),"closes":"e2","kind":"mine","mine":true,"provider":"icbc","seq":2,"step":"bank"}"#, "only a note closes a follow-up"),
        ]
        for (text, reason) in refused {
            let line = Data(text.utf8)
            #expect(EventLine.decode(line) == nil, "\(text)")
            #expect { try Journal.decode(line[...], path: "j.jsonl", number: 7) } throws: { error in
                guard let error = error as? JournalError else { return false }
                return error.line == 7 && error.description.contains(reason)
            }
        }
        // A key of another kind is ignored, as it always was: the move is read without it.
        let stray = Data(#"{\#(at),"from":"pending","kind":"move","lostAt":"2026-11-24T20:00:00.000+08:00","seq":2,"step":"sim","to":"done"}"#.utf8)
        let event = try Journal.decode(stray[...], path: "j", number: 2)
        #expect(event.payload == .move(.init(step: "sim", from: .pending, to: .done)))
        #expect(EventLine.decode(stray) == event)
    }
}
