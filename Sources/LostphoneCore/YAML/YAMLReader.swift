import Yams

/// Reads a YAML document node by node, collecting every problem with its line and column
/// instead of stopping at the first. Shared by the playbook and theme loaders.
final class YAMLReader {
    let file: String
    private(set) var problems: [FileProblem] = []

    init(file: String) { self.file = file }

    /// At most this many nodes once every alias is expanded: a playbook of 10,000 steps has a
    /// few hundred thousand. The loaders walk an alias each time it is used, so without a budget
    /// a small file of nested aliases ("billion laughs") would have them walk for minutes.
    static let nodeBudget = 1_000_000

    /// Parses `text` into a node tree (each node keeps its position), refusing a file whose
    /// aliases expand beyond `nodeBudget` nodes before anything walks it.
    static func compose(_ text: String, file: String, maxBytes: Int) -> (YAMLNode?, [FileProblem]) {
        if text.utf8.count > maxBytes {
            return (nil, [FileProblem(file: file, .tooLarge(bytes: text.utf8.count, limit: maxBytes))])
        }
        let node: YAMLNode, aliases: Bool
        switch YAMLComposer.compose(text) {
        case .empty:
            return (nil, [FileProblem(file: file, line: 1, column: 1, .empty)])
        case let .failed(problem, line, column):
            // libyaml said what is wrong; Yams says it as it always has (reader errors with their
            // offset turned into a line, a second document, an undefined alias).
            return (nil, [refusal(text, file: file) ?? FileProblem(file: file, line: line, column: column, .invalidYAML(detail: problem))])
        case let .document(root, keysToCheck, usesAliases):
            if keysToCheck, let refused = refusal(text, file: file) { return (nil, [refused]) }
            node = root
            aliases = usesAliases
        }
        // Without an alias nothing multiplies: the walk would count only the nodes the loader is
        // about to walk once anyway.
        if aliases, let last = nodeWhereBudgetRunsOut(node, budget: nodeBudget) {
            return (nil, [FileProblem(file: file, line: last.line, column: last.column, .aliasBudget(limit: nodeBudget))])
        }
        return (node, [])
    }

    /// Why Yams refuses `text`, or nil when it accepts it: asked only of a file the composer
    /// cannot settle alone (libyaml refused it, or a mapping may repeat a key), so each of these
    /// messages is Yams' own. The basic resolver: every scalar stays a string, which the loaders
    /// convert and check themselves.
    private static func refusal(_ text: String, file: String) -> FileProblem? {
        do {
            _ = try Yams.compose(yaml: text, .basic)
            return nil
        } catch let error as YamlError {
            return problem(error, file: file)
        } catch {
            return FileProblem(file: file, .invalidYAML(detail: "\(error)"))
        }
    }

    /// The node at which a walk of `root`, every alias expanded, passes `budget` nodes; nil when
    /// the whole tree fits. It stops there, so a bomb costs no more than the budget.
    static func nodeWhereBudgetRunsOut(_ root: YAMLNode, budget: Int) -> YAMLNode? {
        var stack = [root]
        var count = 0
        while let node = stack.popLast() {
            count += 1
            if count > budget { return node }
            switch node.content {
            case .scalar: break
            case .mapping(let m):
                for (k, v) in m { stack.append(v); stack.append(k) }
            case .sequence(let s):
                stack.append(contentsOf: s.reversed())
            }
        }
        return nil
    }

    private static func problem(_ error: YamlError, file: String) -> FileProblem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return FileProblem(file: file, line: mark.line, column: mark.column, .invalidYAML(detail: problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            return FileProblem(file: file, line: context.mark.line, column: context.mark.column,
                               .duplicateKeys(duplicates))
        case let .reader(problem, offset, _, yaml):
            // The reader gives an offset in characters, not a mark.
            let (line, column) = offset.map { YAMLLines.position(ofCharacter: $0, in: yaml) } ?? (1, 1)
            return FileProblem(file: file, line: line, column: column, .unreadableText(detail: problem))
        default:
            return FileProblem(file: file, .invalidYAML(detail: "\(error)"))
        }
    }

    func report(_ node: YAMLNode?, _ kind: FileProblemKind) {
        problems.append(FileProblem(file: file, line: node?.line ?? 0, column: node?.column ?? 0, kind))
    }

    /// The node's key/value pairs by key, after checking for a mapping, unknown keys and missing
    /// required keys. Keys keep their own node, for positions.
    func mapping(_ node: YAMLNode, _ what: String, allowed: Set<String>, required: [String] = []) -> YAMLFields? {
        guard let map = node.mapping else {
            report(node, .notAMapping(what: what))
            return nil
        }
        var result = YAMLFields(capacity: map.count)
        for (key, value) in map {
            guard let name = key.string else { report(key, .keyNotAWord(what: what)); continue }
            if allowed.contains(name) {
                result.set(name, value)
            } else {
                report(key, .unknownKey(what: what, key: name, allowed: allowed.sorted()))
            }
        }
        for name in required where result[name] == nil {
            report(node, .missingKey(what: what, key: name))
        }
        return result
    }

    func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        guard let seq = node.sequence else {
            report(node, .notAList(what: what))
            return nil
        }
        return seq
    }

    /// A scalar's text. Control characters (other than line breaks in long texts) are refused:
    /// they could move the cursor or change colours when shown.
    func string(_ node: YAMLNode, _ what: String, multiline: Bool = false) -> String? {
        guard let text = node.string else {
            report(node, .notAText(what: what))
            return nil
        }
        // The refused characters all begin with a byte below 0x20, 0x7F, 0xC2 (U+0080…U+009F)
        // or 0xE2 (U+202A…, U+2066…): a text without one needs no closer look.
        let suspect = text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
        let bad = !suspect ? nil : text.unicodeScalars.first { s in
            (s.value < 0x20 && !(multiline && s == "\n")) || (0x7F...0x9F).contains(s.value)
                || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
        if let bad {
            report(node, .controlCharacter(what: what, scalar: bad.value))
            return nil
        }
        return text
    }

    func int(_ node: YAMLNode, _ what: String) -> Int? {
        guard let scalar = node.string, let value = Int(scalar) else {
            report(node, .notAWholeNumber(what: what))
            return nil
        }
        return value
    }

    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        guard let scalar = node.string else {
            report(node, .notTrueOrFalse(what: what, value: nil))
            return nil
        }
        switch scalar {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, .notTrueOrFalse(what: what, value: scalar))
            return nil
        }
    }
}
