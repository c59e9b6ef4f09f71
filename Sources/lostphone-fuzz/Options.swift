import Foundation

/// The parsers that can be fuzzed, by the name `--target` takes.
enum Target: String, CaseIterable {
    case playbook, theme, journal, keys, profile
}

/// The command line.
struct Options {
    var seconds: Double = 60
    var seed: UInt64 = 1
    var targets: [Target] = Target.allCases
    /// Run only this input (to replay a failure) instead of fuzzing for `seconds`.
    var input: Int?

    static let usage = """
        usage: lostphone-fuzz [--seconds N] [--seed N] [--target playbook|theme|journal|keys|profile|all] [--input N]
          --seconds N   how long to fuzz each target (default 60)
          --seed N      the run's seed (default 1); the same seed gives the same inputs
          --target T    which parser to fuzz (default all, one after the other)
          --input N     run only input N of the seed's sequence (replays a reported failure)
        """

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments[...]
        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("lostphone-fuzz: \(message)\n\(usage)\n".utf8))
            exit(2)
        }
        func value(_ flag: String) -> String {
            guard let v = rest.popFirst() else { fail("\(flag) needs a value") }
            return v
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--seconds":
                guard let s = Double(value(flag)), s > 0, s.isFinite else { fail("--seconds needs a positive number") }
                options.seconds = s
            case "--seed":
                guard let s = UInt64(value(flag)) else { fail("--seed needs a whole number from 0") }
                options.seed = s
            case "--target":
                let name = value(flag)
                if name == "all" { options.targets = Target.allCases }
                else if let t = Target(rawValue: name) { options.targets = [t] }
                else { fail("unknown target `\(name)` (playbook, theme, journal, keys or all)") }
            case "--input":
                guard let n = Int(value(flag)), n >= 0 else { fail("--input needs a whole number from 0") }
                options.input = n
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                fail("unknown argument `\(flag)`")
            }
        }
        return options
    }
}
