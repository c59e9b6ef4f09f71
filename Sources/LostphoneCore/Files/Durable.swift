import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The low-level steps that make a write survive a crash or a power cut: every byte written,
/// the file fsynced, and the directory entry fsynced too.
public enum Durable {
    /// Writes all of `data` to `fd`, retrying short writes and interruptions; false on an error
    /// (errno says which).
    public static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    /// Flushes a directory's entries (a file created, linked or renamed in it) to the disk.
    public static func syncDirectory(_ directory: String) {
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); _ = close(fd) }
    }

    /// Flushes the entry of `path` in its directory.
    public static func syncParent(of path: String) {
        syncDirectory((path as NSString).deletingLastPathComponent)
    }
}
