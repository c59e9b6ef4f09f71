import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The export formats.
public enum ReportFormat: String, CaseIterable, Sendable {
    case md, json, txt

    public func render(_ report: Report) -> String {
        switch self {
        case .md: report.markdown()
        case .json: report.json()
        case .txt: report.text()
        }
    }
}

/// Why a report could not be written, and what to do.
public struct ReportWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Writes a report so that it is either whole or absent: a temporary file beside the target,
/// fsynced, then moved into place. Mode 0600, since a report holds personal data.
public enum ReportWriter {
    /// `lostphone-report-20261124-210000.md`
    public static func defaultFileName(incident: Incident, format: ReportFormat) -> String {
        "lostphone-report-\(incident.id).\(format.rawValue)"
    }

    public static func write(_ content: String, to path: String, force: Bool) throws(ReportWriteError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let temp = (dir as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw ReportWriteError(message: "\(path) is a directory; give a file name (-o DIR/report.md).") }
            if !force { throw ReportWriteError(message: "\(path) already exists; pass --force to replace it, or choose another name with -o.") }
        }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ReportWriteError(message: "cannot write in \(dir) (\(String(cString: strerror(errno)))); choose another place with -o FILE, or -o - for standard output.")
        }
        func fail(_ what: String) -> ReportWriteError {
            let reason = String(cString: strerror(errno))
            _ = close(fd)
            unlink(temp)
            return ReportWriteError(message: "\(what) \(path) (\(reason)); nothing was written.")
        }
        let data = Data(content.utf8)
        let ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        guard ok, fsync(fd) == 0 else { throw fail("cannot write") }
        if force {
            guard rename(temp, path) == 0 else { throw fail("cannot replace") }
        } else {
            // link() refuses to replace a file that appeared meanwhile; rename() would not.
            guard link(temp, path) == 0 else {
                let exists = errno == EEXIST
                let e = fail("cannot create")
                if exists { throw ReportWriteError(message: "\(path) already exists; pass --force to replace it.") }
                throw e
            }
            unlink(temp)
        }
        _ = close(fd)
        Journal.syncDirectory(of: path)
    }
}
