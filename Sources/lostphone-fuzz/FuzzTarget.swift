/// A parser under test: the inputs mutations start from, the tokens they insert, how large an
/// input may grow, and the rules its result must keep.
protocol FuzzTarget {
    /// Inputs the parser accepts; each is also run once, unchanged, before fuzzing.
    var seeds: [Seed] { get }
    var tokens: [[UInt8]] { get }
    /// A little over the size limit of the file the parser reads.
    var sizeLimit: Int { get }
    /// Parses `input`; throws the rule it broke, if any.
    func run(_ input: [UInt8]) throws(Failure) -> Outcome
}

/// An input that mutations start from, and what the parser must make of it unchanged.
struct Seed {
    var name: String
    var bytes: [UInt8]
    /// Accepted, or (for a shape the parser must refuse) refused with a clear problem.
    var expected: Outcome = .accepted
}
