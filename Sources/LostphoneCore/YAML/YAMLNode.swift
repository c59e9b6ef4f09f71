/// A value of a YAML document as the loaders read it: a text, a list or a mapping, with the line
/// and column it starts at (1-based, as libyaml counts them). An alias is the anchored node
/// again, sharing its lists, so a file of nested aliases holds no more nodes than its text.
///
/// Just a text and a position: no object per node, no tag, and most keys and values of a
/// playbook are short enough for Swift to keep inside the string itself, so building the tree,
/// walking it and freeing it count no references for them.
struct YAMLNode {
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
