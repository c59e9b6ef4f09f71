import Foundation

/// Every problem found in a playbook file, in file order.
public struct PlaybookErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [PlaybookProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Reads and validates playbooks (the format is in docs/playbook-format.md). It reports every
/// problem at once, each with its line and column, and never accepts a half-valid playbook.
public enum PlaybookLoader {
    // Far above any real playbook (the built-in one is ~30 KiB; the 10,000-step benchmark one ~4 MiB).
    static let maxBytes = 16 * 1024 * 1024

    /// The built-in `cn-mainland` playbook, compiled into the binary as Swift values
    /// (`BuiltinPlaybook`); the tests check it is what its YAML gives.
    public static func builtin() -> Playbook { BuiltinPlaybook.playbook }

    public static func load(contentsOf path: String) -> Result<Playbook, PlaybookErrors> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(PlaybookErrors(problems: [PlaybookProblem(file: path, .cannotReadPlaybook)]))
        }
        return load(yaml: String(decoding: data, as: UTF8.self), file: path)
    }

    public static func load(yaml: String, file: String) -> Result<Playbook, PlaybookErrors> {
        let (root, composeProblems) = YAMLReader.compose(yaml, file: file, maxBytes: maxBytes)
        guard let root else { return .failure(PlaybookErrors(problems: composeProblems)) }
        let reader = YAMLReader(file: file)
        let builder = Builder(reader: reader)
        let playbook = builder.playbook(root)
        if let playbook, reader.problems.isEmpty { return .success(playbook) }
        let problems = reader.problems.isEmpty
            ? [PlaybookProblem(file: file, line: 1, column: 1, .notAPlaybook)]
            : reader.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return .failure(PlaybookErrors(problems: problems))
    }

    // These four are checked by hand (PlaybookPatterns); the patterns say what the checks mean.
    static let idPattern = "^[a-z0-9][a-z0-9-]{0,63}$"
    /// Digits with single hyphens between groups: `10086`, `0755-83765566`, `400-820-5555`.
    static let phonePattern = "^\\+?[0-9]{2,}(-[0-9]{2,})*$"
    /// A host with at least one dot, an optional scheme and an optional path; no spaces.
    static let webPattern = "^(https?://)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(/[A-Za-z0-9._~%/?#=&+-]*)?$"
    static let pressPattern = "^[0-9*#]{1,4}$"
    static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    /// A page's full address: scheme, a host with at least one dot, then anything but spaces.
    /// A stored copy's address may hold the copied page's address in its path (`https://copy.example/https://…`).
    static let pagePattern = "^https?://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]{1,5})?(/[^\\s]*)?$"

    /// The keys each mapping may hold, made once rather than at every mapping read.
    enum Keys {
        static let playbook: Set<String> = ["id", "version", "languages", "title", "source", "panes"]
        static let source: Set<String> = ["publisher", "title", "date", "url"]
        static let pane: Set<String> = ["id", "kind", "title", "steps"]
        static let step: Set<String> = ["id", "title", "priority", "why", "instructions", "contacts", "warning", "providers", "group",
                                        "choice", "choice-name", "requires", "requires-why", "follow-ups"]
        static let followUp: Set<String> = ["id", "after", "due", "title", "why", "source", "closed-by"]
        static let provider: Set<String> = ["id", "name", "instructions", "contacts", "note", "warning", "follow-ups"]
        static let contact: Set<String> = ["phone", "web", "path", "label", "press", "source", "confirmed", "press-confirmed", "page", "read-at"]
        static let languages: Set<String> = Set(Language.allCases.map(\.rawValue))
    }

    /// Walks the node tree; every method reports its own problems and returns nil on failure.
    final class Builder {
        let reader: YAMLReader
        var languages: [Language] = [.zh, .en]
        var stepIDs: [String: Int] = [:]
        /// What the cross-step checks need, gathered while the steps are read.
        var requirements: [(step: StepID, node: YAMLNode, ids: [(id: StepID, node: YAMLNode)])] = []
        var groups: [(group: String, step: StepID, line: Int, node: YAMLNode, providers: [ProviderID])] = []
        /// The `closed-by` of every follow-up, checked once every step is known.
        var closers: [(id: StepID, node: YAMLNode)] = []

        init(reader: YAMLReader) { self.reader = reader }

        /// Compiled once per load: `String.range(of:options: .regularExpression)` compiles the
        /// pattern on every call, which dominated loading a 10,000-step playbook.
        private var compiled: [String: NSRegularExpression] = [:]

        func matches(_ text: String, _ pattern: String) -> Bool {
            let regex: NSRegularExpression
            if let r = compiled[pattern] { regex = r } else {
                guard let r = try? NSRegularExpression(pattern: pattern) else { return false }
                compiled[pattern] = r
                regex = r
            }
            return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }

        func playbook(_ node: YAMLNode) -> Playbook? {
            guard let map = reader.mapping(node, "playbook", allowed: Keys.playbook,
                                           required: ["id", "version", "languages", "title", "source", "panes"]) else { return nil }
            if let n = map["languages"], let list = reader.sequence(n, "languages") {
                var found: [Language] = []
                for item in list {
                    guard let s = reader.string(item, "languages") else { continue }
                    guard let l = Language(rawValue: s) else { reader.report(item, .unsupportedLanguage(s)); continue }
                    if found.contains(l) { reader.report(item, .languageListedTwice(s)) } else { found.append(l) }
                }
                if found.isEmpty { reader.report(n, .noLanguage) } else { languages = found }
            }
            let id = map["id"].flatMap { identifier($0, "id") }
            let version = map["version"].flatMap { reader.int($0, "version") }
            if let v = version, v < 1, let n = map["version"] { reader.report(n, .versionTooLow) }
            let title = map["title"].flatMap { text($0, "title") }
            let source = map["source"].flatMap { self.source($0) }
            var panes: [Pane] = []
            var paneIDs: Set<String> = []
            if let n = map["panes"], let list = reader.sequence(n, "panes") {
                if list.isEmpty { reader.report(n, .noPanes) }
                if list.count > 4 { reader.report(n, .tooManyPanes(limit: 4)) }
                for item in list {
                    if let pane = pane(item) {
                        if !paneIDs.insert(pane.id.rawValue).inserted { reader.report(item, .paneIDTwice(pane.id.rawValue)) }
                        panes.append(pane)
                    }
                }
            }
            checkRequirements()
            checkGroups()
            checkFollowUps()
            guard let id, let version, let title, let source, reader.problems.isEmpty else { return nil }
            return Playbook(id: id, version: version, languages: languages, title: title, source: source, panes: panes)
        }

        func identifier(_ node: YAMLNode, _ what: String) -> String? {
            guard let s = reader.string(node, what) else { return nil }
            guard PlaybookPatterns.isIdentifier(s) else {
                reader.report(node, .badIdentifier(what: what, value: s))
                return nil
            }
            return s
        }

        /// A text in every declared language: `{zh: …, en: …}`.
        func text(_ node: YAMLNode, _ what: String, multiline: Bool = true) -> LocalizedText? {
            guard let map = reader.mapping(node, what, allowed: Keys.languages) else { return nil }
            var zh: String?, en: String?
            var ok = true
            for language in languages {
                guard let n = map[language.rawValue] else {
                    reader.report(node, .textMissing(what: what, language: language.rawValue)); ok = false; continue
                }
                guard let s = reader.string(n, "\(what).\(language.rawValue)", multiline: multiline) else { ok = false; continue }
                let trimmed = s.trimmingWhitespace()
                if trimmed.isEmpty {
                    reader.report(n, .textEmpty(what: what, language: language.rawValue)); ok = false; continue
                }
                switch language {
                case .zh: zh = trimmed
                case .en: en = trimmed
                }
            }
            for (key, n) in map where !languages.contains(where: { $0.rawValue == key }) {
                reader.report(n, .notAPlaybookLanguage(what: what, key: key))
                ok = false
            }
            return ok ? LocalizedText(zh: zh, en: en) : nil
        }

        func texts(_ node: YAMLNode, _ what: String) -> [LocalizedText]? {
            guard let list = reader.sequence(node, what) else { return nil }
            let result = list.enumerated().compactMap { text($1, "\(what)[\($0 + 1)]") }
            return result.count == list.count ? result : nil
        }

        func source(_ node: YAMLNode) -> PlaybookSource? {
            guard let map = reader.mapping(node, "source", allowed: Keys.source, required: ["publisher"]) else { return nil }
            let publisher = map["publisher"].flatMap { text($0, "source.publisher") }
            let title = map["title"].flatMap { text($0, "source.title") }
            let date = map["date"].flatMap { reader.string($0, "source.date") }
            if let d = date, !PlaybookPatterns.isDate(d), let n = map["date"] { reader.report(n, .notADate(what: "source.date")) }
            let url = map["url"].flatMap { reader.string($0, "source.url") }
            if let u = url, !matches(u, PlaybookLoader.webPattern), let n = map["url"] { reader.report(n, .notAWebAddress(what: "source.url")) }
            guard let publisher else { return nil }
            return PlaybookSource(publisher: publisher, title: title, date: date, url: url)
        }

        func pane(_ node: YAMLNode) -> Pane? {
            guard let map = reader.mapping(node, "pane", allowed: Keys.pane, required: ["id", "title", "steps"]) else { return nil }
            let id = map["id"].flatMap { identifier($0, "pane id") }
            var kind = PaneKind.actions
            if let n = map["kind"], let s = reader.string(n, "kind") {
                if let k = PaneKind(rawValue: s) { kind = k } else { reader.report(n, .badPaneKind) }
            }
            let title = map["title"].flatMap { text($0, "pane title") }
            var steps: [Step] = []
            if let n = map["steps"], let list = reader.sequence(n, "steps") {
                if list.isEmpty { reader.report(n, .noSteps) }
                for item in list {
                    guard let s = step(item) else { continue }
                    if kind == .actions && s.priority == nil { reader.report(item, .needsPriority(step: s.id.rawValue)) }
                    if kind == .tips && s.priority != nil { reader.report(item, .tipHasPriority(step: s.id.rawValue)) }
                    steps.append(s)
                }
            }
            guard let id, let title else { return nil }
            return Pane(id: PaneID(id), kind: kind, title: title, steps: steps)
        }

        func step(_ node: YAMLNode) -> Step? {
            guard let map = reader.mapping(node, "step", allowed: Keys.step,
                                           required: ["id", "title"]) else { return nil }
            let id = map["id"].flatMap { identifier($0, "step id") }
            if let id, let n = map["id"] {
                if let line = stepIDs[id] { reader.report(n, .stepIDUsed(id, line: line)) }
                else { stepIDs[id] = n.line }
            }
            let title = map["title"].flatMap { text($0, "step title", multiline: false) }
            var priority: Int? = nil
            if let n = map["priority"], let p = reader.int(n, "priority") {
                if (1...99).contains(p) { priority = p } else { reader.report(n, .priorityOutOfRange) }
            }
            let why = map["why"].flatMap { text($0, "why") }
            let instructions = map["instructions"].flatMap { texts($0, "instructions") } ?? []
            let contacts = map["contacts"].flatMap { self.contacts($0) } ?? []
            let warning = map["warning"].flatMap { text($0, "warning") }
            var providers: [Provider] = []
            var providerIDs: Set<String> = []
            if let n = map["providers"], let list = reader.sequence(n, "providers") {
                for item in list {
                    guard let p = provider(item) else { continue }
                    if !providerIDs.insert(p.id.rawValue).inserted { reader.report(item, .providerIDTwice(p.id.rawValue)) }
                    providers.append(p)
                }
            }
            var group: String? = nil
            if let n = map["group"], let g = identifier(n, "group") {
                if providers.isEmpty { reader.report(n, .groupWithoutProviders) }
                else if let id { groups.append((g, StepID(id), n.line, n, providers.map(\.id))) }
                group = g
            }
            var choice: String? = nil
            if let n = map["choice"], let c = identifier(n, "choice") {
                if !providers.isEmpty { reader.report(n, .choiceWithProviders) }
                choice = c
            }
            let choiceName = map["choice-name"].flatMap { text($0, "choice-name", multiline: false) }
            if let n = map["choice-name"], map["choice"] == nil { reader.report(n, .onlyWith(key: "choice-name", other: "choice")) }
            var requires: [StepID] = []
            if let n = map["requires"], let list = reader.sequence(n, "requires") {
                var found: [(id: StepID, node: YAMLNode)] = []
                for item in list {
                    guard let r = identifier(item, "requires") else { continue }
                    if found.contains(where: { $0.id.rawValue == r }) { reader.report(item, .requiresListedTwice(r)); continue }
                    found.append((StepID(r), item))
                }
                if list.isEmpty { reader.report(n, .requiresEmpty) }
                if let id { requirements.append((StepID(id), n, found)) }
                requires = found.map(\.id)
            }
            let requiresWhy = map["requires-why"].flatMap { text($0, "requires-why") }
            if map["requires"] != nil && map["requires-why"] == nil {
                reader.report(map["requires"], .requiresWithoutWhy)
            }
            if let n = map["requires-why"], map["requires"] == nil { reader.report(n, .onlyWith(key: "requires-why", other: "requires")) }
            let followUps = map["follow-ups"].flatMap { self.followUps($0) } ?? []
            for provider in providers {
                for rule in provider.followUps where followUps.contains(where: { $0.id == rule.id }) {
                    reader.report(map["follow-ups"], .followUpSharedWithProvider(id: rule.id, provider: provider.id.rawValue))
                }
            }
            guard let id, let title else { return nil }
            return Step(id: StepID(id), title: title, priority: priority, why: why, instructions: instructions,
                        contacts: contacts, warning: warning, providers: providers, group: group,
                        choice: choice, choiceName: choiceName, requires: requires, requiresWhy: requiresWhy,
                        followUps: followUps)
        }

        /// Every required step exists, and no step requires itself, directly or through others.
        func checkRequirements() {
            for r in requirements {
                for (id, node) in r.ids where stepIDs[id.rawValue] == nil {
                    reader.report(node, .requiresUnknownStep(id.rawValue))
                }
            }
            let graph = Dictionary(requirements.map { ($0.step, $0.ids.map(\.id)) }, uniquingKeysWith: { a, _ in a })
            var reported: Set<StepID> = []
            for r in requirements where !reported.contains(r.step) {
                guard let cycle = cycle(from: r.step, graph) else { continue }
                reported.formUnion(cycle)
                reader.report(r.node, .requiresCycle(cycle.map(\.rawValue) + [r.step.rawValue]))
            }
        }

        /// A path from `start` back to itself along `requires`, or nil.
        func cycle(from start: StepID, _ graph: [StepID: [StepID]]) -> [StepID]? {
            var visited: Set<StepID> = []
            func walk(_ id: StepID, _ path: [StepID]) -> [StepID]? {
                for next in graph[id] ?? [] {
                    if next == start { return path }
                    if visited.insert(next).inserted, let found = walk(next, path + [next]) { return found }
                }
                return nil
            }
            return walk(start, [start])
        }

        /// A step's follow-ups: what must follow its outcome, and by when.
        func followUps(_ node: YAMLNode) -> [FollowUpRule]? {
            guard let list = reader.sequence(node, "follow-ups") else { return nil }
            if list.isEmpty { reader.report(node, .followUpsEmpty) }
            var ids: Set<String> = []
            var rules: [FollowUpRule] = []
            for item in list {
                guard let map = reader.mapping(item, "follow-up", allowed: Keys.followUp,
                                               required: ["id", "due", "title"]) else { continue }
                let id = map["id"].flatMap { identifier($0, "follow-up id") }
                if let id, let n = map["id"], !ids.insert(id).inserted { reader.report(n, .followUpIDTwice(id)) }
                var after = StepState.done
                if let n = map["after"], let s = reader.string(n, "after") {
                    if let state = StepState(rawValue: s), state != .pending { after = state }
                    else { reader.report(n, .badAfter(s)) }
                }
                var due: DueOffset? = nil
                if let n = map["due"], let s = reader.string(n, "due") {
                    due = DueOffset(parsing: s)
                    if due == nil { reader.report(n, .badDue(s)) }
                }
                let title = map["title"].flatMap { text($0, "follow-up title", multiline: false) }
                let why = map["why"].flatMap { text($0, "follow-up why") }
                let source = map["source"].flatMap { contactSource($0) }
                var closedBy: StepID? = nil
                if let n = map["closed-by"], let c = identifier(n, "closed-by") {
                    closedBy = StepID(c)
                    closers.append((StepID(c), n))
                }
                guard let id, let due, let title else { continue }
                rules.append(FollowUpRule(id: id, after: after, due: due, title: title, why: why, source: source, closedBy: closedBy))
            }
            return rules
        }

        /// Every `closed-by` names a step of the playbook.
        func checkFollowUps() {
            for (id, node) in closers where stepIDs[id.rawValue] == nil {
                reader.report(node, .closedByUnknownStep(id.rawValue))
            }
        }

        /// Every step of one group lists the same provider ids, so a choice carries across them.
        func checkGroups() {
            var first: [String: (step: StepID, line: Int, providers: [ProviderID])] = [:]
            for g in groups {
                guard let reference = first[g.group] else { first[g.group] = (g.step, g.line, g.providers); continue }
                let mine = Set(g.providers), theirs = Set(reference.providers)
                guard mine != theirs else { continue }
                let missing = reference.providers.filter { !mine.contains($0) }.map(\.rawValue)
                let extra = g.providers.filter { !theirs.contains($0) }.map(\.rawValue)
                reader.report(g.node, .groupMismatch(group: g.group, step: g.step.rawValue, missing: missing, extra: extra,
                                                     reference: reference.step.rawValue, line: reference.line))
            }
        }

        func provider(_ node: YAMLNode) -> Provider? {
            guard let map = reader.mapping(node, "provider", allowed: Keys.provider,
                                           required: ["id", "name"]) else { return nil }
            let id = map["id"].flatMap { identifier($0, "provider id") }
            let name = map["name"].flatMap { text($0, "provider name", multiline: false) }
            let instructions = map["instructions"].flatMap { texts($0, "instructions") } ?? []
            let contacts = map["contacts"].flatMap { self.contacts($0) } ?? []
            let note = map["note"].flatMap { text($0, "note") }
            let warning = map["warning"].flatMap { text($0, "warning") }
            let followUps = map["follow-ups"].flatMap { self.followUps($0) } ?? []
            guard let id, let name else { return nil }
            return Provider(id: ProviderID(id), name: name, instructions: instructions, contacts: contacts, note: note, warning: warning,
                            followUps: followUps)
        }

        func contacts(_ node: YAMLNode) -> [Contact]? {
            guard let list = reader.sequence(node, "contacts") else { return nil }
            return list.compactMap { contact($0) }
        }

        func contact(_ node: YAMLNode) -> Contact? {
            guard let map = reader.mapping(node, "contact", allowed: Keys.contact) else { return nil }
            let kinds = ["phone", "web", "path"].filter { map[$0] != nil }
            guard kinds.count == 1 else {
                reader.report(node, .contactKinds(found: kinds))
                return nil
            }
            var kind: Contact.Kind? = nil
            if let n = map["phone"], let s = reader.string(n, "phone") {
                if PlaybookPatterns.isPhoneNumber(s) && s.utf8.filter(PlaybookPatterns.isDigit).count <= 15 { kind = .phone(s) }
                else { reader.report(n, .badPhone(s)) }
            }
            if let n = map["web"], let s = reader.string(n, "web") {
                if matches(s, PlaybookLoader.webPattern) { kind = .web(s) }
                else { reader.report(n, .badWeb(s)) }
            }
            if let n = map["path"], let t = text(n, "path", multiline: false) { kind = .path(t) }
            let label = map["label"].flatMap { text($0, "label", multiline: false) }
            var press: String? = nil
            if let n = map["press"], let s = reader.string(n, "press") {
                if PlaybookPatterns.isPress(s) { press = s }
                else { reader.report(n, .badPress(s)) }
                if map["phone"] == nil { reader.report(n, .pressWithoutPhone) }
            }
            let source = map["source"].flatMap { contactSource($0) } ?? .article
            let confirmed = map["confirmed"].flatMap { reader.bool($0, "confirmed") } ?? false
            let pressConfirmed = map["press-confirmed"].flatMap { reader.bool($0, "press-confirmed") } ?? false
            if let n = map["press-confirmed"], press == nil { reader.report(n, .onlyWith(key: "press-confirmed", other: "press")) }
            let page = map["page"].flatMap { pageAddress($0, "page") }
            let readAt = map["read-at"].flatMap { pageAddress($0, "read-at") }
            if map["page"] == nil {
                // "Confirmed" means an official page was read: without its address, nobody can check it.
                for (key, value) in [("confirmed", confirmed), ("press-confirmed", pressConfirmed)] {
                    if value, let n = map[key] {
                        reader.report(n, .confirmedWithoutPage(key: key))
                    }
                }
            }
            if let n = map["read-at"], map["page"] == nil { reader.report(n, .readAtWithoutPage) }
            guard let kind else { return nil }
            return Contact(kind: kind, label: label, press: press, source: source, confirmed: confirmed,
                           pressConfirmed: pressConfirmed, page: page, readAt: readAt)
        }

        /// A page's address, with its scheme: `https://www.nx.10086.cn/support/…`.
        func pageAddress(_ node: YAMLNode, _ key: String) -> String? {
            guard let s = reader.string(node, key) else { return nil }
            guard matches(s, PlaybookLoader.pagePattern) else {
                reader.report(node, .badPage(key: key, value: s))
                return nil
            }
            return s
        }

        /// `article`, a domain (`icbc.com.cn`), or a text in each language: never words in one
        /// language only, which the other language's screen would show untranslated.
        func contactSource(_ node: YAMLNode) -> ContactSource? {
            if node.mapping != nil { return text(node, "source", multiline: false).map { .text($0) } }
            guard let s = reader.string(node, "source") else { return nil }
            if s == "article" { return .article }
            if matches(s, PlaybookLoader.webPattern) { return .domain(s) }
            reader.report(node, .badSource(s))
            return nil
        }
    }
}
