import ArgumentParser
import Foundation
import LostphoneCore

/// Opening the incident the person is working on, for the full screen (locked, for writing) or
/// for `status` and `export` (read only, so they work while the full screen is open).
struct IncidentSession {
    var incident: Incident
    var journal: Journal
    var path: String
    var recovery: JournalRecovery?
    var isNew: Bool

    /// The newest unresolved incident, or a new one when there is none or `startNew` is set.
    static func openForRecording(store: IncidentStore, playbook: () throws -> Playbook, startNew: Bool,
                                 clock: any WallClock) throws -> IncidentSession {
        do {
            try store.prepare()
            if !startNew, let path = store.latestOpen() {
                let (journal, replayed, recovery) = try Journal.openIncident(path: path, id: Self.id(of: path))
                switch replayed {
                case .success(let incident) where incident.resolvedAt != nil:
                    // Resolved between the look at its end and taking the lock: start anew.
                    journal.close()
                case .success(let incident):
                    return IncidentSession(incident: incident, journal: journal, path: path, recovery: recovery, isNew: false)
                case .failure(let error):
                    journal.close()
                    let state = recovery.map { "Only its cut-off last line was removed (the original is kept at \($0.backupPath)); the rest was left as it is." }
                        ?? "The file was left as it is."
                    printError("lostphone: \(path): \(error.message)\n\(state) Start a new incident with `lostphone --new`, or fix the file.")
                    throw ExitCode(1)
                }
            }
            let now = clock.now()
            let id = Incident.makeID(at: now)
            let (incident, first) = Incident.open(id: id, playbook: try playbook(), at: now)
            let path = store.path(for: id)
            let journal = try Journal.create(path: path, first: first)
            return IncidentSession(incident: incident, journal: journal, path: path, recovery: nil, isNew: true)
        } catch let error as JournalError {
            printError("lostphone: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// The incident id is the journal's file name.
    static func id(of path: String) -> String {
        String(URL(fileURLWithPath: path).lastPathComponent.dropLast(".jsonl".count))
    }

    /// The newest incident's events, read without taking the lock.
    static func readLatest(store: IncidentStore) throws -> (Incident, String) {
        guard let summary = store.list().first else {
            printError("lostphone: no incident has been recorded yet in \(store.directory). Run `lostphone` to start one.")
            throw ExitCode(1)
        }
        do {
            return (try Journal.readIncident(path: summary.path, id: summary.id).get(), summary.path)
        } catch let error as JournalError {
            printError("lostphone: \(error.description)")
            throw ExitCode(1)
        } catch let error as IncidentError {
            printError("lostphone: \(summary.path): \(error.message)")
            throw ExitCode(1)
        }
    }
}
