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
        guard (try? Journal.writeAll(fd, data)) != nil, fsync(fd) == 0 else { throw fail(.write) }
        if replace {
            guard rename(temp, path) == 0 else { throw fail(.place) }
        } else {
            guard link(temp, path) == 0 else { throw fail(errno == EEXIST ? .exists : .place) }
            unlink(temp)
        }
        _ = close(fd)
        Journal.syncDirectory(of: path)
    }

    /// `DIR/.NAME.tmp-PID-RANDOM` beside `path`: hidden, and never the name a crashed earlier run
    /// left behind (process ids repeat, in containers especially, and the file is created with
    /// O_EXCL).
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).tmp-\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 16))"
        return (url.deletingLastPathComponent().path as NSString).appendingPathComponent(name)
    }

    /// Removes what writes interrupted by a crash left in `directory`: temporary files of ours
    /// untouched for `age` seconds (no write takes that long).
    public static func removeStaleTemporaries(in directory: String, olderThan age: TimeInterval = 3600) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  modified.timeIntervalSinceNow < -age else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
