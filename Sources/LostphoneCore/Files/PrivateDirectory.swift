import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why one of the program's own directories cannot be used, and what to do (`text`, in either
/// language; `message` is the English).
public struct DirectoryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: DirectoryProblem
    public var message: String { problem.text(in: .en) }
    public func text(_ language: Language) -> String { "\(path): " + problem.text(in: language) }
    public var description: String { text(.en) }
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
            // Appended piece by piece: `"/" + component` is the generic `+`, whose first use asks
            // the runtime for `Substring`'s conformances by name (0.1 ms of a start).
            built.append("/")
            built.append(contentsOf: component)
            if mkdir(built, 0o700) == 0 {
                Durable.syncDirectory(parent)
            } else if errno != EEXIST {
                throw DirectoryError(path: built, problem: .cannotCreate(reason: String(cString: strerror(errno))))
            }
        }
        // The directory itself, never what a link planted in its place points to: a link to a
        // shared folder (a 1777 /tmp) would have it chmod-ed and the journal written there.
        let fd = open(absolute, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let problem: DirectoryProblem = errno == ELOOP || errno == ENOTDIR
                ? (isLink(absolute) ? .symbolicLink : .notADirectory)
                : .cannotRead(reason: String(cString: strerror(errno)))
            throw DirectoryError(path: path, problem: problem)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw DirectoryError(path: path, problem: .cannotRead(reason: String(cString: strerror(errno))))
        }
        guard st.st_uid == geteuid() else {
            throw DirectoryError(path: path, problem: .otherOwner(uid: st.st_uid))
        }
        // A sticky folder (/tmp, as root) is a shared one: never made private to one person.
        guard st.st_mode & S_ISVTX == 0 else {
            throw DirectoryError(path: path, problem: .shared)
        }
        if st.st_mode & 0o077 != 0 {
            guard fchmod(fd, 0o700) == 0 else {
                throw DirectoryError(path: path, problem: .cannotMakePrivate(reason: String(cString: strerror(errno))))
            }
        }
    }

    static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }
}
