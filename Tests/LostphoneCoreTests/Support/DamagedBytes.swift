/// Damaged copies of a file or line, for the tests that check a direct reader never reads one
/// differently from `JSONDecoder`: every byte removed, doubled and changed, and copies with one
/// to four random bytes changed. The same seed gives the same copies.
struct DamagedBytes {
    private var state: UInt64
    private let replacements: [UInt8]

    init(seed: UInt64, replacements: [UInt8]) {
        state = seed
        self.replacements = replacements
    }

    private mutating func next() -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(state >> 33)
    }

    mutating func variants(of bytes: [UInt8], randomEdits: Int) -> [[UInt8]] {
        var variants: [[UInt8]] = []
        for i in bytes.indices {
            var removed = bytes; removed.remove(at: i); variants.append(removed)
            var doubled = bytes; doubled.insert(bytes[i], at: i); variants.append(doubled)
            var changed = bytes; changed[i] = replacements[next() % replacements.count]; variants.append(changed)
        }
        for _ in 0..<randomEdits {
            var edited = bytes
            for _ in 0..<(1 + next() % 4) where !edited.isEmpty {
                edited[next() % edited.count] = replacements[next() % replacements.count]
            }
            variants.append(edited)
        }
        return variants
    }
}
