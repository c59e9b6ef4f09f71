import Foundation

/// Where an open incident records: its journal, open and locked, or nowhere, with the reason (a
/// read-only state directory still shows the guide and what was recorded before).
public enum JournalAccess {
    case journal(Journal)
    case readOnly(directory: String)
}

/// Why an incident could not be opened or read, as a value: the command line and the full
/// screen say it with `text`, in the person's language.
public enum SessionError: Error, Sendable, Hashable {
    /// No incident `id`; the ids there are.
    case noSuchIncident(String, directory: String, known: [String])
    case noIncidentYet(directory: String)
    /// The incident asked for is resolved: nothing more can be recorded in it.
    case resolved(id: String, at: Timestamp)
    /// The journal cannot be replayed; the backup of a cut-off last line, when one was made.
    case unreadable(path: String, problem: String, backup: String?)
    /// The journal or the state directory could not be read or written.
    case journal(JournalError)

    public func text(_ w: Words) -> String {
        switch self {
        case let .noSuchIncident(id, directory, known):
            w[.noSuchIncident(Sanitize.brief(id, limit: 40), directory: directory, known: known)]
        case let .noIncidentYet(directory): w[.noIncidentYet(directory: directory)]
        case let .resolved(id, at): w[.incidentResolvedAt(id, at: at.readable)]
        case let .unreadable(path, problem, backup): w[.journalUnreadable(path: path, problem: problem, backup: backup)]
        case let .journal(error): error.text(w.language)
        }
    }
}

/// Opening the incident the person is working on, for recording (locked: the full screen,
/// `record`, `note`, `details`) or for reading (`status`, `export`, `next`: no lock, so they
/// work while the full screen is open). Errors are values (`SessionError`).
public struct IncidentSession {
    public var incident: Incident
    /// The open journal, or read-only when the state directory cannot be written.
    public var recording: JournalAccess
    public var path: String
    public var recovery: JournalRecovery?
    public var isNew: Bool
    /// What the profile did to a new incident, or why it could not (damaged, ids left out,
    /// due for review), for the first screen.
    public var profileNotes: [String] = []
    /// Whether the profile could not be read (the notes say why).
    public var profileRefused = false
    /// A read-only view's word on a torn last line it left out (it cannot repair it).
    public var readNotice: JournalReadNotice?

    /// The journal of `id`.
    public static func find(_ id: String, in store: IncidentStore) throws(SessionError) -> IncidentSummary {
        let list = store.list()
        if let found = list.first(where: { $0.id == id }) { return found }
        throw .noSuchIncident(id, directory: store.directory, known: list.map(\.id))
    }

    /// The incident `id` (or the newest unresolved one, or a new one when there is none or
    /// `startNew` is set), its journal open and locked for appending.
    public static func open(store: IncidentStore, id: String? = nil, playbook: () throws -> Playbook, startNew: Bool,
                            clock: any WallClock, readOnlyFallback: Bool = false,
                            profile: ProfileStore, language: Language) throws -> IncidentSession {
        if readOnlyFallback, id == nil, let readOnly = try openReadOnlyIfUnwritable(store: store, playbook: playbook, clock: clock) {
            return readOnly
        }
        do {
            try store.prepare()
            // Finding the incident and creating one are one step under the directory's lock, so
            // parallel first writers share one incident.
            return try store.whileLocked { () throws -> IncidentSession in
                let existing: String?
                if let id { existing = try find(id, in: store).path } else { existing = startNew ? nil : store.latestOpen() }
                if let path = existing {
                    let (journal, replayed, recovery) = try Journal.openIncident(path: path, id: Self.id(of: path))
                    switch replayed {
                    case .success(let incident) where incident.resolvedAt != nil:
                        journal.close()
                        if id != nil, let at = incident.resolvedAt { throw SessionError.resolved(id: incident.id, at: at) }
                        // Resolved between the look at its end and taking the lock: start anew.
                    case .success(let incident):
                        var session = IncidentSession(incident: incident, recording: .journal(journal), path: path, recovery: recovery, isNew: false)
                        if let half = halfMade(incident, playbook: playbook, profile: profile, language: language) {
                            session.profileNotes = [Words(language)[.halfMadeIncident(present: half.present, expected: half.expected)]]
                            session.profileRefused = true
                        }
                        return session
                    case .failure(let error):
                        journal.close()
                        throw SessionError.unreadable(path: path, problem: error.message, backup: recovery?.backupPath)
                    }
                }
                let now = clock.now()
                let newID = store.newID(at: now)
                let book = try playbook()
                var (incident, first) = Incident.open(id: newID, playbook: book, at: now)
                let path = store.path(for: newID)
                // The opening and the prepared events go to disk as one file, whole or not at all.
                let (prepared, notes, refused) = prepare(incident, playbook: book, profile: profile, language: language, now: now)
                if case .opened(var opened) = first.payload {
                    opened.preparedEvents = prepared.count
                    first.payload = .opened(opened)
                }
                incident = try Incident.replay([first] + prepared, id: newID)
                let journal = try Journal.create(path: path, events: [first] + prepared)
                return IncidentSession(incident: incident, recording: .journal(journal), path: path, recovery: nil, isNew: true,
                                       profileNotes: notes, profileRefused: refused)
            }
        } catch let error as JournalError {
            throw SessionError.journal(error)
        }
    }

