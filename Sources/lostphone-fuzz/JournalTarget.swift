import Foundation
import LostphoneCore

/// `Journal.read`, `Journal.open` and `Incident.replay` on mutations of journals written by
/// `Journal` itself. The rules:
///
/// - reading and opening either return events or throw a `JournalError` with a message and a
///   line at most the file's line count + 1;
/// - `Journal.open` never changes a file it throws on; what it returns starts with what
///   `Journal.read` returned; a file it repaired keeps a byte-for-byte copy of the original at
///   the backup path, and is the original's whole lines;
/// - `Incident.replay` either returns an incident or throws an `IncidentError` with a message
///   free of control characters; an incident it returns is also what `Journal.readIncident`
///   and `Journal.openIncident` give;
/// - a line the direct reader (`EventLine`) reads is one JSONDecoder reads to the same event.
final class JournalTarget: FuzzTarget {
    let directory: String
    let path: String
    let seeds: [Seed]
    let tokens = jsonTokens
    let sizeLimit = 4 * 1024 * 1024
    private let manager = FileManager.default

    /// Works in `directory`, which it empties before and after each input.
    init(directory: String) {
        self.directory = directory
        path = directory + "/fuzz.jsonl"
        seeds = Self.builtinSeeds(in: directory)
    }

    /// Journals of the built-in playbook written by `Journal` itself: empty, one move, and every
    /// kind of event (a note with quotes, a backslash and CJK; undos; a resolve).
    static func builtinSeeds(in directory: String) -> [Seed] {
        let playbook = PlaybookLoader.builtin()
        let start = Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!
        func time(_ seconds: Int) -> Timestamp {
            Timestamp(start.date.addingTimeInterval(TimeInterval(seconds)), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        }
        let scripts: [[IncidentCommand]] = [
            [],
            [.move("sim", to: .done, provider: "china-mobile")],
            [
                .details(lostAt: time(-1800), device: DeviceDetails(model: "iPhone 15 \"Pro\"", imei: "356938035643809")),
                .move("sim", to: .inProgress, provider: "china-mobile"),
                .note("sim", "受理号 A1 — agent 王 \"B-7\" \\ 第二行", provider: "china-mobile"),
                .move("sim", to: .done, provider: "china-mobile"),
                .move("bank", to: .blocked, provider: "icbc"),
                .undo,
                .move("bank", to: .skipped, provider: nil),
                .mine("bank", "cmb", true),
                .move("bank", to: .blocked, provider: "cmb", happenedAt: time(-600)),
                .note("wechat", "ref 7", provider: nil),
                .move("police", to: .done, provider: nil),
                .undo,
                .undo,
                .resolve,
            ],
        ]
        var seeds: [Seed] = []
        for (n, script) in scripts.enumerated() {
            let path = directory + "/seed-\(n).jsonl"
            do throws(any Error) {
                var (incident, first) = Incident.open(id: "fuzz", playbook: playbook, at: start)
                let journal = try Journal.create(path: path, first: first)
                for (i, command) in script.enumerated() {
                    let event = try incident.event(for: command, at: time(i + 1))
                    try journal.append(event)
                    try incident.apply(event)
                }
                journal.close()
                seeds.append(Seed(name: "journal-\(n)", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
                try FileManager.default.removeItem(atPath: path)
            } catch {
                FileHandle.standardError.write(Data("lostphone-fuzz: cannot make the seed journal: \(error)\n".utf8))
                exit(2)
            }
        }
        return seeds + shapeSeeds
    }

    /// Journals no lostphone writes, each of a shape the reader must refuse (or, for the old
    /// format, still read): events after `resolved`, times in 1970 and 2099, a key twice in one
    /// event, a note over 4 KiB; and a journal from before provider tracking.
    static var shapeSeeds: [Seed] {
        let opened = #"{"at":"2026-11-24T21:00:00.000+08:00","journalVersion":2,"kind":"opened","playbook":"cn-mainland","playbookVersion":2,"seq":1}"#
        let move = #"{"at":"2026-11-24T21:01:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":2,"step":"sim","to":"done"}"#
        let shapes: [(String, [String])] = [
            ("after-resolved", [opened, #"{"at":"2026-11-24T21:01:00.000+08:00","kind":"resolved","seq":2}"#,
                                #"{"at":"2026-11-24T21:02:00.000+08:00","from":"pending","kind":"move","provider":"icbc","seq":3,"step":"bank","to":"done"}"#]),
            ("in-1970", [opened, move.replacingOccurrences(of: "2026-11-24T21:01", with: "1970-01-01T00:00")]),
            ("in-2099", [opened, move.replacingOccurrences(of: "2026-11-24T21:01", with: "2099-11-24T21:01")]),
            ("duplicate-key", [opened, move.replacingOccurrences(of: #""to":"done"}"#, with: #""to":"done","to":"skipped"}"#)]),
            ("huge-note", [opened, #"{"at":"2026-11-24T21:01:00.000+08:00","kind":"note","note":""# + String(repeating: "备注", count: 3000) + #"","seq":2,"step":"police"}"#]),
            ("before-provider-tracking", [
                #"{"at":"2026-11-24T21:00:00.000+08:00","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#,
                #"{"at":"2026-11-24T21:04:00.000+08:00","from":"pending","kind":"move","provider":"icbc","seq":2,"step":"bank","to":"blocked"}"#,
                #"{"at":"2026-11-24T21:05:00.000+08:00","from":"blocked","kind":"move","previousProvider":"icbc","provider":"boc","seq":3,"step":"bank","to":"done"}"#,
                #"{"at":"2026-11-24T21:06:00.000+08:00","from":"done","kind":"undo","previousProvider":"boc","provider":"icbc","seq":4,"step":"bank","to":"blocked","undoes":3}"#,
            ]),
        ]
        return shapes.map { name, lines in
            Seed(name: "journal-\(name)", bytes: Array((lines.joined(separator: "\n") + "\n").utf8),
                 expected: name == "before-provider-tracking" ? .accepted : .refused)
        }
    }

    func contents() -> [UInt8]? { manager.contents(atPath: path).map(Array.init) }

    /// Empties the work directory (the journal, its lock, any backup a repair left).
    func clean() {
        for name in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] {
            try? manager.removeItem(atPath: directory + "/" + name)
        }
    }

    /// The rules for a journal error: a message free of control characters, a line inside the file.
    func checkError(_ error: JournalError, _ input: [UInt8], _ what: String) throws(Failure) {
        if error.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw Failure(rule: "\(what) threw without a message", detail: error.description)
        }
        if Sanitize.hasControlCharacters(error.message) {
            throw Failure(rule: "\(what) error message holds a control character", detail: Sanitize.visible(error.description))
        }
        if error.line < 0 || error.line > lineCount(input) + 1 {
            throw Failure(rule: "\(what) error line outside the file", detail: "line \(error.line) of \(lineCount(input)): \(error.description)")
        }
    }

    /// What an incident that replayed must hold, as docs/journal-format.md promises: nothing
    /// after `resolved`, every time within the incident's range, no note over 4 KiB.
    func checkAccepted(_ incident: Incident) throws(Failure) {
        if let end = incident.events.firstIndex(where: { $0.kind == .resolved }), end != incident.events.count - 1 {
            throw Failure(rule: "an event after resolved was accepted", detail: "resolved is event \(end + 1) of \(incident.events.count)")
        }
        for e in incident.events {
            if let problem = EventLimits.timeProblem(e.at, opened: incident.startedAt) {
                throw Failure(rule: "a time out of the incident's range was accepted", detail: "event \(e.seq): \(problem)")
            }
            if let note = e.note, note.utf8.count > EventLimits.maxNoteBytes {
                throw Failure(rule: "a note over 4 KiB was accepted", detail: "event \(e.seq): \(note.utf8.count) bytes")
            }
        }
    }

    /// Reading and opening give the incident a full replay of the events gives.
    func checkIncident(_ replayed: Incident) throws(Failure) {
        do {
            if try Journal.readIncident(path: path, id: "fuzz").get() != replayed {
                throw Failure(rule: "Journal.readIncident differs from a full replay", detail: "")
            }
            let (journal, opened, _) = try Journal.openIncident(path: path, id: "fuzz")
            journal.close()
            if (try? opened.get()) != replayed {
                throw Failure(rule: "Journal.openIncident differs from a full replay", detail: "")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(rule: "a journal that replays could not be reopened", detail: Sanitize.visible(String(describing: error)))
        }
    }

    func run(_ input: [UInt8]) throws(Failure) -> Outcome {
        clean()
        defer { clean() }
        // The direct line reader gives what JSONDecoder gives for every line it reads, or nothing.
        for line in input.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let data = Data(line)
            guard let direct = EventLine.decode(data) else { continue }
            guard let decoded = try? JSONDecoder().decode(Event.self, from: data), decoded == direct else {
                throw Failure(rule: "the direct line reader read a line differently from JSONDecoder", detail: Sanitize.visible(String(decoding: data, as: UTF8.self)))
            }
        }
        guard manager.createFile(atPath: path, contents: Data(input), attributes: [.posixPermissions: 0o600]) else {
            FileHandle.standardError.write(Data("lostphone-fuzz: cannot write \(path)\n".utf8))
            exit(2)
        }

        var readEvents: [Event]? = nil
        do throws(JournalError) {
            readEvents = try Journal.read(path: path)
        } catch {
            try checkError(error, input, "Journal.read")
        }

        let opened: (Journal, [Event], JournalRecovery?)
        do throws(JournalError) {
            opened = try Journal.open(path: path)
        } catch {
            try checkError(error, input, "Journal.open")
            let after = contents()
            if after != input {
                throw Failure(rule: "Journal.open changed a file it threw on",
                              detail: "\(error.description) (the file was \(input.count) bytes, is \(after.map { "\($0.count) bytes" } ?? "gone"))")
            }
            return .refused
        }
        let (journal, events, recovery) = opened
        journal.close()

        guard let readEvents else {
            throw Failure(rule: "Journal.open accepted a file Journal.read refused", detail: "\(events.count) events")
        }
        if events.count < readEvents.count || Array(events.prefix(readEvents.count)) != readEvents {
            throw Failure(rule: "Journal.open and Journal.read disagree", detail: "read \(readEvents.count) events, open \(events.count)")
        }
        let after = contents() ?? []
        if let recovery {
            if recovery.message.isEmpty { throw Failure(rule: "journal recovery without a message", detail: "") }
            let backup = manager.contents(atPath: recovery.backupPath).map(Array.init)
            if backup != input {
                throw Failure(rule: "journal backup differs from the original", detail: recovery.message)
            }
            if !(after.count <= input.count + 1 && after.last == 0x0A && (after.count > input.count || input.starts(with: after))) {
                throw Failure(rule: "repaired journal is not the original's whole lines", detail: recovery.message)
            }
        } else {
            if events != readEvents { throw Failure(rule: "Journal.open added events without a recovery", detail: "") }
            if after != input { throw Failure(rule: "Journal.open changed the file without a recovery", detail: "") }
        }

        let replayed: Incident
        do throws(IncidentError) {
            replayed = try Incident.replay(events, id: "fuzz")
        } catch {
            if error.message.trimmingCharacters(in: .whitespaces).isEmpty {
                throw Failure(rule: "Incident.replay threw without a message", detail: "")
            }
            if Sanitize.hasControlCharacters(error.message) {
                throw Failure(rule: "Incident.replay error message holds a control character", detail: Sanitize.visible(error.message))
            }
            return .refused
        }
        try checkAccepted(replayed)
        try checkIncident(replayed)
        return .accepted
    }
}
