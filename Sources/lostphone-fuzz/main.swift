// lostphone-fuzz: deterministic mutation fuzzing of the playbook, theme, journal and profile parsers.
//
//     swift run -c release lostphone-fuzz --seconds 60 --seed 1 --target all
//
// Every input is derived from the seed files by a random generator seeded with (seed, input
// number) alone, so `--seed S --input N` rebuilds exactly input N of a run. A crash kills the
// process (the signal is what scripts/fuzz.sh sees); the input being parsed is saved first
// (CrashGuard.swift), as is any input that breaks one of the rules of its target (the run then
// exits with status 1): PlaybookTarget.swift, ThemeTarget.swift and JournalTarget.swift say
// what each rule is.
//
// Failing inputs go to fuzz-out/crash-<n>.bin (with crash-<n>.txt saying what broke); nothing
// is written there on a clean run.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The next free `fuzz-out/crash-<n>` number.
func nextCrashNumber() -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "fuzz-out")) ?? []
    let used = names.compactMap { name -> Int? in
        guard name.hasPrefix("crash-"), let dot = name.firstIndex(of: ".") else { return nil }
        return Int(name[name.index(name.startIndex, offsetBy: 6)..<dot])
    }
    return (used.max() ?? 0) + 1
}

/// Keeps an input that broke a rule, with a note of the rule and how to replay it; returns its path.
func save(_ failure: Failure, input: [UInt8], target: Target, seed: UInt64, number: Int) -> String {
    try? FileManager.default.createDirectory(atPath: "fuzz-out", withIntermediateDirectories: true)
    let n = nextCrashNumber()
    let base = "fuzz-out/crash-\(n)"
    _ = FileManager.default.createFile(atPath: base + ".bin", contents: Data(input))
    let note = """
        target: \(target.rawValue)
        rule: \(failure.rule)
        detail: \(failure.detail)
        replay: lostphone-fuzz --target \(target.rawValue) --seed \(seed) --input \(number)

        """
    _ = FileManager.default.createFile(atPath: base + ".txt", contents: Data(note.utf8))
    return base + ".bin"
}

/// The generator of input `number`: a function of the seed and the number only.
func generator(seed: UInt64, target: Target, number: Int) -> SplitMix {
    var mix = SplitMix(seed: seed ^ (UInt64(number) &* 0xD1B5_4A32_D192_ED03) ^ (UInt64(Target.allCases.firstIndex(of: target)!) << 56))
    _ = mix.next()
    return mix
}

/// The parser `target` names, working in `workDirectory` where it needs files.
func makeTarget(_ target: Target, workDirectory: String) -> any FuzzTarget {
    switch target {
    case .playbook: PlaybookTarget()
    case .theme: ThemeTarget()
    case .journal: JournalTarget(directory: workDirectory)
    case .keys: KeysTarget()
    case .profile: ProfileTarget()
    }
}

/// Fuzzes one parser for `options.seconds` (or runs only `options.input`); returns the number
/// of inputs that broke a rule.
func fuzz(_ target: Target, options: Options, workDirectory: String) -> Int {
    let parser = makeTarget(target, workDirectory: workDirectory)
    // The seeds themselves are inputs too, and must give what they are there for.
    for seed in parser.seeds where (try? parser.run(seed.bytes)) != seed.expected {
        FileHandle.standardError.write(Data("lostphone-fuzz: \(target.rawValue): the seed \(seed.name) is not \(seed.expected)\n".utf8))
    }

    Current.prepare(crashFile: "fuzz-out/crash-\(nextCrashNumber()).bin", target: target, seed: options.seed)
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start + .milliseconds(Int(options.seconds * 1000))
    var inputs = 0, failures = 0, accepted = 0, refused = 0
    var savedRules: Set<String> = []
    var number = options.input ?? 0
    while true {
        if options.input != nil { if inputs == 1 { break } } else if inputs % 8 == 0 && clock.now >= deadline { break }
        var mutator = Mutator(rng: generator(seed: options.seed, target: target, number: number), tokens: parser.tokens,
                              sizeLimit: parser.sizeLimit)
        let base = mutator.rng.pick(parser.seeds).bytes
        let other = mutator.rng.pick(parser.seeds).bytes
        let input = mutator.mutate(base, other: other)

        Current.set(input, number: number)
        alarm(Current.hangSeconds)
        do throws(Failure) {
            let outcome = try parser.run(input)
            if outcome == .accepted { accepted += 1 } else { refused += 1 }
        } catch {
            failures += 1
            if savedRules.count < 10 && savedRules.insert(error.rule).inserted {
                let file = save(error, input: input, target: target, seed: options.seed, number: number)
                FileHandle.standardError.write(Data("lostphone-fuzz: \(target.rawValue): \(error.rule): \(error.detail)\n  input saved at \(file); replay with --target \(target.rawValue) --seed \(options.seed) --input \(number)\n".utf8))
                Current.prepare(crashFile: "fuzz-out/crash-\(nextCrashNumber()).bin", target: target, seed: options.seed)
            }
        }
        alarm(0)
        inputs += 1
        number += 1
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("\(target.rawValue): seed \(options.seed): \(accepted) accepted, \(refused) refused with a clear problem")
    print("\(target.rawValue): \(inputs) inputs in \(String(format: "%.1f", seconds)) s, \(failures) failures")
    return failures
}

/// The work folder, made once the arguments are understood (a usage error leaves nothing behind)
/// and removed when the run ends.
func makeWorkDirectory() -> String {
    let path = NSTemporaryDirectory() + "lostphone-fuzz-\(getpid())"
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        FileHandle.standardError.write(Data("lostphone-fuzz: cannot create \(path): \(error)\n".utf8))
        exit(2)
    }
    return path
}
#if LIBFUZZER
// `lostphone-fuzz --libfuzzer TARGET [--seeds DIR] [libFuzzer's arguments…]`
var libArguments = Array(CommandLine.arguments.dropFirst())
guard libArguments.first == "--libfuzzer", libArguments.count >= 2, let libTarget = Target(rawValue: libArguments[1]) else {
    FileHandle.standardError.write(Data("usage: lostphone-fuzz --libfuzzer playbook|theme|journal|keys|profile [--seeds DIR] [libFuzzer arguments]\n".utf8))
    exit(2)
}
libArguments.removeFirst(2)
let workDirectory = makeWorkDirectory()
if libArguments.first == "--seeds", libArguments.count >= 2 {
    writeSeeds(libTarget, to: libArguments[1], workDirectory: workDirectory)
    libArguments.removeFirst(2)
}
// libFuzzer ends the process itself (exit) in most of its modes: the work folder goes then.
libFuzzerWorkDirectory = strdup(workDirectory)
atexit { if let path = libFuzzerWorkDirectory { try? FileManager.default.removeItem(atPath: String(cString: path)) } }
let libStatus = runLibFuzzer(libTarget, arguments: libArguments, workDirectory: workDirectory)
try? FileManager.default.removeItem(atPath: workDirectory)
exit(libStatus)
#else
let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let workDirectory = makeWorkDirectory()
installSignalHandlers()
var totalFailures = 0
for target in options.targets {
    totalFailures += fuzz(target, options: options, workDirectory: workDirectory)
}
try? FileManager.default.removeItem(atPath: workDirectory)
exit(totalFailures > 0 ? 1 : 0)
#endif
