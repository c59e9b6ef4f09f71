import ArgumentParser
import Foundation
import LostphoneCore
import LostphoneTUI

/// Opening the incident the person is working on, for the full screen (locked, for writing) or
/// for `status` and `export` (read only, so they work while the full screen is open).
struct IncidentSession {
    var incident: Incident
    /// The open journal, or read-only when the state directory cannot be written.
    var recording: Recording
    var path: String
    var recovery: JournalRecovery?
    var isNew: Bool

    /// The newest unresolved incident, or a new one when there is none or `startNew` is set.
    static func openForRecording(store: IncidentStore, playbook: () throws -> Playbook, startNew: Bool,
                                 clock: any WallClock) throws -> IncidentSession {
        if let readOnly = try openReadOnlyIfUnwritable(store: store, playbook: playbook, clock: clock) { return readOnly }
        do {
            try store.prepare()
            if !startNew, let path = store.latestOpen() {
                let (journal, replayed, recovery) = try Journal.openIncident(path: path, id: Self.id(of: path))
                switch replayed {
                case .success(let incident) where incident.resolvedAt != nil:
                    // Resolved between the look at its end and taking the lock: start anew.
                    journal.close()
                case .success(let incident):
                    return IncidentSession(incident: incident, recording: .journal(journal), path: path, recovery: recovery, isNew: false)
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
            return IncidentSession(incident: incident, recording: .journal(journal), path: path, recovery: nil, isNew: true)
        } catch let error as JournalError {
            printError("lostphone: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// A read-only view when the state directory, or the journal to continue, exists but cannot
    /// be written (a read-only disk, a folder of someone else's account): the guide still helps,
    /// and what was recorded before is shown; nil when writing is possible.
    static func openReadOnlyIfUnwritable(store: IncidentStore, playbook: () throws -> Playbook,
                                         clock: any WallClock) throws -> IncidentSession? {
        let files = FileManager.default
        let latest = store.latestOpen()
        let unwritable = (files.fileExists(atPath: store.directory) && !files.isWritableFile(atPath: store.directory))
            || latest.map { !files.isWritableFile(atPath: $0) } == true
        guard unwritable else { return nil }
        if let latest, let incident = try? Journal.readIncident(path: latest, id: id(of: latest)).get() {
            return IncidentSession(incident: incident, recording: .readOnly(directory: store.directory), path: latest, recovery: nil, isNew: false)
        }
        let (incident, _) = Incident.open(id: Incident.makeID(at: clock.now()), playbook: try playbook(), at: clock.now())
        return IncidentSession(incident: incident, recording: .readOnly(directory: store.directory), path: store.directory, recovery: nil, isNew: false)
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
