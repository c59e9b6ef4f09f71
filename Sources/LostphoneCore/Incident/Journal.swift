import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a journal cannot be used: the file, the line (0 when it is about the whole file) and
/// what to do.
public struct JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public init(path: String, line: Int = 0, message: String) {
        self.path = path; self.line = line; self.message = message
    }

    public var description: String {
        line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
    }
}

/// What opening a journal repaired, to tell the person.
public struct JournalRecovery: Hashable, Sendable {
    public var message: String
    /// Where the original, unrepaired file was copied.
    public var backupPath: String
}

/// The append-only JSON Lines file of one incident.
///
/// Each `append` writes one whole line and fsyncs it before returning, so an event the screen
/// shows is on disk. An exclusive advisory lock (`flock`) keeps a second instance out.
public final class Journal: @unchecked Sendable {
    public let path: String
    private var fd: Int32
    private var size: off_t
    /// What this process knows the file to hold: the first `baseLength` bytes, as read and
    /// checked at open (hashing to `baseHash`), then exactly `appended`. A checkpoint is saved
    /// only for a file that still holds that; nil when the open repaired the file.
    private let baseLength: Int
    private let baseHash: UInt64?
    private var appended = Data()

    private init(path: String, fd: Int32, size: off_t, baseHash: UInt64?) {
        self.path = path; self.fd = fd; self.size = size
        self.baseLength = Int(size); self.baseHash = baseHash
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

    static func decode(_ line: Data.SubSequence, path: String, number: Int, decoder: JSONDecoder = JSONDecoder()) throws(JournalError) -> Event {
        do {
            return try decoder.decode(Event.self, from: Data(line))
        } catch {
            throw JournalError(path: path, line: number, message: "not a journal event (\(Sanitize.brief(describe(error), limit: 120)))."
                               + " The file was left as it is; move it aside to start afresh.")
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

    /// Where each whole line starts, and the length of the whole lines (the bytes after the last
    /// newline, a possibly torn tail, are not counted). Nothing is decoded.
    public static func split(_ data: Data) -> (lineStarts: [Int], wholeLength: Int) {
        var starts: [Int] = []
        var start = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            while start < bytes.count, let nl = memchr(base + start, 0x0A, bytes.count - start) {
                starts.append(start)
                start = base.distance(to: UnsafeRawPointer(nl)) + 1
            }
        }
        return (starts, start)
    }

    /// Decodes the lines from number `first` (0-based) on.
    static func decode(_ data: Data, lineStarts: [Int], wholeLength: Int, from first: Int, path: String) throws(JournalError) -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(lineStarts.count - first)
        let decoder = JSONDecoder()  // one for the whole file: making one per line doubles the cost
        for i in first..<lineStarts.count {
            let end = data.startIndex + (i + 1 < lineStarts.count ? lineStarts[i + 1] : wholeLength) - 1
            let line = data[(data.startIndex + lineStarts[i])..<end]
            if line.isEmpty {
                throw JournalError(path: path, line: i + 1, message: "empty line. The file was left as it is; move it aside to start afresh.")
            }
            events.append(try decode(line, path: path, number: i + 1, decoder: decoder))
        }
        return events
    }

    /// Splits the file into whole lines and a possibly torn tail (the bytes after the last newline).
    static func parse(_ data: Data, path: String) throws(JournalError) -> (events: [Event], wholeLength: Int, tail: Data.SubSequence) {
        let (starts, whole) = split(data)
        let events = try decode(data, lineStarts: starts, wholeLength: whole, from: 0, path: path)
        return (events, whole, data[(data.startIndex + whole)...])
    }

    // MARK: - opening

    /// Reads every whole event without locking or changing anything (for `status` and `export`).
    /// A torn last line is left out.
    public static func read(path: String) throws(JournalError) -> [Event] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalError(path: path, message: "cannot read the journal (\(String(cString: strerror(errno)))).")
        }
        return try parse(data, path: path).events
    }

    /// Opens an incident's journal for appending: takes the lock, reads the events, and cuts a
    /// torn last line back (keeping a copy of the original beside it).
    public static func open(path: String) throws(JournalError) -> (Journal, [Event], JournalRecovery?) {
        let opened = try openLocked(path: path) { _, _, _ in 0 }
        return (opened.journal, opened.events, opened.recovery)
    }

    /// Opens an incident's journal for appending, as `open`, and rebuilds the incident: from its
    /// checkpoint when that still matches the journal (decoding only the events after it), else by
    /// replaying every event. After a long replay it writes a checkpoint for next time. A journal
    /// whose events do not replay is still returned open, with the reason, so the caller can say
    /// what was repaired before refusing it.
    public static func openIncident(path: String, id: String) throws(JournalError) -> (Journal, Result<Incident, IncidentError>, JournalRecovery?) {
        let checkpointPath = Checkpoint.path(forJournal: path)
        let checkpoint = Checkpoint.read(path: checkpointPath)
        let opened = try openLocked(path: path) { lines, starts, linesHash in
            guard let checkpoint, checkpoint.matches(lines, lineStarts: starts, linesHash: linesHash) else { return 0 }
            return checkpoint.events
        }
        let result = rebuild(id: id, checkpoint: opened.firstDecoded > 0 ? checkpoint : nil, lines: opened.lines,
                             lineStarts: opened.lineStarts, events: opened.events)
        if opened.firstDecoded == 0, case .success(let incident) = result, opened.recovery == nil,
           incident.events.count >= Checkpoint.minimumEvents, incident.events.count == opened.lineStarts.count {
            incident.checkpoint(bytes: opened.lines.count, journalHash: opened.linesHash).write(to: checkpointPath)
        }
        return (opened.journal, result, opened.recovery)
    }

    /// The incident as `openIncident` rebuilds it, but read only: no lock, no repair (a torn
    /// last line is left out), no checkpoint written. For `status` and `export`, which work while
    /// the full screen is open.
    public static func readIncident(path: String, id: String) throws(JournalError) -> Result<Incident, IncidentError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalError(path: path, message: "cannot read the journal (\(String(cString: strerror(errno)))).")
        }
        let (starts, whole) = split(data)
        let lines = data.prefix(whole)
        let checkpoint = Checkpoint.read(path: Checkpoint.path(forJournal: path)).flatMap { $0.matches(lines, lineStarts: starts) ? $0 : nil }
        let events = try decode(data, lineStarts: starts, wholeLength: whole, from: checkpoint?.events ?? 0, path: path)
        return rebuild(id: id, checkpoint: checkpoint, lines: lines, lineStarts: starts, events: events)
    }

    /// From the checkpoint (which covers the first lines) and the events after it, or by
    /// replaying `events` when there is no checkpoint.
    private static func rebuild(id: String, checkpoint: Checkpoint?, lines: Data, lineStarts: [Int], events: [Event]) -> Result<Incident, IncidentError> {
        guard let checkpoint else {
            return Result { () throws(IncidentError) -> Incident in try Incident.replay(events, id: id) }
        }
        let covered = EventLog(lines: lines, lineStarts: lineStarts.prefix(checkpoint.events), end: checkpoint.bytes)
        var incident = Incident(id: id, checkpoint: checkpoint, events: covered)
        return Result { () throws(IncidentError) -> Incident in
            for event in events { try incident.apply(event) }
            return incident
        }
    }

    /// What `openLocked` read: the whole lines, where each starts, and the events decoded (those
    /// from line `firstDecoded` on, and a repaired last line).
    struct Opened {
        var journal: Journal
        var lines: Data
        var linesHash: UInt64
        var lineStarts: [Int]
        var firstDecoded: Int
        var events: [Event]
        var recovery: JournalRecovery?
    }

    /// Opens, locks and reads the journal, decoding the lines from the number `skip` returns on
    /// (the lines before are known good), and repairs a torn last line. Every line is checked
    /// before anything is repaired, so a journal refused is never changed.
    static func openLocked(path: String, skip: (_ lines: Data, _ lineStarts: [Int], _ linesHash: UInt64) -> Int) throws(JournalError) -> Opened {
        let fd = Glibc.open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            throw JournalError(path: path, message: "cannot open the journal (\(String(cString: strerror(errno)))).")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno == EWOULDBLOCK
                ? "another lostphone is already recording this incident. Use that window, or quit it first."
                : "cannot lock the journal (\(String(cString: strerror(errno)))."
            _ = Glibc.close(fd)
            throw JournalError(path: path, message: reason)
        }
        do throws(JournalError) {
            let data = try readAll(fd, path: path)
            var (starts, whole) = split(data)
            let lines = data.prefix(whole)
            let linesHash = ContentHash.of(lines)
            let first = skip(lines, starts, linesHash)
            var events = try decode(data, lineStarts: starts, wholeLength: whole, from: first, path: path)
            let tail = data[(data.startIndex + whole)...]
            var recovery: JournalRecovery? = nil
            if starts.isEmpty {
                // Nothing whole to keep: repairing would leave an empty file, so touch nothing.
                throw JournalError(path: path, message: "the journal holds no event, only \(data.count) bytes of a cut-off line. The file was left as it is; move it aside, or start a new incident with `lostphone --new`.")
            }
            if !tail.isEmpty {
                let backup = path + ".torn-" + String(Int(Date().timeIntervalSince1970))
                guard FileManager.default.createFile(atPath: backup, contents: data, attributes: [.posixPermissions: 0o600]) else {
                    throw JournalError(path: path, line: starts.count + 1,
                                       message: "the last line is incomplete and a copy could not be saved at \(backup); nothing was changed.")
                }
                if let event = try? decode(tail, path: path, number: starts.count + 1), event.seq == starts.count + 1 {
                    // Whole event, only its newline missing: keep it.
                    guard Glibc.pwrite(fd, [UInt8(0x0A)], 1, off_t(data.count)) == 1, fsync(fd) == 0 else {
                        throw JournalError(path: path, message: "cannot repair the journal (\(String(cString: strerror(errno)))).")
                    }
                    events.append(event)
                    starts.append(whole)
                    whole = data.count + 1
                    recovery = JournalRecovery(message: "The journal's last line lacked its end; it was completed. Original kept at \(backup).", backupPath: backup)
                } else {
                    guard ftruncate(fd, off_t(whole)) == 0, fsync(fd) == 0 else {
                        throw JournalError(path: path, message: "cannot repair the journal (\(String(cString: strerror(errno)))).")
                    }
                    recovery = JournalRecovery(
                        message: "The journal's last line was cut off by a crash (\(tail.count) bytes, never shown as recorded); removed. Original kept at \(backup).",
                        backupPath: backup)
                }
            }
            // A completed last line is not in `lines`: no base to check a checkpoint against.
            let baseHash = whole == lines.count ? linesHash : nil
            return Opened(journal: Journal(path: path, fd: fd, size: off_t(whole), baseHash: baseHash), lines: lines, linesHash: linesHash, lineStarts: starts,
                          firstDecoded: first, events: events, recovery: recovery)
        } catch {
            _ = Glibc.close(fd)
            throw error
        }
    }

    /// Creates the journal of a new incident holding its first event. The file appears whole or
    /// not at all (written beside it, fsynced, then linked into place), and never replaces one.
    public static func create(path: String, first: Event) throws(JournalError) -> Journal {
        let temp = AtomicFile.temporaryPath(for: path)
        let data = encode(first)
        let fd = Glibc.open(temp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw JournalError(path: path, message: "cannot create the journal (\(String(cString: strerror(errno)))). Check that the directory is writable, or pass --state-dir.")
        }
        func fail(_ what: String) -> JournalError {
            let reason = String(cString: strerror(errno))
            _ = Glibc.close(fd)
            unlink(temp)
            return JournalError(path: path, message: "\(what) (\(reason)).")
        }
        guard (try? writeAll(fd, data)) != nil, fsync(fd) == 0 else { throw fail("cannot write the journal") }
        guard link(temp, path) == 0 else { throw fail("cannot create the journal") }
        unlink(temp)
        syncDirectory(of: path)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw fail("cannot lock the journal") }
        return Journal(path: path, fd: fd, size: off_t(data.count), baseHash: ContentHash.of(data))
    }

    // MARK: - appending

    /// Writes `event` as one line and fsyncs. On failure the file is cut back to where it was, so
    /// a half-written line never stays behind, and the error says why.
    public func append(_ event: Event) throws(JournalError) {
        guard fd >= 0 else { throw JournalError(path: path, message: "the journal is closed.") }
        let data = Journal.encode(event)
        do throws(JournalError) {
            guard lseek(fd, size, SEEK_SET) == size else { throw JournalError(path: path, message: "seek failed") }
            try Journal.writeAll(fd, data)
            guard fsync(fd) == 0 else { throw JournalError(path: path, message: "fsync failed") }
        } catch {
            let reason = String(cString: strerror(errno))
            _ = ftruncate(fd, size)
            throw JournalError(path: path, message: "could not save (\(reason)); nothing was recorded. Free some disk space or check the disk, then try again.")
        }
        size += off_t(data.count)
        appended.append(data)
    }

    /// Writes the checkpoint of `incident`, whose events must be exactly this journal's (as when
    /// the full screen quits), so the next start need not decode them. The file is read back and
    /// must still hold what was read at open followed by exactly what this process appended:
    /// a journal changed meanwhile by anything else gets no checkpoint (the next start replays
    /// it in full). Skipped for short journals.
    public func saveCheckpoint(of incident: Incident, minimumEvents: Int = Checkpoint.minimumEvents) {
        guard fd >= 0, incident.events.count >= minimumEvents, let baseHash else { return }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size == size else { return }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let n = bytes.withUnsafeMutableBytes { Glibc.pread(fd, $0.baseAddress, $0.count, 0) }
        guard n == bytes.count else { return }
        let lines = Data(bytes)
        guard ContentHash.of(lines.prefix(baseLength)) == baseHash, lines.dropFirst(baseLength) == appended else { return }
        let (starts, whole) = Journal.split(lines)
        guard whole == lines.count, starts.count == incident.events.count else { return }
        incident.checkpoint(bytes: whole, journalHash: ContentHash.of(lines)).write(to: Checkpoint.path(forJournal: path))
    }

    /// Releases the lock and the file.
    public func close() {
        if fd >= 0 { _ = Glibc.close(fd); fd = -1 }
    }

    // MARK: - low level

    static func writeAll(_ fd: Int32, _ data: Data) throws(JournalError) {
        let ok = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        if !ok { throw JournalError(path: "", message: "write failed") }
    }

    static func readAll(_ fd: Int32, path: String) throws(JournalError) -> Data {
        // Sized once from fstat (the file is locked, so it does not grow meanwhile), then read
        // straight into place; a file that did grow is read on to its end all the same.
        var st = stat()
        // One byte more than the file, so that reading to its end needs no regrowth.
        var data = Data(count: fstat(fd, &st) == 0 ? Int(st.st_size) + 1 : 0)
        var filled = 0
        while true {
            if filled == data.count { data.count += 65536 }
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw JournalError(path: path, message: "cannot read the journal (\(String(cString: strerror(errno)))).")
            }
            if n == 0 { data.count = filled; return data }
            filled += n
        }
    }

    static func syncDirectory(of path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        let dfd = Glibc.open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); _ = Glibc.close(dfd) }
    }
}
