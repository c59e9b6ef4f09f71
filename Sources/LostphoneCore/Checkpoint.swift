import Foundation

/// What an incident's events fold to at some point of its journal, kept beside it as
/// `<id>.checkpoint` so that a long incident opens without decoding every event (100,000 events
/// take a second to decode; the checkpoint and a hash of the journal, milliseconds).
///
/// Derived, never the record: it is used only when the journal's first `bytes` bytes still hash
/// to `journalHash` and end exactly where event `events` ends. Anything else (no checkpoint, a
/// damaged or foreign one, an edited journal) means the journal is replayed in full, as without
/// one. The file has mode 0600, like the journal (it holds the notes), and is replaced whole.
public struct Checkpoint: Sendable, Hashable {
    /// Change whenever `Incident.apply`'s rules or this layout change: a checkpoint folded by
    /// other rules is then ignored, and the journal replayed by the current ones.
    static let format = "lostphone checkpoint 1\n"
    /// Shorter journals replay in a few milliseconds, so they get no checkpoint.
    public static let minimumEvents = 1000

    var bytes: Int
    var events: Int
    var journalHash: UInt64
    var startedAt: Timestamp
    var lostAt: Timestamp?
    var device: DeviceDetails
    var resolvedAt: Timestamp?
    var playbookID: String
    var playbookVersion: Int?
    var records: [StepID: StepRecord]
    var undoStack: [Int]

    /// `20261124-210000.jsonl` → `20261124-210000.checkpoint`
    public static func path(forJournal journal: String) -> String {
        (journal.hasSuffix(".jsonl") ? String(journal.dropLast(6)) : journal) + ".checkpoint"
    }

    /// Whether this checkpoint describes the start of `lines` (the journal's whole lines, line
    /// `i` starting at `lineStarts[i]`). `linesHash`, the hash of all of `lines` if known, saves
    /// hashing them again when the checkpoint covers them all (the usual case after quitting).
    func matches(_ lines: Data, lineStarts: [Int], linesHash: UInt64? = nil) -> Bool {
        guard events >= 1, events <= lineStarts.count, bytes <= lines.count,
              bytes == (events < lineStarts.count ? lineStarts[events] : lines.count) else { return false }
        if bytes == lines.count, let linesHash { return linesHash == journalHash }
        return ContentHash.of(lines.prefix(bytes)) == journalHash
    }

    // MARK: - the file (`AtomicFile.writeSealed`), its body in `ByteWriter` form

    static func read(path: String) -> Checkpoint? {
        AtomicFile.readSealed(path, format: format).flatMap { body in ByteReader.whole(body) { try Checkpoint(reading: &$0) } }
    }

    /// Best effort: without a checkpoint the next start only takes longer.
    func write(to path: String) {
        var writer = ByteWriter()
        write(to: &writer)
        AtomicFile.writeSealed(writer.bytes, format: Self.format, to: path)
    }

    func write(to w: inout ByteWriter) {
        w.int(bytes); w.int(events); w.int(Int(truncatingIfNeeded: journalHash))
        w.timestamp(startedAt)
        w.optional(lostAt) { $0.timestamp($1) }
        w.optional(device.model) { $0.string($1) }
        w.optional(device.imei) { $0.string($1) }
        w.optional(resolvedAt) { $0.timestamp($1) }
        w.string(playbookID)
        w.optional(playbookVersion) { $0.int($1) }
        w.int(records.count)
        for (step, record) in records {
            w.string(step.rawValue)
            w.string(record.state.rawValue)
            w.optional(record.provider) { $0.string($1.rawValue) }
            w.optional(record.note) { $0.string($1) }
            w.optional(record.updatedAt) { $0.timestamp($1) }
        }
        w.array(undoStack) { $0.int($1) }
    }

    init(reading r: inout ByteReader) throws {
        bytes = try r.int(); events = try r.int(); journalHash = UInt64(truncatingIfNeeded: try r.int())
        startedAt = try r.timestamp()
        lostAt = try r.optional { try $0.timestamp() }
        device = DeviceDetails(model: try r.optional { try $0.string() }, imei: try r.optional { try $0.string() })
        resolvedAt = try r.optional { try $0.timestamp() }
        playbookID = try r.string()
        playbookVersion = try r.optional { try $0.int() }
        records = [:]
        let count = try r.count()
        records.reserveCapacity(count)
        for _ in 0..<count {
            let step = StepID(try r.string())
            guard let state = StepState(rawValue: try r.string()) else { throw ByteReader.Malformed() }
            records[step] = StepRecord(state: state, provider: try r.optional { ProviderID(try $0.string()) },
                                       note: try r.optional { try $0.string() }, updatedAt: try r.optional { try $0.timestamp() })
        }
        undoStack = try r.array { try $0.int() }
        // What the fold relies on, checked rather than trusted (the body hash is no seal): the
        // undo stack names step events, oldest first, all within the events covered.
        guard events >= 1, bytes >= 1, undoStack.allSatisfy({ (2...events).contains($0) }),
              zip(undoStack, undoStack.dropFirst()).allSatisfy({ $0 < $1 }) else { throw ByteReader.Malformed() }
    }

    init(bytes: Int, events: Int, journalHash: UInt64, startedAt: Timestamp, lostAt: Timestamp?, device: DeviceDetails,
         resolvedAt: Timestamp?, playbookID: String, playbookVersion: Int?, records: [StepID: StepRecord], undoStack: [Int]) {
        self.bytes = bytes; self.events = events; self.journalHash = journalHash; self.startedAt = startedAt
        self.lostAt = lostAt; self.device = device; self.resolvedAt = resolvedAt; self.playbookID = playbookID
        self.playbookVersion = playbookVersion; self.records = records; self.undoStack = undoStack
    }
}

extension ByteWriter {
    /// The text as written and the exact instant, so nothing is parsed on the way back.
    mutating func timestamp(_ t: Timestamp) {
        string(t.text)
        // Since the reference date, which is what Date holds: going through 1970 rounds.
        int(Int(truncatingIfNeeded: t.date.timeIntervalSinceReferenceDate.bitPattern))
    }
}

extension ByteReader {
    mutating func timestamp() throws -> Timestamp {
        let text = try string()
        let seconds = Double(bitPattern: UInt64(truncatingIfNeeded: try int()))
        guard seconds.isFinite else { throw Malformed() }
        return Timestamp(date: Date(timeIntervalSinceReferenceDate: seconds), text: text)
    }
}
