import Foundation

/// What the program remembers between runs: the language and the theme, one small file each in
/// `$XDG_CONFIG_HOME/lostphone/` (`~/.config/lostphone/`).
public struct Preferences: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public init(environment: [String: String]) {
        self.init(directory: XDGDirectory.config.lostphone(environment: environment))
    }

    /// The language chosen with `L` on the full screen (`--lang` is for one run and is not kept).
    public var language: Language? {
        get { read("language").flatMap(Language.init(rawValue:)) }
        nonmutating set { if let v = newValue { write("language", v.rawValue) } }
    }

    /// The theme chosen with `t`: a name from `lostphone themes`.
    public var theme: String? {
        get { read("theme") }
        nonmutating set { if let v = newValue { write("theme", v) } }
    }

    private func read(_ name: String) -> String? {
        guard let s = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { return nil }
        let v = s.trimmingWhitespace()
        return v.isEmpty ? nil : v
    }

    /// Best effort: a preference that cannot be saved is not worth interrupting anyone for.
    private func write(_ name: String, _ value: String) {
        guard (try? PrivateDirectory.prepare(directory)) != nil else { return }
        try? AtomicFile.write(Data((value + "\n").utf8), to: directory + "/" + name, replace: true)
    }
}
