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

    /// Parses `text` into a node tree (Yams keeps each node's position), refusing a file whose
    /// aliases expand beyond `nodeBudget` nodes before anything walks it.
    static func compose(_ text: String, file: String, maxBytes: Int) -> (Node?, [FileProblem]) {
        if text.utf8.count > maxBytes {
            return (nil, [FileProblem(file: file, .tooLarge(bytes: text.utf8.count, limit: maxBytes))])
        }
        do {
            // The basic resolver: every scalar stays a string, which the loaders convert and check
            // themselves; the default one would run regular expressions on every key for tags
            // nothing here uses.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                return (nil, [FileProblem(file: file, line: 1, column: 1, .empty)])
            }
            // Without a `*` anywhere there is no alias, so nothing multiplies: the walk would
            // count only the nodes the loader is about to walk once anyway.
            if text.utf8.contains(UInt8(ascii: "*")), let last = nodeWhereBudgetRunsOut(node, budget: nodeBudget) {
                return (nil, [FileProblem(file: file, line: last.mark?.line ?? 0, column: last.mark?.column ?? 0,
                                          .aliasBudget(limit: nodeBudget))])
            }
            return (node, [])
        } catch let error as YamlError {
            return (nil, [problem(error, file: file)])
        } catch {
            return (nil, [FileProblem(file: file, .invalidYAML(detail: "\(error)"))])
        }
    }

    /// The node at which a walk of `root`, every alias expanded, passes `budget` nodes; nil when
    /// the whole tree fits. It stops there, so a bomb costs no more than the budget.
    static func nodeWhereBudgetRunsOut(_ root: Node, budget: Int) -> Node? {
        var stack = [root]
        var count = 0
        while let node = stack.popLast() {
            count += 1
            if count > budget { return node }
            switch node {
            case .scalar, .alias: break
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

    func report(_ node: Node?, _ kind: FileProblemKind) {
        let mark = node?.mark
        problems.append(FileProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, kind))
    }

    /// The node's key/value pairs by key, after checking for a mapping, unknown keys and missing
    /// required keys. Keys keep their own node, for positions.
    func mapping(_ node: Node, _ what: String, allowed: Set<String>, required: [String] = []) -> [String: Node]? {
        guard let map = node.mapping else {
            report(node, .notAMapping(what: what))
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in map {
            guard let name = key.scalar?.string else { report(key, .keyNotAWord(what: what)); continue }
            if allowed.contains(name) {
                result[name] = value
            } else {
                report(key, .unknownKey(what: what, key: name, allowed: allowed.sorted()))
            }
        }
        for name in required where result[name] == nil {
            report(node, .missingKey(what: what, key: name))
        }
        return result
    }

    func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard let seq = node.sequence else {
            report(node, .notAList(what: what))
            return nil
        }
        return Array(seq)
    }

    /// A scalar's text. Control characters (other than line breaks in long texts) are refused:
    /// they could move the cursor or change colours when shown.
    func string(_ node: Node, _ what: String, multiline: Bool = false) -> String? {
        guard let scalar = node.scalar else {
            report(node, .notAText(what: what))
            return nil
        }
        let text = scalar.string
        let bad = text.unicodeScalars.first { s in
            (s.value < 0x20 && !(multiline && s == "\n")) || (0x7F...0x9F).contains(s.value)
                || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
        if let bad {
            report(node, .controlCharacter(what: what, scalar: bad.value))
            return nil
        }
        return text
    }

    func int(_ node: Node, _ what: String) -> Int? {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            report(node, .notAWholeNumber(what: what))
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ what: String) -> Bool? {
        guard let scalar = node.scalar else {
            report(node, .notTrueOrFalse(what: what, value: nil))
            return nil
        }
        switch scalar.string {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, .notTrueOrFalse(what: what, value: scalar.string))
            return nil
        }
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
