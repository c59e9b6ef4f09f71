import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the profile was not saved, in words for the person.
public struct ProfileSaveError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problem: ProfileSaveProblem
    public init(_ problem: ProfileSaveProblem) { self.problem = problem }
    /// What happened and what to do, in `language`.
    public func text(_ language: Language) -> String { problem.text(in: language) }
    public var description: String { text(.en) }
}

/// Where the profile lives (`$XDG_CONFIG_HOME/lostphone/profile.yaml`, 0600 in a 0700 folder),
/// read and written whole: a save goes to a temporary file that replaces the old one only
/// once it is on disk.
public struct ProfileStore: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public init(environment: [String: String]) {
        self.init(path: XDGDirectory.config.lostphone("profile.yaml", environment: environment))
    }

    public var directory: String { (path as NSString).deletingLastPathComponent }

    /// The profile, or why it is refused; `.none` when there is no file. The file is read
    /// without following a link, its size checked before it is read; a UTF-8 byte order mark is
    /// skipped; bytes that are not UTF-8 are refused with their place, never replaced.
    public func load(playbook: Playbook) -> ProfileLoad {
        let raw: [UInt8]
        switch ProfileStore.readBytes(path) {
        case .missing: return .none
        case .refused(let problem): return ProfileLoad(profile: nil, problems: [problem], dropped: [], exists: true)
        case .read(let bytes): raw = bytes
        }
        var load = ProfileStore.parse(raw, file: path, playbook: playbook)
        load.contents = raw
        return load
    }

    static func parse(_ raw: [UInt8], file: String, playbook: Playbook) -> ProfileLoad {
        let bytes = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(raw.dropFirst(3)) : raw
        if let (line, column) = firstInvalidUTF8(bytes) {
            return ProfileLoad(profile: nil, problems: [FileProblem(file: file, line: line, column: column, .notUTF8)],
                               dropped: [], exists: true)
        }
        return ProfileFile.parse(yaml: String(decoding: bytes, as: UTF8.self), file: file, playbook: playbook)
    }

    /// The line and column (in bytes, 1-based) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, lineStart = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; lineStart = offset }
            case .emptyInput: return nil
            case .error: return (line, offset - lineStart + 1)
            }
        }
    }

    enum Read { case missing, refused(FileProblem), read([UInt8]) }

    /// The file's bytes: never through a link, never more than `ProfileFile.maxBytes`.
    static func readBytes(_ path: String) -> Read {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT { return .missing }
            let why: FileProblemKind = errno == ELOOP ? .symbolicLink
                : .cannotRead(reason: String(cString: strerror(errno)), checkPermissions: true)
            return .refused(FileProblem(file: path, why))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            return .refused(FileProblem(file: path, .notARegularFile))
        }
        guard st.st_nlink <= 1 else {
            return .refused(FileProblem(file: path, .hardLink(names: Int(st.st_nlink))))
        }
        guard Int(st.st_size) <= ProfileFile.maxBytes else {
            return .refused(FileProblem(file: path, .tooLarge(bytes: Int(st.st_size), limit: ProfileFile.maxBytes, notRead: true)))
        }
        var bytes = [UInt8](repeating: 0, count: ProfileFile.maxBytes + 1)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .refused(FileProblem(file: path, .cannotRead(reason: String(cString: strerror(errno)), checkPermissions: false))) }
            if n == 0 { break }
            filled += n
        }
        guard filled <= ProfileFile.maxBytes else {
            return .refused(FileProblem(file: path, .grewWhileRead(limit: ProfileFile.maxBytes)))
        }
        return .read(Array(bytes.prefix(filled)))
    }

    /// Saves `profile`, as reviewed at `now` unless `reviewed` is false (a tip ticked during an
    /// incident is not a review of the providers). A file that is there but cannot be read is
    /// never replaced: it may hold what the person wrote by hand.
    @discardableResult
    public func save(_ profile: Profile, playbook: Playbook, now: Timestamp, reviewed: Bool = true) throws(ProfileSaveError) -> Profile {
        try whileLocked { () throws(ProfileSaveError) -> Profile in
            try save(profile, over: load(playbook: playbook), playbook: playbook, now: now, reviewed: reviewed).profile ?? profile
        }
    }

    /// Saves `profile`, made from `base` (what the file held when it was read for editing, as a
    /// form that stays open does), only if the file still holds exactly that: a file changed
    /// since (by `lostphone prepare --bank …` while the form was open) is never overwritten,
    /// and the refusal says so. Returns what the file holds now, the base of the next save.
    public func save(_ profile: Profile, basedOn base: ProfileLoad, playbook: Playbook, now: Timestamp,
                     reviewed: Bool = true) throws(ProfileSaveError) -> ProfileLoad {
        try whileLocked { () throws(ProfileSaveError) -> ProfileLoad in
            let current = load(playbook: playbook)
            // A file damaged meanwhile is refused for its damage, which says more (the save below).
            guard current.contents == base.contents || !current.problems.isEmpty else {
                throw ProfileSaveError(.changedSinceRead(path: path))
            }
            return try save(profile, over: current, playbook: playbook, now: now, reviewed: reviewed)
        }
    }

    /// Holds the profile folder's lock (`flock` on the folder) while reading and replacing the
    /// file, so two saves never interleave; temporary files of saves that were killed go first.
    private func whileLocked<T>(_ body: () throws(ProfileSaveError) -> T) throws(ProfileSaveError) -> T {
        do {
            try PrivateDirectory.prepare(directory)
        } catch {
            throw ProfileSaveError(.folder(path: error.path, error.problem))
        }
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw ProfileSaveError(.cannotOpenFolder(path: directory, reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        AtomicFile.removeStaleTemporaries(in: directory, for: path)
        return try body()
    }

    /// Saves `profile` in place of `current`, what the file held when it was read for this save.
    private func save(_ profile: Profile, over current: ProfileLoad, playbook: Playbook, now: Timestamp,
                      reviewed: Bool) throws(ProfileSaveError) -> ProfileLoad {
        if let first = current.problems.first {
            throw ProfileSaveError(.damaged(first))
        }
        // Ids another guide has and this one lacks would be lost by saving with this guide; ids a
        // newer version of the same guide dropped are meant to go.
        if let other = current.profile?.playbook, other != playbook.id, !current.dropped.isEmpty {
            let names = current.dropped.prefix(5).map { "\($0.choice) \($0.id)" }.joined(separator: ", ")
            throw ProfileSaveError(.otherGuide(path: path, written: Sanitize.brief(other, limit: 40), current: playbook.id, dropped: names))
        }
        var saved = profile
        if reviewed || saved.updated == nil { saved.updated = now }
        saved.playbook = playbook.id
        saved.playbookVersion = playbook.version
        let text = Array(ProfileFile.serialize(saved, playbook: playbook).utf8)
        do {
            try AtomicFile.write(Data(text), to: path, replace: true)
        } catch {
            throw ProfileSaveError(.cannotWrite(path: path, reason: error.reason))
        }
        return ProfileLoad(profile: saved, problems: [], dropped: [], exists: true, contents: text)
    }

    /// Keeps a prevention tip done at `doneAt` (or not done, nil) in the profile, creating the
    /// profile when there is none.
    public func keepTip(_ step: StepID, doneAt: Timestamp?, playbook: Playbook, now: Timestamp) throws(ProfileSaveError) {
        if (load(playbook: playbook).profile ?? Profile()).tips[step] == doneAt { return }
        try whileLocked { () throws(ProfileSaveError) -> Void in
            let current = load(playbook: playbook)
            var profile = current.profile ?? Profile()
            guard profile.tips[step] != doneAt else { return }
            profile.tips[step] = doneAt
            _ = try save(profile, over: current, playbook: playbook, now: now, reviewed: false)
        }
    }
}
