import Yams

/// What reading the profile found: the profile, or why it is refused, and the ids it named
/// that this playbook no longer has (left out, and said).
public struct ProfileLoad: Sendable {
    /// Nil when there is no profile file, or when it is refused.
    public var profile: Profile?
    /// Why the file is refused, each with its line; empty when it was read.
    public var problems: [FileProblem]
    /// Ids the file names that the playbook does not have: `(bank, xyz)`.
    public var dropped: [Dropped]
    /// Whether a profile file is there at all.
    public var exists: Bool
    /// The file's bytes as read (nil when there was none): a save checks that the file still
    /// holds them before replacing it (`ProfileStore.save(_:basedOn:…)`).
    public var contents: [UInt8]? = nil

    public struct Dropped: Sendable, Hashable {
        public var choice: String
        public var id: String
    }

    public static let none = ProfileLoad(profile: nil, problems: [], dropped: [], exists: false)

    public init(profile: Profile?, problems: [FileProblem], dropped: [Dropped], exists: Bool, contents: [UInt8]? = nil) {
        self.profile = profile; self.problems = problems; self.dropped = dropped; self.exists = exists; self.contents = contents
    }
}

/// The profile's file: YAML, in the playbook's spelling (docs/profile.md). Read with the
/// shared `YAMLReader` (every problem with its line), written by Yams from a node tree.
public enum ProfileFile {
    static let maxBytes = 64 * 1024
    /// A field longer than this is not a name, number or policy: probably a paste gone wrong.
    public static let maxFieldLength = DeviceField.maxLength

    static let header = "# lostphone profile, written by `lostphone prepare` (docs/profile.md).\n# Never a password: this file holds none, and none should go in.\n"

    /// Reads `yaml` against `playbook`: ids the playbook lacks are left out and listed.
    public static func parse(yaml: String, file: String, playbook: Playbook) -> ProfileLoad {
        let (root, composeProblems) = YAMLReader.compose(yaml, file: file, maxBytes: maxBytes)
        guard let root else { return ProfileLoad(profile: nil, problems: composeProblems, dropped: [], exists: true) }
        let reader = YAMLReader(file: file)
        var profile = Profile()
        var dropped: [ProfileLoad.Dropped] = []
        guard let top = reader.mapping(root, "profile", allowed: ["version", "playbook", "playbook-version", "updated", "choices",
                                                                  "phone", "insurance", "emergency-contact", "tips"],
                                       required: ["version"]) else {
            return ProfileLoad(profile: nil, problems: reader.problems, dropped: [], exists: true)
        }
        if let n = top["version"], let v = reader.int(n, "version"), v > Profile.formatVersion {
            reader.report(n, .profileTooNew(version: v, reads: Profile.formatVersion))
        }
        profile.playbook = top["playbook"].flatMap { reader.string($0, "playbook") }
        profile.playbookVersion = top["playbook-version"].flatMap { reader.int($0, "playbook-version") }
        profile.updated = top["updated"].flatMap { time($0, "updated", reader) }

        let choices = playbook.profileChoices
        if let n = top["choices"], let map = reader.mapping(n, "choices", allowed: Set(mappingKeys(n))) {
            for (choiceID, node) in map.sorted(by: { $0.value.line < $1.value.line }) {
                guard let list = reader.sequence(node, "choices.\(choiceID)") else { continue }
                let ids = list.compactMap { reader.string($0, "choices.\(choiceID)") }
                guard let choice = choices.first(where: { $0.id == choiceID }) else {
                    dropped += ids.map { .init(choice: choiceID, id: $0) }
                    continue
                }
                for id in ids {
                    if choice.option(id) == nil { dropped.append(.init(choice: choiceID, id: id)) }
                    else if !profile.isTicked(choiceID, id) { profile.set(choiceID, id, ticked: true) }
                }
            }
        }
        if let n = top["phone"], let map = reader.mapping(n, "phone", allowed: ["model", "imei", "number", "owner"]) {
            profile.device.model = map["model"].flatMap { field($0, .model, "phone.model", reader) }
            profile.device.number = map["number"].flatMap { field($0, .number, "phone.number", reader) }
            profile.device.owner = map["owner"].flatMap { field($0, .owner, "phone.owner", reader) }
            profile.device.imei = map["imei"].flatMap { field($0, .imei, "phone.imei", reader) }
        }
        if let n = top["insurance"], let map = reader.mapping(n, "insurance", allowed: ["insurer", "policy", "claim-within"]) {
            profile.insurer = map["insurer"].flatMap { field($0, .insurer, "insurance.insurer", reader) }
            profile.policy = map["policy"].flatMap { field($0, .policy, "insurance.policy", reader) }
            profile.device.claimWithin = map["claim-within"].flatMap { field($0, .claimWithin, "insurance.claim-within", reader) }
        }
        profile.emergencyContact = top["emergency-contact"].flatMap { field($0, .emergencyContact, "emergency-contact", reader) }
        let tipSteps = Set(playbook.tipSteps.map(\.id))
        if let n = top["tips"], let map = reader.mapping(n, "tips", allowed: Set(mappingKeys(n))) {
            for (id, node) in map.sorted(by: { $0.key < $1.key }) {
                guard let at = time(node, "tips.\(id)", reader) else { continue }
                if tipSteps.contains(StepID(id)) { profile.tips[StepID(id)] = at }
                else { dropped.append(.init(choice: "tips", id: id)) }
            }
        }
        let problems = reader.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return ProfileLoad(profile: problems.isEmpty ? profile : nil, problems: problems, dropped: dropped, exists: true)
    }

