import CYaml

/// Builds a document's node tree from libyaml's events (Yams' own copy of libyaml, CYaml), as
/// `Yams.compose` does, without its costs per node that made most of the time to open a
/// 10,000-step playbook: an event object and a tag object per node, Foundation's decoding of
/// every scalar, and a dictionary of whole nodes per mapping to find duplicate keys.
///
/// It decides alone only what it can decide exactly as Yams does. When libyaml refuses the
/// text, or a mapping might hold a duplicate key (two scalar keys of the same text, or a key
/// that is a list or a mapping, where Yams also compares tags and whole values), it says so,
/// and `YAMLReader` asks Yams for its verdict and its message.
enum YAMLComposer {
    enum Outcome {
        /// The one document; `keysToCheck` when a mapping might hold a duplicate key, `aliases`
        /// when a node is used again by an alias (so the tree may stand for many more nodes).
        case document(YAMLNode, keysToCheck: Bool, aliases: Bool)
        /// No document at all (an empty file, or only comments).
        case empty
        /// libyaml refused the text, an alias names no anchor, or a second document follows:
        /// what happened and where, as libyaml says it.
        case failed(problem: String, line: Int, column: Int)
    }

    static func compose(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failed(problem: "out of memory", line: 1, column: 1) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var builder = TreeBuilder()
            return builder.run(&parser)
        }
    }

    /// The collections still open, innermost last, and the anchors seen so far.
    private struct TreeBuilder {
        /// A list or mapping still open: for a mapping, its keys and values alternate in `items`.
        struct Open {
            var isMapping: Bool
            var items: [YAMLNode] = []
            var line: Int
            var column: Int
            var anchor: String?
        }

        var open: [Open] = []
        /// Item buffers of closed mappings, for the next ones to fill: a playbook opens a hundred
        /// thousand small mappings, each of which would otherwise grow its own.
        var spare: [[YAMLNode]] = []
        var anchors: [String: YAMLNode] = [:]
        var keysToCheck = false
        var aliases = false

        mutating func run(_ parser: inout yaml_parser_t) -> Outcome {
            var event = yaml_event_t()
            /// The next event's type, or nil when libyaml refuses the text (`failure` says why).
            func next() -> yaml_event_type_t? {
                yaml_event_delete(&event)
                return yaml_parser_parse(&parser, &event) == 1 ? event.type : nil
            }
            defer { yaml_event_delete(&event) }
            func failure() -> Outcome {
                let problem = parser.problem.map { String(cString: $0) } ?? "cannot read the text"
                return .failed(problem: problem, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
            }

            guard next() == YAML_STREAM_START_EVENT else { return failure() }
            guard let start = next() else { return failure() }
            if start == YAML_STREAM_END_EVENT { return .empty }
            var root: YAMLNode?
            while root == nil {
                guard let type = next() else { return failure() }
                let line = event.start_mark.line + 1, column = event.start_mark.column + 1
                switch type {
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    let node = YAMLNode(.scalar(Self.text(s.value, count: s.length)), line: line, column: column)
                    if let anchor = s.anchor { anchors[String(cString: anchor)] = node }
                    root = add(node)
                case YAML_ALIAS_EVENT:
                    guard let node = event.data.alias.anchor.flatMap({ anchors[String(cString: $0)] }) else {
                        return .failed(problem: "found undefined alias", line: line, column: column)
                    }
                    aliases = true
                    root = add(node)
                case YAML_SEQUENCE_START_EVENT:
                    open.append(Open(isMapping: false, line: line, column: column,
                                     anchor: event.data.sequence_start.anchor.map { String(cString: $0) }))
                case YAML_MAPPING_START_EVENT:
                    open.append(Open(isMapping: true, items: spare.popLast() ?? [], line: line, column: column,
                                     anchor: event.data.mapping_start.anchor.map { String(cString: $0) }))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard var done = open.popLast() else { return failure() }
                    let node: YAMLNode
                    if done.isMapping {
                        if mayHoldDuplicateKeys(done.items) { keysToCheck = true }
                        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                        pairs.reserveCapacity(done.items.count / 2)
                        var i = 0
                        while i + 1 < done.items.count { pairs.append((done.items[i], done.items[i + 1])); i += 2 }
                        node = YAMLNode(.mapping(pairs), line: done.line, column: done.column)
                        done.items.removeAll(keepingCapacity: true)
                        spare.append(done.items)
                    } else {
                        node = YAMLNode(.sequence(done.items), line: done.line, column: done.column)
                    }
                    if let anchor = done.anchor { anchors[anchor] = node }
                    root = add(node)
                default:
                    return failure()
                }
            }
            guard next() == YAML_DOCUMENT_END_EVENT else { return failure() }
            guard let end = next() else { return failure() }
            guard end == YAML_STREAM_END_EVENT, let root else {
                return .failed(problem: "but found another document", line: event.start_mark.line + 1, column: event.start_mark.column + 1)
            }
            return .document(root, keysToCheck: keysToCheck, aliases: aliases)
        }

        /// Adds a finished node to the collection open around it; returns it when it is the root.
        mutating func add(_ node: YAMLNode) -> YAMLNode? {
            guard !open.isEmpty else { return node }
            open[open.count - 1].items.append(node)
            return nil
        }

        /// Whether the keys (every other item) might repeat: two scalars of the same text (Yams
        /// then compares their tags too), or a key that is not a scalar at all.
        func mayHoldDuplicateKeys(_ items: [YAMLNode]) -> Bool {
            let count = items.count / 2
            if count > 16 {
                let keys = stride(from: 0, to: items.count, by: 2).compactMap { items[$0].string }
                return keys.count != count || Set(keys).count != count
            }
            for a in 0..<count {
                guard case .scalar(let key) = items[2 * a].content else { return true }
                for b in 0..<a {
                    if case .scalar(let other) = items[2 * b].content, other == key { return true }
                }
            }
            return false
        }

        /// A scalar's text as Yams reads it (Foundation's UTF-8 decoding drops one leading byte
        /// order mark); libyaml hands over valid UTF-8 only.
        static func text(_ value: UnsafeMutablePointer<UInt8>?, count: Int) -> String {
            guard let value, count > 0 else { return "" }
            var bytes = UnsafeBufferPointer(start: value, count: count)
            if count >= 3 && value[0] == 0xEF && value[1] == 0xBB && value[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
