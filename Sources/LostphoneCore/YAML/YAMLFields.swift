/// A mapping's values by key, as `YAMLReader.mapping` accepted them, in file order. Found by
/// scanning while the mapping is short, as a playbook's are (a handful of keys): building a
/// dictionary for each of its hundreds of thousands of mappings cost more than every lookup.
struct YAMLFields: Sequence {
    typealias Element = (key: String, value: YAMLNode)

    private var pairs: [Element] = []
    /// Positions by key, kept only once the mapping is longer than `scanLimit`.
    private var positions: [String: Int] = [:]
    private static let scanLimit = 16

    init(capacity: Int) { pairs.reserveCapacity(capacity) }

    var count: Int { pairs.count }

    subscript(key: String) -> YAMLNode? {
        position(of: key).map { pairs[$0].value }
    }

    /// A key given twice (Yams accepts that only when the keys' tags differ) keeps its last
    /// value, as a dictionary would.
    mutating func set(_ key: String, _ value: YAMLNode) {
        if let i = position(of: key) { pairs[i].value = value; return }
        pairs.append((key, value))
        guard pairs.count > Self.scanLimit else { return }
        if positions.isEmpty {
            for (i, pair) in pairs.enumerated() { positions[pair.key] = i }
        } else {
            positions[key] = pairs.count - 1
        }
    }

    private func position(of key: String) -> Int? {
        pairs.count > Self.scanLimit ? positions[key] : pairs.firstIndex { $0.key == key }
    }

    func makeIterator() -> IndexingIterator<[Element]> { pairs.makeIterator() }
}
