import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a journal cannot be used: the file, the line (0 when it is about the whole file) and the
/// problem, which says what to do in either language (`text`); `message` and `description` are
/// the English (logs, tests, the fuzzers).
public struct JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var problem: JournalProblem

    public init(path: String, line: Int = 0, _ problem: JournalProblem) {
        self.path = path; self.line = line; self.problem = problem
    }

    public var message: String { problem.text(in: .en) }

    /// The file, the line and the problem, in `language`.
    public func text(_ language: Language) -> String {
        let problem = problem.text(in: language)
        return line > 0 ? "\(path):\(line): \(problem)" : "\(path): \(problem)"
    }

    public var description: String { text(.en) }
}

/// What opening a journal repaired, to tell the person.
public struct JournalRecovery: Hashable, Sendable {
    public var repair: JournalRepair
    /// Where the original, unrepaired file was copied.
    public var backupPath: String

    public var message: String { repair.text(in: .en) }
    public func text(_ language: Language) -> String { repair.text(in: language) }
}

/// The append-only JSON Lines file of one incident.
///
/// Each `append` writes one whole line and fsyncs it before returning, so an event the screen
/// shows is on disk. An exclusive advisory lock (`flock`) keeps a second instance out.
public final class Journal: @unchecked Sendable {
    public let path: String
    private var fd: Int32
    private var size: off_t

    private init(path: String, fd: Int32, size: off_t) {
        self.path = path; self.fd = fd; self.size = size
    }

    deinit { close() }

    // MARK: - encoding

