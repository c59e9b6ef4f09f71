#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The names in a folder, read with `opendir`/`readdir`. Every caller wants the names or none
/// (`try? FileManager.default.contentsOfDirectory(atPath:)` before), and that call's first use
/// in a process cost about 0.5 ms of a full-screen start of some 13 ms (perf, 60 starts of the
/// static release binary): Foundation's directory sequence builds each path by a generic join
/// whose types the runtime instantiates by name, and its lock and error machinery come along.
public enum DirectoryNames {
    /// The entries of `path` but `.` and `..`, in the order the file system gives them; none
    /// when it cannot be read (missing, not a folder, not permitted).
    public static func of(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