    /// The events that start a new incident from the person's profile, to be written with its
    /// `opened` event. A profile that cannot be read leaves the incident unprepared, and says
    /// why; so do ids the guide no longer has, and a profile due for review.
    static func prepare(_ incident: Incident, playbook: Playbook, profile store: ProfileStore,
                        language: Language, now: Timestamp) -> (events: [Event], notes: [String], refused: Bool) {
        let load = store.load(playbook: playbook)
        let w = Words(language)
        if let problem = load.problems.first { return ([], [w[.profileDamaged(problem.text(in: w.language))]], true) }
        guard let profile = load.profile else { return ([], [], false) }
        var notes: [String] = []
        // The status line is one line: what needs the person first.
        if profile.needsReview(now: now), let updated = profile.updated { notes.append(w[.profileReview(since: String(updated.text.prefix(10)))]) }
        let events = profile.openingEvents(for: incident, playbook: playbook, language: language)
        if !events.isEmpty {
            let providers = Set(events.compactMap { $0.kind == .mine ? $0.provider : nil }).count
            let tipSteps = Set(playbook.tipSteps.map(\.id))
            let tips = events.filter { $0.kind == .move && $0.step.map(tipSteps.contains) == true }.count
            notes.append(w[.profilePrepared(providers: providers, details: events.contains { $0.kind == .details }, tips: tips)])
        }
        notes += load.dropped.map { w[.profileDropped(choice: w[.choiceTitle($0.choice)], id: Sanitize.brief($0.id, limit: 40))] }
        return (events, notes, false)
    }

    /// An incident whose start an earlier version cut short, judged against what the profile
    /// would prepare now when its `opened` event does not say.
    static func halfMade(_ incident: Incident, playbook: () throws -> Playbook, profile: ProfileStore, language: Language) -> HalfMadeIncident? {
        guard let opened = incident.events.first, incident.events.dropFirst().first?.prepared == true || opened.preparedEvents != nil else { return nil }
        var expected: [Event]? = nil
        if opened.preparedEvents == nil, let book = try? playbook(), let p = profile.load(playbook: book).profile {
            let (fresh, _) = Incident.open(id: incident.id, playbook: book, at: incident.startedAt)
            expected = p.openingEvents(for: fresh, playbook: book, language: language)
        }
        return HalfMadeIncident.find(in: incident, expected: expected)
    }

    /// A read-only view when the state directory, or the journal to continue, exists but cannot
    /// be written (a read-only disk, a folder of someone else's account): the guide still helps,
    /// and what was recorded before is shown; nil when writing is possible.
    static func openReadOnlyIfUnwritable(store: IncidentStore, playbook: () throws -> Playbook,
                                         clock: any WallClock) throws -> IncidentSession? {
        // access(2), as FileManager's fileExists and isWritableFile ask it, without setting up
        // FileManager before the first frame (0.13 ms of a start).
        let latest = store.latestOpen()
        let unwritable = (access(store.directory, F_OK) == 0 && access(store.directory, W_OK) != 0)
            || latest.map { access($0, W_OK) != 0 } == true
        guard unwritable else { return nil }
        if let latest, let (read, tear) = try? Journal.readIncidentNotingTear(path: latest, id: id(of: latest)),
           let incident = try? read.get() {
            var session = IncidentSession(incident: incident, recording: .readOnly(directory: store.directory), path: latest, recovery: nil, isNew: false)
            session.readNotice = tear
            return session
        }
        let (incident, _) = Incident.open(id: Incident.makeID(at: clock.now()), playbook: try playbook(), at: clock.now())
        return IncidentSession(incident: incident, recording: .readOnly(directory: store.directory), path: store.directory, recovery: nil, isNew: false)
    }

    /// The incident id is the journal's file name.
    public static func id(of path: String) -> String {
        String(PathName.split(path).file.dropLast(".jsonl".count))
    }

    /// The incident `id` (or the newest), read without taking the lock, its journal's path, and
    /// what to tell the person of a torn last line left out (a reader does not repair it).
    public static func load(store: IncidentStore, id: String? = nil) throws(SessionError) -> (Incident, String, JournalReadNotice?) {
        let summary: IncidentSummary
        if let id {
            summary = try find(id, in: store)
        } else if let newest = store.list().first {
            summary = newest
        } else {
            throw .noIncidentYet(directory: store.directory)
        }
        do {
            let (read, tear) = try Journal.readIncidentNotingTear(path: summary.path, id: summary.id)
            switch read {
            case .success(let incident): return (incident, summary.path, tear)
            case .failure(let error): throw SessionError.unreadable(path: summary.path, problem: error.message, backup: nil)
            }
        } catch let error as JournalError {
            throw .journal(error)
        } catch {
            throw error as? SessionError ?? .unreadable(path: summary.path, problem: "\(error)", backup: nil)
        }
    }
}