    static func encode(_ event: Event) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own value type cannot fail; if it ever did, an empty line would be refused on read.
        var data = (try? encoder.encode(event)) ?? Data()
        data.append(0x0A)
        return data
    }

    static func decode(_ line: Data.SubSequence, path: String, number: Int) throws(JournalError) -> Event {
        var decoder: JSONDecoder? = nil
        return try decode(line, path: path, number: number, decoder: &decoder)
    }

    /// `decoder` is made at the first line that needs it and kept for the next: a journal
    /// lostphone wrote needs none, and making one before the first frame cost 0.06 ms.
    static func decode(_ line: Data.SubSequence, path: String, number: Int, decoder: inout JSONDecoder?) throws(JournalError) -> Event {
        // The line as lostphone writes it, read directly; any other goes to JSONDecoder.
        if let event = line.withUnsafeBytes({ EventLine.decode($0) }) { return event }
        if let key = DuplicateKeys.first(in: line) {
            throw JournalError(path: path, line: number, .duplicateKey(Sanitize.brief(key, limit: 40)))
        }
        let json = decoder ?? JSONDecoder()
        decoder = json
        do {
            return try json.decode(Event.self, from: Data(line))
        } catch {
            throw JournalError(path: path, line: number, .notAnEvent(detail: Sanitize.brief(describe(error), limit: 120)))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): return c.debugDescription
        case DecodingError.keyNotFound(let k, _): return "missing \(k.stringValue)"
        case DecodingError.typeMismatch(_, let c): return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.valueNotFound(_, let c): return "missing value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "malformed JSON"
        }
    }

    /// Decodes the whole lines and returns them with their length and the bytes after the last
    /// newline (a possibly torn tail, not decoded).
    static func parse(_ data: Data, path: String) throws(JournalError) -> (events: [Event], wholeLength: Int, tail: Data.SubSequence) {
        var events: [Event] = []
        var decoder: JSONDecoder? = nil  // one for the whole file: making one per line doubles the cost
        var start = data.startIndex
        while let newline = nextNewline(in: data, from: start) {
            let line = data[start..<newline]
            let number = events.count + 1
            if line.isEmpty {
                throw JournalError(path: path, line: number, .emptyLine)
            }
            events.append(try decode(line, path: path, number: number, decoder: &decoder))
            start = newline + 1
        }
        return (events, start - data.startIndex, data[start...])
    }

    /// The index of the next line feed at or after `start` (memchr: walking `Data` byte by byte
    /// was a visible share of opening a long journal).
    static func nextNewline(in data: Data, from start: Data.Index) -> Data.Index? {
        data.withUnsafeBytes { buffer -> Data.Index? in
            let offset = start - data.startIndex
            guard offset < buffer.count, let base = buffer.baseAddress,
                  let found = memchr(base + offset, 0x0A, buffer.count - offset) else { return nil }
            return data.startIndex + (base.distance(to: UnsafeRawPointer(found)))
        }
    }

    // MARK: - opening

    /// Reads every whole event without locking or changing anything (for `status` and `export`).
    /// A torn last line is left out.
    /// A last line that is a whole event lacking only its newline is read as the event it is.
    public static func read(path: String) throws(JournalError) -> [Event] {
        try readNotingTear(path: path).events
    }

    /// `read`, and what a reader that may not repair the file must say of it: the length of a
    /// torn last line it left out (0 when there is none).
    ///
    /// A torn line while another process holds the journal's lock (the full screen, `record`)
    /// is that writer's append under way, not a crash's: it is read again until whole, for as
    /// long as `open` waits for a lock.
    public static func readNotingTear(path: String) throws(JournalError) -> (events: [Event], tornBytes: Int) {
        let fd = try openNoFollow(path, flags: O_RDONLY)
        defer { _ = Glibc.close(fd) }
        let clock = ContinuousClock()
        let deadline = clock.now + lockWait
        while true {
            let (events, _, tail) = try parse(try readAll(fd, path: path), path: path)
            if tail.isEmpty { return (events, 0) }
            if let last = unterminatedEvent(tail, after: events, path: path) { return (events + [last], 0) }
            guard writerHoldsLock(fd), clock.now < deadline else { return (events, tail.count) }
            usleep(20_000)
            guard lseek(fd, 0, SEEK_SET) == 0 else {
                throw JournalError(path: path, .cannotRead(reason: String(cString: strerror(errno))))
            }
        }
    }

    /// Whether another process holds the journal's lock, as its writer does. A shared lock
    /// taken to ask is given back at once: a writer waiting for it retries (`lock`).
    private static func writerHoldsLock(_ fd: Int32) -> Bool {
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    /// The bytes after the last newline, when they are the next event whole with only its
    /// newline missing; nil for a torn line (or nothing).
    static func unterminatedEvent(_ tail: Data.SubSequence, after events: [Event], path: String) -> Event? {
        guard !tail.isEmpty, let event = try? decode(tail, path: path, number: events.count + 1), event.seq == events.count + 1 else { return nil }
        return event
    }

    /// The incident a journal replays to, read only: no lock, no repair (a torn last line is
    /// left out). For `status` and `export`, which work while the full screen is open.
    public static func readIncident(path: String, id: String) throws(JournalError) -> Result<Incident, IncidentError> {
        try readIncidentNotingTear(path: path, id: id).incident
    }

    /// `readIncident`, and what to tell the person of a torn last line left out, if any.
    public static func readIncidentNotingTear(path: String, id: String) throws(JournalError)
        -> (incident: Result<Incident, IncidentError>, tear: JournalReadNotice?) {
        let (events, torn) = try readNotingTear(path: path)
        let incident = Result { () throws(IncidentError) -> Incident in try Incident.replay(events, id: id) }
        return (incident, torn > 0 ? .tornLineLeftOut(path: path, bytes: torn) : nil)
    }

    /// Opens an incident's journal for appending, as `open`, and replays it. The whole file is
    /// judged before anything is repaired: a journal whose events do not replay (a duplicated
    /// seq, a move from the wrong state) is returned open with the reason, exactly as it was,
    /// for the caller to refuse.
    public static func openIncident(path: String, id: String) throws(JournalError) -> (Journal, Result<Incident, IncidentError>, JournalRecovery?) {
        var replayed: Result<Incident, IncidentError> = .failure(IncidentError("the journal holds no event"))
        let (journal, _, recovery) = try open(path: path) { events in
            replayed = Result { () throws(IncidentError) -> Incident in try Incident.replay(events, id: id) }
            if case .success = replayed { return true }
            return false
        }
        return (journal, replayed, recovery)
    }

    /// Opens an incident's journal for appending: takes the lock, reads the events, and cuts a
    /// torn last line back (keeping a copy of the original beside it). Every line is checked
    /// before anything is repaired, so a journal refused is never changed.
    ///
    /// `accept` judges the events as they would be after the repair (the whole lines, and a
    /// last event lacking only its newline); when it says no, nothing is repaired and the
    /// events are returned as read, for the caller to refuse. The lock is waited for a moment
    /// (`lockWait`), so two commands run at once take turns instead of one failing.
    public static func open(path: String, accept: ([Event]) -> Bool = { _ in true }) throws(JournalError) -> (Journal, [Event], JournalRecovery?) {
        let fd = try openNoFollow(path, flags: O_RDWR)
        do throws(JournalError) {
            try refuseHardLink(fd, path: path)
            try lock(fd, path: path)
            let data = try readAll(fd, path: path)
            var (events, whole, tail) = try parse(data, path: path)
            var recovery: JournalRecovery? = nil
            let completed = unterminatedEvent(tail, after: events, path: path)
            if events.isEmpty && completed == nil {
                // Nothing whole to keep: repairing would leave an empty file, so touch nothing.
                throw JournalError(path: path, .onlyCutOffLine(bytes: data.count))
            }
            guard accept(events + (completed.map { [$0] } ?? [])) else {
                return (Journal(path: path, fd: fd, size: off_t(data.count)), events + (completed.map { [$0] } ?? []), nil)
            }
            if !tail.isEmpty {
                let backup = path + ".torn-" + String(Int(Date().timeIntervalSince1970))
                // The copy is fsynced (and its directory entry) before the journal is cut.
                guard (try? AtomicFile.write(data, to: backup, replace: false)) != nil else {
                    throw JournalError(path: path, line: events.count + 1,
                                       .tornLineNoCopy(backup: backup))
                }
                if let event = completed {
                    // Whole event, only its newline missing: keep it; nothing is removed.
                    guard Glibc.pwrite(fd, [UInt8(0x0A)], 1, off_t(data.count)) == 1, fsync(fd) == 0 else {
                        throw JournalError(path: path, .cannotRepair(reason: String(cString: strerror(errno))))
                    }
                    events.append(event)
                    whole = data.count + 1
                    recovery = JournalRecovery(repair: .newlineAdded(backup: backup), backupPath: backup)
                } else {
                    guard ftruncate(fd, off_t(whole)) == 0, fsync(fd) == 0 else {
                        throw JournalError(path: path, .cannotRepair(reason: String(cString: strerror(errno))))
                    }
                    recovery = JournalRecovery(repair: .tornLineRemoved(bytes: tail.count, backup: backup), backupPath: backup)
                }
            }
            return (Journal(path: path, fd: fd, size: off_t(whole)), events, recovery)
        } catch {
            _ = Glibc.close(fd)
            throw error
        }
    }

    /// Creates the journal of a new incident holding its first event.
    public static func create(path: String, first: Event) throws(JournalError) -> Journal {
        try create(path: path, events: [first])
    }

    /// Creates the journal of a new incident holding `events` (its `opened` event and the
    /// events prepared from the profile). The file appears whole or not at all: every event is
    /// written to a file beside it, fsynced and locked, and only then linked into place, so no
    /// other process ever sees it part-written or unlocked; it never replaces a journal. On
    /// failure (a full disk) nothing is left behind.
    public static func create(path: String, events: [Event]) throws(JournalError) -> Journal {
        let temp = AtomicFile.temporaryPath(for: path)
        var data = Data()
        for event in events { data.append(encode(event)) }
        let fd = Glibc.open(temp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw JournalError(path: path, .cannotCreate(reason: String(cString: strerror(errno))))
        }
        func fail(_ what: JournalProblem.CreateStep) -> JournalError {
            let reason = String(cString: strerror(errno))
            _ = Glibc.close(fd)
            unlink(temp)
            return JournalError(path: path, .createFailed(what, reason: reason))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw fail(.lock) }
        guard Durable.writeAll(fd, data), fsync(fd) == 0 else { throw fail(.write) }
        guard link(temp, path) == 0 else { throw fail(.link) }
        unlink(temp)
        Durable.syncParent(of: path)
        return Journal(path: path, fd: fd, size: off_t(data.count))
    }

    // MARK: - appending

    /// Writes `event` as one line and fsyncs. On failure the file is cut back to where it was, so
    /// a half-written line never stays behind, and the error says why.
    public func append(_ event: Event) throws(JournalError) {
        guard fd >= 0 else { throw JournalError(path: path, .closed) }
        let data = Journal.encode(event)
        do throws(JournalError) {
            guard lseek(fd, size, SEEK_SET) == size else { throw JournalError(path: path, .cannotSave(reason: "seek")) }
            guard Durable.writeAll(fd, data) else { throw JournalError(path: path, .cannotSave(reason: "write")) }
            guard fsync(fd) == 0 else { throw JournalError(path: path, .cannotSave(reason: "fsync")) }
        } catch {
            let reason = String(cString: strerror(errno))
            _ = ftruncate(fd, size)
            throw JournalError(path: path, .cannotSave(reason: reason))
        }
        size += off_t(data.count)
    }

    /// Releases the lock and the file.
    public func close() {
        if fd >= 0 { _ = Glibc.close(fd); fd = -1 }
    }

    // MARK: - low level

    /// Opens the journal itself, never a link planted at its path (which could make lostphone
    /// append to, or read, a file elsewhere).
    static func openNoFollow(_ path: String, flags: Int32) throws(JournalError) -> Int32 {
        let fd = Glibc.open(path, flags | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let problem: JournalProblem = errno == ELOOP ? .symbolicLink : .cannotOpen(reason: String(cString: strerror(errno)))
            throw JournalError(path: path, problem)
        }
        return fd
    }

    /// How long `open` waits for another process's lock before saying so.
    static let lockWait: Duration = .seconds(2)

    private static func lock(_ fd: Int32, path: String) throws(JournalError) {
        let clock = ContinuousClock()
        let deadline = clock.now + lockWait
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw JournalError(path: path, .cannotLock(reason: String(cString: strerror(errno))))
            }
            guard clock.now < deadline else {
                throw JournalError(path: path, .lockedByAnother)
            }
            usleep(20_000)
        }
    }

    /// A journal with a second name (a hard link) could be a file of someone else's that the
    /// link makes lostphone write to: refused, as a symbolic link is.
    static func refuseHardLink(_ fd: Int32, path: String) throws(JournalError) {
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw JournalError(path: path, .cannotRead(reason: String(cString: strerror(errno))))
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw JournalError(path: path, .notARegularFile)
        }
        guard st.st_nlink <= 1 else {
            throw JournalError(path: path, .hardLink(names: Int(st.st_nlink)))
        }
    }

    /// The most a journal may hold: far more than any incident (100,000 events are about
    /// 15 MB), little enough to read at once; a larger file is refused before it is read.
    public static let maxBytes = 64 * 1024 * 1024

    static func readAll(_ fd: Int32, path: String) throws(JournalError) -> Data {
        // Sized once from fstat (the file is locked, so it does not grow meanwhile), then read
        // straight into place; a file that did grow is read on to its end all the same.
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw JournalError(path: path, .cannotRead(reason: String(cString: strerror(errno))))
        }
        if Int(st.st_size) > maxBytes {
            throw JournalError(path: path, .tooLarge(megabytes: Int(st.st_size) / 1_048_576, limit: maxBytes / 1_048_576))
        }
        // One byte more than the file, so that reading to its end needs no regrowth.
        var data = Data(count: Int(st.st_size) + 1)
        var filled = 0
        while true {
            if filled == data.count {
                guard data.count <= maxBytes else {
                    throw JournalError(path: path, .grewWhileRead(limit: maxBytes / 1_048_576))
                }
                data.count += 65536
            }
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw JournalError(path: path, .cannotRead(reason: String(cString: strerror(errno))))
            }
            if n == 0 { data.count = filled; return data }
            filled += n
        }
    }
}
