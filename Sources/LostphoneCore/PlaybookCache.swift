import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A compiled copy of every playbook file that loaded cleanly, so that the next start skips YAML
/// and validation: both grow with the file (a 10,000-step playbook takes 1.5 s to read and check,
/// its compiled copy a fraction of that to decode).
///
/// An entry is named by a hash of the YAML's bytes and holds those bytes in full; it is used only
/// when they equal the file's byte for byte, so an edited playbook is always read afresh and a
/// hash collision can never serve the wrong one. A playbook with problems is never cached, so its
/// problems are reported every time. Anything wrong with the cache (missing, unreadable, damaged,
/// from another version) means the YAML is read, as if there were no cache.
public struct PlaybookCache: Sendable {
    public let directory: String

    /// Change whenever `Playbook`'s shape or what the loader accepts changes: entries written by
    /// another format are ignored.
    static let format = "lostphone playbook cache 3\n"

    public init(directory: String) { self.directory = directory }

    /// `$XDG_CACHE_HOME/lostphone/playbooks`, else `~/.cache/lostphone/playbooks`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        XDGDirectory.cache.lostphone("playbooks", environment: environment)
    }

    /// The playbook at `path`, from the cache when it holds exactly these bytes, else read,
    /// validated and (when clean) cached.
    public func load(contentsOf path: String) -> Result<Playbook, PlaybookErrors> {
        let (result, entry) = read(contentsOf: path)
        entry?.write()
        return result
    }

    /// What reading leaves the cache to do, done when `write()` is called: store a new entry,
    /// or mark the one used as used now (which keeps it from being pruned).
    public struct PendingEntry: Sendable {
        let cache: PlaybookCache
        /// The playbook and its source, to store; nil to mark the entry used.
        let store: (playbook: Playbook, source: Data)?
        let path: String

        public func write() {
            if let store {
                cache.store(store.playbook, source: store.source, at: path)
            } else {
                utimes(path, nil)
            }
        }
    }

    /// As `load`, but writes nothing: a playbook read from YAML comes with the entry to store,
    /// for a caller that may not touch the disk yet (the full screen reads the playbook while it
    /// checks the terminal, and writes only once it knows it will run).
    public func read(contentsOf path: String) -> (Result<Playbook, PlaybookErrors>, PendingEntry?) {
        guard let source = FileManager.default.contents(atPath: path) else {
            return (PlaybookLoader.load(contentsOf: path), nil)   // says why it cannot be read
        }
        if let (playbook, used) = cached(source) { return (.success(playbook), used) }
        let result = PlaybookLoader.load(yaml: String(decoding: source, as: UTF8.self), file: path)
        guard case .success(let playbook) = result else { return (result, nil) }
        return (result, toStore(playbook, source))
    }

    /// The built-in playbook, the same way: its YAML is parsed once per machine rather than at
    /// every start (on the critical path of a start, that parse was a third of the time).
    public func readBuiltin() -> (Playbook, PendingEntry?) {
        let source = Data(BuiltinResources.playbookBytes)
        if let hit = cached(source) { return hit }
        let playbook = PlaybookLoader.builtin()
        return (playbook, PlaybookLoader.isFallback(playbook) ? nil : toStore(playbook, source))
    }

    /// The entry compiled from exactly `source`, if there is a good one, and the mark of its use.
    private func cached(_ source: Data) -> (Playbook, PendingEntry)? {
        let entry = entryPath(for: source)
        guard let playbook = Self.read(entry: entry, source: source) else { return nil }
        return (playbook, PendingEntry(cache: self, store: nil, path: entry))
    }

    /// The entry to store for `playbook`, read cleanly from `source`.
    private func toStore(_ playbook: Playbook, _ source: Data) -> PendingEntry {
        PendingEntry(cache: self, store: (playbook, source), path: entryPath(for: source))
    }

    func entryPath(for source: Data) -> String {
        (directory as NSString).appendingPathComponent(ContentHash.hex(ContentHash.of(source)) + ".cache")
    }

    // An entry (`AtomicFile.writeSealed`): its body is the YAML it was compiled from, then the
    // playbook, both in `ByteWriter` form. Damage to any part makes the entry unusable, never wrong.

    static func read(entry: String, source: Data) -> Playbook? {
        AtomicFile.readSealed(entry, format: format).flatMap { body in
            ByteReader.whole(body) { r -> Playbook in
                let copy = try r.raw()
                let same = copy.count == source.count && source.withUnsafeBytes { s in
                    copy.isEmpty || memcmp(s.baseAddress!, copy.baseAddress!, copy.count) == 0
                }
                guard same else { throw ByteReader.Malformed() }
                return try Playbook(reading: &r)
            }
        }
    }

    /// Best effort: a cache that cannot be written only means the next start reads the YAML again.
    func store(_ playbook: Playbook, source: Data, at entry: String) {
        var writer = ByteWriter()
        writer.raw(source)
        playbook.write(to: &writer)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch { return }
        AtomicFile.writeSealed(writer.bytes, format: Self.format, to: entry)
        prune(keeping: entry)
    }

    /// At most this many entries are kept: one per playbook file in use, and a few older
    /// versions of them. The least recently used go first.
    static let maximumEntries = 8

    /// Removes the least recently used entries beyond `maximumEntries`, never `kept`.
    func prune(keeping kept: String) {
        AtomicFile.removeStaleTemporaries(in: directory)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".cache") }
        guard names.count > Self.maximumEntries else { return }
        let entries = names.map { (directory as NSString).appendingPathComponent($0) }.map { path -> (String, Date) in
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            return (path, modified ?? .distantPast)
        }
        for (path, _) in entries.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.maximumEntries) where path != kept {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}

