import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One incident's journal in the store.
public struct IncidentSummary: Hashable, Sendable {
    public var id: String
    public var path: String
}

/// The directory of incident journals (`$XDG_STATE_HOME/lostphone`), one `<id>.jsonl` each.
/// Starting a new incident never touches the old ones.
public struct IncidentStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$XDG_STATE_HOME/lostphone`, else `~/.local/state/lostphone`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        XDGDirectory.state.lostphone(environment: environment)
    }

    /// Creates the directory (0700) if needed, and refuses one that belongs to someone else.
    public func prepare() throws(JournalError) {
        do {
            try PrivateDirectory.prepare(directory)
        } catch {
            throw JournalError(path: error.path, .stateDirectory(error.problem))
        }
        AtomicFile.removeStaleTemporaries(in: directory)
        removeCheckpoints()
    }

    /// Earlier releases kept a `<id>.checkpoint` beside long journals, a shortcut derived from
    /// the journal; nothing reads it now, so it goes (the journal is untouched).
    func removeCheckpoints() {
        let names = DirectoryNames.of(directory)
        for name in names where name.hasSuffix(".checkpoint") {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }

    /// A new incident's id for `time`: `20261124-210000`, or `20261124-210000-2` (and so on)
    /// when an incident already started in that second.
    public func newID(at time: Timestamp) -> String {
        let base = Incident.makeID(at: time)
        var id = base
        var n = 1
        while FileManager.default.fileExists(atPath: path(for: id)) {
            n += 1
            id = "\(base)-\(n)"
        }
        return id
    }

    public func path(for id: String) -> String {
        (directory as NSString).appendingPathComponent(id + ".jsonl")
    }

    /// Every incident, newest first (ids sort by start time). Only files named as lostphone
    /// names journals count: any other `*.jsonl` (a copy, a name holding control characters) is
    /// no incident, never "the latest", and its name never reaches the terminal.
    public func list() -> [IncidentSummary] {
        let names = DirectoryNames.of(directory)
        // By id, not file name: `…-210000-2` (a second incident in the same second) is newer
        // than `…-210000`, though `-` sorts before `.jsonl`'s dot.
        return names.filter { $0.hasSuffix(".jsonl") && IncidentStore.isIncidentID(String($0.dropLast(6))) }
            .map { name in
                IncidentSummary(id: String(name.dropLast(6)), path: (directory as NSString).appendingPathComponent(name))
            }
            .sorted { IncidentStore.isNewer($0.id, than: $1.id) }
    }

    /// Whether `id` is one lostphone makes: `20261124-210000`, or `20261124-210000-2` for a
    /// later incident of the same second (`Incident.makeID`, `newID`).
    public static func isIncidentID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        func digits(_ s: Substring, _ count: ClosedRange<Int>) -> Bool {
            count.contains(s.utf8.count) && s.utf8.allSatisfy { (0x30...0x39).contains($0) }
        }
        switch parts.count {
        case 2: return digits(parts[0], 8...8) && digits(parts[1], 6...6)
        case 3: return digits(parts[0], 8...8) && digits(parts[1], 6...6) && digits(parts[2], 1...6)
        default: return false
        }
    }

    /// Runs `body` holding the state directory's lock (an exclusive `flock` on the directory
    /// itself), so that finding the incident to continue and creating a new one are one step:
    /// two first writers started together share one incident instead of making two.
    public func whileLocked<T>(_ body: () throws -> T) throws -> T {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            throw JournalError(path: directory, .cannotOpenStateDirectory(reason: String(cString: strerror(errno))))
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw JournalError(path: directory, .cannotLockStateDirectory(reason: String(cString: strerror(errno))))
            }
        }
        return try body()
    }

    /// Ids sort by their start time, then by the number a second incident of the same second
    /// carries (`20261124-210000-2`).
    static func isNewer(_ a: String, than b: String) -> Bool {
        func key(_ id: String) -> (String, Int) {
            guard let dash = id.lastIndex(of: "-"), id.distance(from: id.startIndex, to: dash) > 8,
                  let n = Int(id[id.index(after: dash)...]) else { return (id, 1) }
            return (String(id[..<dash]), n)
        }
        let (x, y) = (key(a), key(b))
        return x.0 == y.0 ? x.1 > y.1 : x.0 > y.0
    }

    /// The newest incident, unless it was resolved (then a new one should start).
    public func latestOpen() -> String? {
        guard let newest = list().first else { return nil }
        // A byte search of the journal's end, not a decode of all of it: nothing is ever recorded
        // after `resolved` (an incident refuses every command once resolved), so a resolved journal
        // ends with that event.
        if let tail = FileBytes.tail(newest.path, bytes: 64 * 1024), Self.contains(tail, #""kind":"resolved""#) {
            return nil
        }
        return newest.path
    }

    /// Whether `data` holds the bytes of `text`, found with libc's `memchr` and `memcmp`:
    /// Foundation's `Data.range(of:)` goes through `NSData`'s generic search, whose first use
    /// asks the runtime for conformances (2.6% of the instructions of a start to the first frame).
    static func contains(_ data: Data, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first else { return true }
        return data.withUnsafeBytes { haystack in
            guard let base = haystack.baseAddress, needle.count <= haystack.count else { return false }
            var offset = 0
            let last = haystack.count - needle.count
            while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }
}
