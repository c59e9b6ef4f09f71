/// A value of a YAML document as the loaders read it: a text, a list or a mapping, with the line
/// and column it starts at (1-based, as libyaml counts them). An alias is the anchored node
/// itself, shared, so a file of nested aliases holds no more nodes than its text.
///
/// A class, so passing a node around costs one reference count rather than a copy of a value
/// with its text, tag and position (Yams' `Node`), which a large playbook does a million times.
final class YAMLNode {
    enum Content {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    let content: Content
    let line: Int
    let column: Int

    init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The text of a scalar; nil for a list or a mapping.
    var string: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    /// The items of a list, in file order; nil for anything else.
    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The key/value pairs of a mapping, in file order; nil for anything else.
    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }
}
