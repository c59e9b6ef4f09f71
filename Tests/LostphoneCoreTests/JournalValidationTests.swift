import Foundation
import Testing
@testable import LostphoneCore

/// What a journal may hold, as docs/journal-format.md says: shapes the program never writes are
/// refused with the event's number, and the file is left as it is.
@Suite struct JournalValidationTests {
    let playbook = PlaybookLoader.builtin()

    /// `opened`, the SIM step done, and `resolved`, as the program writes them.
    func resolvedIncident() throws -> [Event] {
        var (incident, first) = Incident.open(id: "v", playbook: playbook, at: t0)
        _ = first
        for (n, command) in [IncidentCommand.move("sim", to: .done, provider: "china-mobile"), .resolve].enumerated() {
            try incident.apply(incident.event(for: command, at: at(n + 1)))
        }
        return Array(incident.events)
    }

    @Test func anEventAfterResolvedIsRefused() throws {
        var events = try resolvedIncident()
        events.append(Event(seq: 4, at: at(10), .move(.init(step: "bank", from: .pending, to: .done, provider: "icbc"))))
        #expect { try Incident.replay(events) } throws: { ($0 as? IncidentError)?.message.contains("event 4: nothing may follow `resolved`") == true }
    }

    @Test(arguments: ["1970-01-01T00:00:00.000Z", "2099-06-01T12:00:00.000+08:00", "2026-11-22T21:00:00.000+08:00"])
    func aTimeFarFromTheIncidentIsRefused(time: String) throws {
        var events = try resolvedIncident().dropLast().map { $0 }
        events[1].at = try #require(Timestamp(parsing: time))
        #expect { try Incident.replay(events) } throws: { ($0 as? IncidentError)?.message.hasPrefix("event 2: its time \(time)") == true }
    }

    @Test func aClockSetBackByMinutesIsStillAccepted() throws {
        var events = try resolvedIncident()
        events[1].at = at(-600)
        #expect(try Incident.replay(events).record("sim").state == .done)
    }

    @Test func aLostAtTimeDecadesAwayIsRefusedByTheStateMachineAndAtReplay() throws {
        let (incident, _) = Incident.open(id: "v", playbook: playbook, at: t0)
        let ancient = try #require(Timestamp(parsing: "1970-01-01T08:00:00.000+08:00"))
        #expect(throws: IncidentError.self) { try incident.event(for: .details(lostAt: ancient, device: DeviceDetails()), at: at(1)) }
        let yesterday = at(-86_400)
        #expect(try incident.event(for: .details(lostAt: yesterday, device: DeviceDetails()), at: at(1)).lostAt == yesterday)
        var events = Array(incident.events)
        events.append(Event(seq: 2, at: at(1), .details(.init(lostAt: ancient))))
        #expect(throws: IncidentError.self) { try Incident.replay(events) }
    }

    @Test func aKeyTwiceInOneEventIsRefusedAtItsLine() throws {
        let dir = TempDir()
        let path = dir.file("j.jsonl")
        let lines = [
            #"{"at":"2026-11-24T21:00:00.000+08:00","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#,
            #"{"at":"2026-11-24T21:04:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":2,"step":"sim","to":"done","to":"skipped"}"#,
        ]
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        try data.write(to: URL(fileURLWithPath: path))
        #expect { try Journal.read(path: path) } throws: { error in
            guard let e = error as? JournalError else { return false }
            return e.line == 2 && e.message.contains("\"to\" appears twice")
        }
        #expect(throws: JournalError.self) { try Journal.open(path: path) }
        #expect(FileManager.default.contents(atPath: path) == data)
    }

    @Test(arguments: [
        (#"{"a":1,"b":{"a":2},"c":["a","a"]}"#, nil),
        (#"{"seq":1,"se\u0071":2}"#, "seq"),
        (#"{ "note" : "x\"y" , "note":"z"}"#, "note"),
        (#"{"note":"\"note\":1,"}"#, nil),
    ] as [(String, String?)])
    func duplicateKeysAreFoundAtTheTopLevelOnly(json: String, duplicate: String?) {
        #expect(DuplicateKeys.first(in: Data(json.utf8)[...]) == duplicate)
    }

    @Test(arguments: ["a\u{202E}b", "tab\there", "c1\u{9B}31m", "zero\u{200B}width", "line\nbreak"])
    func aNoteWithInvisibleOrControlCharactersIsRefused(note: String) {
        let (incident, _) = Incident.open(id: "v", playbook: playbook, at: t0)
        #expect(throws: IncidentError.self) { try incident.event(for: .note("sim", note, provider: nil), at: at(1)) }
    }

    @Test(arguments: ["受理号 A1", "👨‍👩‍👧 family plan", "❤️ 👍🏽", "Ref: 95588-0042"])
    func anOrdinaryNoteIsAccepted(note: String) throws {
        let (incident, _) = Incident.open(id: "v", playbook: playbook, at: t0)
        #expect(try incident.event(for: .note("sim", note, provider: nil), at: at(1)).note == note)
    }
}
