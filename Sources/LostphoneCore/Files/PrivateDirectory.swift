import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why one of the program's own directories cannot be used, and what to do.
public struct DirectoryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// The program's own directories (state, config): created 0700 with each new one fsynced into
/// its parent, so a power cut right after the first start cannot lose the directory that holds
/// the journal; used only when the person running the program owns them.
public enum PrivateDirectory {
    /// Makes sure `path` is a directory this user owns with mode 0700: creates it and any
    /// missing parents, tightens the mode of one of ours, and refuses (changing nothing) a
    /// directory that belongs to someone else or a path that is not a directory.
    public static func prepare(_ path: String) throws(DirectoryError) {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var built = ""
        for component in absolute.split(separator: "/") {
            let parent = built.isEmpty ? "/" : built
            built += "/" + component
            if mkdir(built, 0o700) == 0 {
                Durable.syncDirectory(parent)
            } else if errno != EEXIST {
                throw DirectoryError(path: built, message: "cannot create the directory (\(String(cString: strerror(errno)))).")
            }
        }
        var st = stat()
        guard stat(absolute, &st) == 0 else {
            throw DirectoryError(path: path, message: "cannot read the directory (\(String(cString: strerror(errno)))).")
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw DirectoryError(path: path, message: "is not a directory.")
        }
        guard st.st_uid == geteuid() else {
            throw DirectoryError(path: path, message: "belongs to another user (uid \(st.st_uid)); lostphone neither uses nor changes it.")
        }
        if st.st_mode & 0o077 != 0 {
            guard chmod(absolute, 0o700) == 0 else {
                throw DirectoryError(path: path, message: "cannot make the directory private (\(String(cString: strerror(errno)))).")
            }
        }
    }
}
