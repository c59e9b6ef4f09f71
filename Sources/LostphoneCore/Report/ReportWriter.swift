import Foundation

/// The export formats.
public enum ReportFormat: String, CaseIterable, Sendable {
    case md, json, txt, html
    /// What is due, as calendar events (`DueCalendar`).
    case ics

    public func render(_ report: Report) -> String {
        switch self {
        case .md: report.markdown()
        case .json: report.json()
        case .txt: report.text()
        case .html: report.html()
        case .ics: DueCalendar.ics(report.due, incidentID: report.incident.id, product: "lostphone")
        }
    }
}

/// Why a report could not be written, and what to do: said in the person's language by `text`;
/// `message` is the English text (logs, tests).
public struct ReportWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problem: ReportWriteProblem
    public init(_ problem: ReportWriteProblem) { self.problem = problem }
    public func text(_ language: Language) -> String { problem.text(in: language) }
    public var message: String { text(.en) }
    public var description: String { message }
}

/// Writes a report so that it is either whole or absent: a temporary file beside the target,
/// fsynced, then moved into place. Mode 0600, since a report holds personal data.
public enum ReportWriter {
    /// `lostphone-report-20261124-210000.md`, or `…-210000-police.md` for one reader.
    public static func defaultFileName(incident: Incident, format: ReportFormat, audience: ReportAudience? = nil) -> String {
        "lostphone-report-\(incident.id)\(audience.map { "-" + $0.rawValue } ?? "").\(format.rawValue)"
    }

    /// The report of `incident` in `format`, for `audience` (nil: the full report): what
    /// `lostphone export` writes, for the screen's `e` to offer the same choice.
    public static func content(incident: Incident, playbook: Playbook, language: Language, format: ReportFormat,
                               audience: ReportAudience?, paper: ReportPaper = .a4, generatedAt: Timestamp) -> String {
        var report = Report(incident: incident, playbook: playbook, language: language, generatedAt: generatedAt, audience: audience)
        report.paper = paper
        return format.render(report)
    }

    /// `name` in `directory`, or, where a file of that name exists, the first free
    /// `stem-2.ext`, `stem-3.ext`…: the screen's `e` never replaces a report.
    public static func freePath(for name: String, in directory: String) -> String {
        let base = URL(fileURLWithPath: directory).appendingPathComponent(name)
        let stem = base.deletingPathExtension().lastPathComponent, ext = base.pathExtension
        var path = base.path
        var n = 2
        while FileManager.default.fileExists(atPath: path) {
            path = URL(fileURLWithPath: directory).appendingPathComponent("\(stem)-\(n)" + (ext.isEmpty ? "" : ".\(ext)")).path
            n += 1
        }
        return path
    }

    public static func write(_ content: String, to path: String, force: Bool) throws(ReportWriteError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw ReportWriteError(.isADirectory(path: path)) }
            if !force { throw ReportWriteError(.exists(path: path)) }
        }
        // A copy an export killed midway left beside the target holds the whole report.
        AtomicFile.removeStaleTemporaries(in: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, for: path)
        do {
            try AtomicFile.write(Data(content.utf8), to: path, replace: force)
        } catch {
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
            switch error.stage {
            case .create:
                throw ReportWriteError(.cannotWriteIn(directory: dir, reason: error.reason))
            case .write: throw ReportWriteError(.cannotWrite(path: path, reason: error.reason))
            case .place: throw ReportWriteError(.cannotPlace(path: path, reason: error.reason, replacing: force))
            case .exists: throw ReportWriteError(.appeared(path: path))
            }
        }
    }
}