    /// The file's text for `profile`: ids and times plain, the person's own words quoted.
    public static func serialize(_ profile: Profile, playbook: Playbook) -> String {
        func plain(_ s: String) -> Node { .scalar(.init(s, .implicit, .plain)) }
        func quoted(_ s: String) -> Node { .scalar(.init(s, .implicit, .doubleQuoted)) }
        func map(_ pairs: [(String, Node)]) -> Node { .mapping(.init(pairs.map { (plain($0.0), $0.1) })) }
        var top: [(String, Node)] = [("version", plain(String(Profile.formatVersion))),
                                     ("playbook", plain(playbook.id)),
                                     ("playbook-version", plain(String(playbook.version)))]
        if let u = profile.updated { top.append(("updated", plain(u.text))) }
        // The guide's order, so the file reads like the form.
        let choices = playbook.profileChoices.compactMap { choice -> (String, Node)? in
            let ids = choice.options.map(\.id).filter { profile.isTicked(choice.id, $0) }
            return ids.isEmpty ? nil : (choice.id, .sequence(.init(ids.map(plain), .implicit, .flow)))
        }
        if !choices.isEmpty { top.append(("choices", map(choices))) }
        let d = profile.device
        let phone = [("model", d.model), ("imei", d.imei), ("number", d.number), ("owner", d.owner)]
            .compactMap { k, v in v.map { (k, quoted($0)) } }
        if !phone.isEmpty { top.append(("phone", map(phone))) }
        var insurance = [("insurer", profile.insurer), ("policy", profile.policy)].compactMap { k, v in v.map { (k, quoted($0)) } }
        if let c = profile.device.claimWithin { insurance.append(("claim-within", plain(c))) }
        if !insurance.isEmpty { top.append(("insurance", map(insurance))) }
        if let c = profile.emergencyContact { top.append(("emergency-contact", quoted(c))) }
        let tipOrder = playbook.tipSteps.map(\.id)
        let tips = tipOrder.compactMap { id in profile.tips[id].map { (id.rawValue, plain($0.text)) } }
        if !tips.isEmpty { top.append(("tips", map(tips))) }
        // Serializing a tree of plain strings cannot fail; an empty text is still a valid file.
        let body = (try? Yams.serialize(node: map(top), allowUnicode: true)) ?? "version: \(Profile.formatVersion)\n"
        return header + body
    }

    private static func mappingKeys(_ node: YAMLNode) -> [String] { node.mapping?.compactMap { $0.key.string } ?? [] }

    /// A text of the file through the one field validator (`DeviceField.accept`): a hand edit
    /// is refused for what `prepare`, its form and `i` refuse, with the line.
    private static func field(_ node: YAMLNode, _ field: DeviceField, _ what: String, _ reader: YAMLReader) -> String? {
        guard let s = reader.string(node, what) else { return nil }
        switch field.accept(s) {
        case .success(let kept): return kept
        case .failure(let problem):
            reader.report(node, .field(what: what, problem))
            return nil
        }
    }

    private static func time(_ node: YAMLNode, _ what: String, _ reader: YAMLReader) -> Timestamp? {
        guard let s = reader.string(node, what) else { return nil }
        guard let t = Timestamp(parsing: s) else { reader.report(node, .notATime(what: what, value: s)); return nil }
        return t
    }
}
