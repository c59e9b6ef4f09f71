import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small files read with `open`/`pread`, nil for any that cannot be read. For what the full
/// screen reads before its first frame (the remembered language and theme, the end of the
/// newest journal): `String(contentsOfFile:)` on a missing file built Foundation's error for
/// nothing (0.2 ms of a start of some 13 ms, perf on the static release binary), and
/// `FileHandle`'s first use set up its own machinery.
public enum FileBytes {
    /// The whole file, or nil when it cannot be opened or read, or holds more than `limit` bytes.
    public static func read(_ path: String, limit: Int) -> Data? {
        tail(path, bytes: limit, refuseLonger: true)
    }

    /// The file's last `bytes` bytes (all of a shorter one), or nil when it cannot be read.
    public static func tail(_ path: String, bytes: Int) -> Data? {
        tail(path, bytes: bytes, refuseLonger: false)
    }

    private static func tail(_ path: String, bytes: Int, refuseLonger: Bool) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(st.st_size)
        if refuseLonger && size > bytes { return nil }
        let start = max(0, size - bytes)
        var data = Data(count: size - start)
        var filled = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let n = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(start + filled))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return n == 0 }
                filled += n
            }
            return true
        }
        guard ok else { return nil }
        // A file cut shorter meanwhile: what was there.
        return filled == data.count ? data : data.prefix(filled)
    }
}