// MARK: - the compiled form, field by field (bump `PlaybookCache.format` when any of this changes)

extension Playbook {
    func write(to w: inout ByteWriter) {
        w.string(id); w.int(version)
        w.array(languages) { $1.write(to: &$0) }
        title.write(to: &w)
        source.publisher.write(to: &w)
        w.optional(source.title) { $1.write(to: &$0) }
        w.optional(source.date) { $0.string($1) }
        w.optional(source.url) { $0.string($1) }
        w.array(panes) { $1.write(to: &$0) }
    }

    init(reading r: inout ByteReader) throws {
        let id = try r.string(), version = try r.int()
        let languages = try r.array { try Language.read(&$0) }
        let title = try LocalizedText(reading: &r)
        let source = PlaybookSource(publisher: try LocalizedText(reading: &r),
                                    title: try r.optional { try LocalizedText(reading: &$0) },
                                    date: try r.optional { try $0.string() },
                                    url: try r.optional { try $0.string() })
        let panes = try r.array { try Pane(reading: &$0) }
        self.init(id: id, version: version, languages: languages, title: title, source: source, panes: panes)
    }
}

extension Language {
    // By its place in `allCases`: a playbook holds tens of thousands of texts, and reading the
    // language as a string to look up was a large part of reading a text.
    func write(to w: inout ByteWriter) { w.int(Language.allCases.firstIndex(of: self) ?? 0) }

    static func read(_ r: inout ByteReader) throws -> Language {
        let i = try r.int()
        guard Language.allCases.indices.contains(i) else { throw ByteReader.Malformed() }
        return Language.allCases[i]
    }
}

extension LocalizedText {
    func write(to w: inout ByteWriter) {
        let present = Language.allCases.filter { value($0) != nil }
        w.array(present) { w, language in
            language.write(to: &w); w.string(value(language) ?? "")
        }
    }

    init(reading r: inout ByteReader) throws {
        self.init([:])
        for _ in 0..<(try r.count()) {
            let language = try Language.read(&r)
            setValue(try r.string(), for: language)
        }
    }
}

extension Pane {
    func write(to w: inout ByteWriter) {
        w.string(id.rawValue); w.string(kind.rawValue)
        title.write(to: &w)
        w.array(steps) { $1.write(to: &$0) }
    }

    init(reading r: inout ByteReader) throws {
        let id = PaneID(try r.string())
        guard let kind = PaneKind(rawValue: try r.string()) else { throw ByteReader.Malformed() }
        let title = try LocalizedText(reading: &r)
        let steps = try r.array { try Step(reading: &$0) }
        self.init(id: id, kind: kind, title: title, steps: steps)
    }
}

extension Step {
    func write(to w: inout ByteWriter) {
        w.string(id.rawValue)
        title.write(to: &w)
        w.optional(priority) { $0.int($1) }
        w.optional(why) { $1.write(to: &$0) }
        w.array(instructions) { $1.write(to: &$0) }
        w.array(contacts) { $1.write(to: &$0) }
        w.optional(warning) { $1.write(to: &$0) }
        w.array(providers) { $1.write(to: &$0) }
    }

    init(reading r: inout ByteReader) throws {
        let id = StepID(try r.string())
        let title = try LocalizedText(reading: &r)
        let priority = try r.optional { try $0.int() }
        let why = try r.optional { try LocalizedText(reading: &$0) }
        let instructions = try r.array { try LocalizedText(reading: &$0) }
        let contacts = try r.array { try Contact(reading: &$0) }
        let warning = try r.optional { try LocalizedText(reading: &$0) }
        let providers = try r.array { try Provider(reading: &$0) }
        self.init(id: id, title: title, priority: priority, why: why, instructions: instructions,
                  contacts: contacts, warning: warning, providers: providers)
    }
}

extension Provider {
    func write(to w: inout ByteWriter) {
        w.string(id.rawValue)
        name.write(to: &w)
        w.array(instructions) { $1.write(to: &$0) }
        w.array(contacts) { $1.write(to: &$0) }
        w.optional(note) { $1.write(to: &$0) }
        w.optional(warning) { $1.write(to: &$0) }
    }

    init(reading r: inout ByteReader) throws {
        let id = ProviderID(try r.string())
        let name = try LocalizedText(reading: &r)
        let instructions = try r.array { try LocalizedText(reading: &$0) }
        let contacts = try r.array { try Contact(reading: &$0) }
        let note = try r.optional { try LocalizedText(reading: &$0) }
        let warning = try r.optional { try LocalizedText(reading: &$0) }
        self.init(id: id, name: name, instructions: instructions, contacts: contacts, note: note, warning: warning)
    }
}

extension Contact {
    func write(to w: inout ByteWriter) {
        switch kind {
        case .phone(let number): w.int(0); w.string(number)
        case .web(let address): w.int(1); w.string(address)
        case .path(let path): w.int(2); path.write(to: &w)
        }
        w.optional(label) { $1.write(to: &$0) }
        w.optional(press) { $0.string($1) }
        w.string(source)
        w.bool(confirmed)
    }

    init(reading r: inout ByteReader) throws {
        let kind: Kind
        switch try r.int() {
        case 0: kind = .phone(try r.string())
        case 1: kind = .web(try r.string())
        case 2: kind = .path(try LocalizedText(reading: &r))
        default: throw ByteReader.Malformed()
        }
        let label = try r.optional { try LocalizedText(reading: &$0) }
        let press = try r.optional { try $0.string() }
        self.init(kind: kind, label: label, press: press, source: try r.string(), confirmed: try r.bool())
    }
}
