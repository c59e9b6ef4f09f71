/// A path's folder and file name, cut at its last `/` by hand. `URL`'s `lastPathComponent` and
/// `deletingLastPathComponent` build a `Set` whose first use asks the runtime to scan every
/// conformance of the static binary; the paths cut here (a journal's, a file about to be
/// written, the binary's own) are absolute or plain names, with no `/` at the end.
public enum PathName {
    /// `path` cut after its last `/`: the folder keeps the `/`, and is empty for a bare name.
    public static func split(_ path: String) -> (folder: Substring, file: Substring) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path[...]) }
        let after = path.index(after: slash)
        return (path[..<after], path[after...])
    }

    /// The folder `path` is in, without the `/` that ends it (`/` itself for the root); empty
    /// for a bare name.
    public static func folder(of path: String) -> String {
        let folder = split(path).folder
        return folder.count > 1 ? String(folder.dropLast()) : String(folder)
    }
}
