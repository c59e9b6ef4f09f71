import Foundation

/// What the program remembers between runs: the language and the theme, one small file each in
/// `$XDG_CONFIG_HOME/lostphone/` (`~/.config/lostphone/`), and per incident what the full
/// screen showed when it was left (`screen-ID.json`).
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

    /// What the full screen showed of an incident when it was last left (`screen-ID.json`), or
    /// nil: none kept, unreadable, or kept for another incident of the same id.
    public func screen(for incident: Incident) -> ScreenMemory? {
        guard let name = screenFile(incident.id), let data = FileBytes.read(directory + "/" + name, limit: 4 << 20),
              let memory = ScreenMemoryReader.decode(data) ?? (try? JSONDecoder().decode(ScreenMemory.self, from: data)),
              memory.incident == incident.id, memory.opened == incident.startedAt.text else { return nil }
        return memory
    }

    /// Keeps what the screen showed, written whole or not at all. Never under a folder that is
    /// gone: the folder above the configuration's (the home, normally) must still be there, so
    /// a program ending after its home was removed does not make it again.
    public func remember(_ memory: ScreenMemory) {
        let base = (directory as NSString).deletingLastPathComponent
        guard let name = screenFile(memory.incident),
              FileManager.default.fileExists(atPath: (base as NSString).deletingLastPathComponent) else { return }
        guard let data = Self.encode(memory), (try? PrivateDirectory.prepare(directory)) != nil else { return }
        try? AtomicFile.write(data, to: directory + "/" + name, replace: true)
    }

    /// The memory as `screen-ID.json` holds it: sorted keys, no spaces, what `ScreenMemoryReader`
    /// reads without `JSONDecoder` unless a text needs an escape.
    static func encode(_ memory: ScreenMemory) -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try? encoder.encode(memory)
    }

    /// `screen-20261124-210000.json`; nil for an id that is not a plain file name part.
    private func screenFile(_ id: String) -> String? {
        guard !id.isEmpty, !id.hasPrefix("."), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") })
        else { return nil }
        return "screen-\(id).json"
    }

    private func read(_ name: String) -> String? {
        guard let data = FileBytes.read(directory + "/" + name, limit: 4096),
              let s = UTF8Text.valid(data) else { return nil }
        let v = s.trimmingWhitespace()
        return v.isEmpty ? nil : v
    }

    /// Best effort: a preference that cannot be saved is not worth interrupting anyone for.
    private func write(_ name: String, _ value: String) {
        guard (try? PrivateDirectory.prepare(directory)) != nil else { return }
        try? AtomicFile.write(Data((value + "\n").utf8), to: directory + "/" + name, replace: true)
    }
}
