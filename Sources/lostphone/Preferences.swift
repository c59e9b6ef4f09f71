import Foundation
import LostphoneCore

/// What the program remembers between runs (language, theme), in
/// `$XDG_CONFIG_HOME/lostphone/` (`~/.config/lostphone/`), one small file each.
struct Preferences {
    let directory: String

    init(environment: [String: String]) {
        directory = XDGDirectory.config.lostphone(environment: environment)
    }

    var language: Language? {
        get { read("language").flatMap(Language.init(rawValue:)) }
        nonmutating set { if let v = newValue { write("language", v.rawValue) } }
    }

    private func read(_ name: String) -> String? {
        guard let s = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { return nil }
        let v = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return v.isEmpty ? nil : v
    }

    /// Best effort: a preference that cannot be saved is not worth interrupting anyone for.
    private func write(_ name: String, _ value: String) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data((value + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/" + name), options: .atomic)
    }
}
