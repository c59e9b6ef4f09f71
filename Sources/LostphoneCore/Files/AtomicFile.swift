import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a file could not be written whole: what failed, and the system's reason.
public struct AtomicWriteError: Error, Hashable, Sendable {
    public enum Stage: Sendable, Hashable { case create, write, place, exists }
    public var stage: Stage
    public var reason: String
}

/// Writes a file so that it is either whole or absent: a temporary file beside the target
/// (mode 0600), fsynced, then moved into place, and the directory fsynced.
public enum AtomicFile {
    /// With `replace` false, a file already at `path` (even one that appeared meanwhile) is never
    /// replaced: the temporary file is linked, which refuses, where a rename would not.
    public static func write(_ data: Data, to path: String, replace: Bool) throws(AtomicWriteError) {
        let temp = temporaryPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AtomicWriteError(stage: .create, reason: String(cString: strerror(errno))) }
        func fail(_ stage: AtomicWriteError.Stage) -> AtomicWriteError {
            let error = AtomicWriteError(stage: stage, reason: String(cString: strerror(errno)))
            _ = close(fd)
            unlink(temp)
            return error
        }
        guard Durable.writeAll(fd, data), fsync(fd) == 0 else { throw fail(.write) }
        if replace {
            guard rename(temp, path) == 0 else { throw fail(.place) }
        } else {
            guard link(temp, path) == 0 else { throw fail(errno == EEXIST ? .exists : .place) }
            unlink(temp)
        }
        _ = close(fd)
        Durable.syncParent(of: path)
    }

    /// `DIR/.NAME.tmp-PID-RANDOM` beside `path`: hidden, and never the name a crashed earlier run
    /// left behind (process ids repeat, in containers especially, and the file is created with
    /// O_EXCL).
    public static func temporaryPath(for path: String) -> String {
        var temporary = String(PathName.split(path).folder)
        temporary.append(temporaryPrefix(for: path))
        temporary.append("\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 16))")
        return temporary
    }

    /// `.NAME.tmp-`, how every temporary file for `path` begins. Appended, not interpolated: a
    /// `Substring` in a string interpolation is checked at run time for `TextOutputStreamable`,
    /// a scan of every conformance (0.13 ms on the way out of the full screen).
    static func temporaryPrefix(for path: String) -> String {
        var prefix = "."
        prefix.append(contentsOf: PathName.split(path).file)
        prefix.append(".tmp-")
        return prefix
    }

    /// Removes what writes interrupted by a crash or a kill left in `directory` (only those for
    /// `target`'s name, when given): temporary files of ours whose process is gone, or that were
    /// untouched for `age` seconds (no write takes that long).
    public static func removeStaleTemporaries(in directory: String, for target: String? = nil, olderThan age: TimeInterval = 3600) {
        let prefix = target.map(temporaryPrefix(for:))
        let names = DirectoryNames.of(directory)
        for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
            if let prefix, !name.hasPrefix(prefix) { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_uid == geteuid() else { continue }
            let old = Double(st.st_mtim.tv_sec) < Date().timeIntervalSince1970 - age
            if old || !isRunning(pid(inTemporaryName: name)) { unlink(path) }
        }
    }

    /// The process id in `.NAME.tmp-PID-RANDOM`, nil when the name is not one of ours.
    static func pid(inTemporaryName name: String) -> pid_t? {
        guard let range = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[range.upperBound...].split(separator: "-")
        guard parts.count == 2, parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return pid_t(parts[0])
    }

    /// Whether a process with this id exists (one of another user's counts as running).
    static func isRunning(_ pid: pid_t?) -> Bool {
        guard let pid, pid > 0 else { return true }
        return kill(pid, 0) == 0 || errno != ESRCH
    }
}
