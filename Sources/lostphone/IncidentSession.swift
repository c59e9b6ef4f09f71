import ArgumentParser
import Foundation
import LostphoneCore
import LostphoneTUI

/// `--incident ID`: which incident a command reads or records; the latest by default.
struct IncidentOption: ParsableArguments {
    @Option(help: ArgumentHelp("The incident to use (see `lostphone incidents`); default: the latest.", valueName: "id"),
            completion: .custom(Completion.incidentIDs))
    var incident: String?
}

/// Opening the incident the person is working on, for recording (locked: the full screen,
/// `record`, `note`) or for reading (`status`, `export`: no lock, so they work while the full
/// screen is open).
struct IncidentSession {
    var incident: Incident
    /// The open journal, or read-only when the state directory cannot be written.
    var recording: Recording
    var path: String
    var recovery: JournalRecovery?
    var isNew: Bool
    /// What the profile did to a new incident, or why it could not (damaged, ids left out,
    /// due for review), for the first screen.
    var profileNotes: [String] = []
    /// Whether the profile could not be read (the notes say why).
    var profileRefused = false

    /// The journal of `id`, or an exit naming the incidents there are.
    static func summary(_ id: String, in store: IncidentStore) throws -> IncidentSummary {
        if let found = store.list().first(where: { $0.id == id }) { return found }
        let known = store.list().map(\.id)
        printError("lostphone: no incident \(Sanitize.brief(id, limit: 40)) in \(store.directory); "
                   + (known.isEmpty ? "none has been recorded yet." : "there are: \(known.joined(separator: ", ")) (lostphone incidents)."))
        throw ExitCode(1)
    }

    /// The incident `id` (or the newest unresolved one, or a new one when there is none or
    /// `startNew` is set), its journal open and locked for appending.
    static func openForRecording(store: IncidentStore, id: String? = nil, playbook: () throws -> Playbook, startNew: Bool,
                                 clock: any WallClock, readOnlyFallback: Bool = false,
                                 profile: ProfileStore, language: Language) throws -> IncidentSession {
        if readOnlyFallback, id == nil, let readOnly = try openReadOnlyIfUnwritable(store: store, playbook: playbook, clock: clock) {
            return readOnly
        }
        do {
            try store.prepare()
            let existing = try id.map { try summary($0, in: store).path } ?? (startNew ? nil : store.latestOpen())
            if let path = existing {
                let (journal, replayed, recovery) = try Journal.openIncident(path: path, id: Self.id(of: path))
                switch replayed {
                case .success(let incident) where incident.resolvedAt != nil:
                    journal.close()
                    if id != nil {
                        printError("lostphone: incident \(incident.id) was resolved at \(incident.resolvedAt!.readable); nothing more can be recorded in it. `lostphone export --incident \(incident.id)` writes its report.")
                        throw ExitCode(1)
                    }
                    // Resolved between the look at its end and taking the lock: start anew.
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
            let newID = store.newID(at: now)
            let book = try playbook()
            var (incident, first) = Incident.open(id: newID, playbook: book, at: now)
            let path = store.path(for: newID)
            let journal = try Journal.create(path: path, first: first)
            let (notes, refused) = try prepare(&incident, journal: journal, playbook: book, profile: profile, language: language, now: now)
            return IncidentSession(incident: incident, recording: .journal(journal), path: path, recovery: nil, isNew: true,
                                   profileNotes: notes, profileRefused: refused)
        } catch let error as JournalError {
            printError("lostphone: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// Starts a new incident from the person's profile: its prepared events are appended (each
    /// on disk before it counts) and applied. A profile that cannot be read leaves the incident
    /// unprepared, and says why; so do ids the guide no longer has, and a profile due for review.
    static func prepare(_ incident: inout Incident, journal: Journal, playbook: Playbook, profile store: ProfileStore,
                        language: Language, now: Timestamp) throws -> (notes: [String], refused: Bool) {
        let load = store.load(playbook: playbook)
        let w = Words(language)
        if let problem = load.problems.first { return ([w[.profileDamaged(problem.description)]], true) }
        guard let profile = load.profile else { return ([], false) }
        var notes: [String] = []
        // The status line is one line: what needs the person first.
        if profile.needsReview(now: now), let updated = profile.updated { notes.append(w[.profileReview(since: String(updated.text.prefix(10)))]) }
        let events = profile.openingEvents(for: incident, playbook: playbook, language: language)
        for event in events {
            try journal.append(event)
            try? incident.apply(event)
        }
        if !events.isEmpty {
            let providers = Set(events.compactMap { $0.kind == .mine ? $0.provider : nil }).count
            let tipSteps = Set(playbook.tipSteps.map(\.id))
            let tips = events.filter { $0.kind == .move && $0.step.map(tipSteps.contains) == true }.count
            notes.append(w[.profilePrepared(providers: providers, details: events.contains { $0.kind == .details }, tips: tips)])
        }
        notes += load.dropped.map { w[.profileDropped(choice: w[.choiceTitle($0.choice)], id: Sanitize.brief($0.id, limit: 40))] }
        return (notes, false)
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

    /// The incident `id` (or the newest), read without taking the lock.
    static func read(store: IncidentStore, id: String? = nil) throws -> (Incident, String) {
        let summary: IncidentSummary
        if let id {
            summary = try Self.summary(id, in: store)
        } else if let newest = store.list().first {
            summary = newest
        } else {
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
