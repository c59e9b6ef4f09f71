import Foundation

/// One incident's journal in the store.
public struct IncidentSummary: Hashable, Sendable {
    public var id: String
    public var path: String
}

/// The directory of incident journals (`$XDG_STATE_HOME/lostphone`), one `<id>.jsonl` each.
/// Starting a new incident never touches the old ones.
public struct IncidentStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$XDG_STATE_HOME/lostphone`, else `~/.local/state/lostphone`. A relative XDG value is
    /// ignored, as the XDG specification asks.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return (state as NSString).appendingPathComponent("lostphone")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/state/lostphone")
    }

    /// Creates the directory (0700) if needed and makes sure only its owner can read it.
    public func prepare() throws(JournalError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
        } catch {
            throw JournalError(path: directory, message: "cannot create the state directory (\(error.localizedDescription)). Pass --state-dir DIR to keep the journal elsewhere.")
        }
    }

    public func path(for id: String) -> String {
        (directory as NSString).appendingPathComponent(id + ".jsonl")
    }

    /// Every incident, newest first (ids sort by start time).
    public func list() -> [IncidentSummary] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }
            .sorted(by: >)
            .map { name in
                IncidentSummary(id: String(name.dropLast(6)), path: (directory as NSString).appendingPathComponent(name))
            }
    }

    /// The newest incident, unless it was resolved (then a new one should start).
    public func latestOpen() -> String? {
        guard let newest = list().first else { return nil }
        // A byte search, not a decode: opening a long journal should read it once, not twice.
        if let data = FileManager.default.contents(atPath: newest.path),
           data.range(of: Data(#""kind":"resolved""#.utf8)) != nil {
            return nil
        }
        return newest.path
    }
}
