// lostphone-fuzz: deterministic mutation fuzzing of the playbook, theme and journal parsers.
//
//     swift run -c release lostphone-fuzz --seconds 60 --seed 1 --target all
//
// Every input is derived from the seed files by a random generator seeded with (seed, input
// number) alone, so `--seed S --input N` rebuilds exactly input N of a run. A crash kills the
// process (the signal is what scripts/fuzz.sh sees); the input being parsed is saved first, as
// is any input that breaks one of the invariants below (the run then exits with status 1):
//
// - a playbook that fails, and a theme with problems, name at least one problem, and every
//   problem has a message, holds no control character (it is printed to a terminal), has a
//   line that is 0 or at most the input's line count + 1, and a column that is not negative;
// - a theme with problems falls back to the built-in default theme;
// - Journal.read and Journal.open either return events or throw a JournalError with a message
//   and a line at most the file's line count + 1; Journal.open never changes a file it throws
//   on; what it returns starts with what Journal.read returned; a file it repaired keeps a
//   byte-for-byte copy of the original at the backup path;
// - Incident.replay either returns an incident or throws an IncidentError with a message free
//   of control characters; an incident it returns is also what Journal.readIncident and
//   Journal.openIncident give, before and after a checkpoint is saved.
//
// Failing inputs go to fuzz-out/crash-<n>.bin (with crash-<n>.txt saying what broke); nothing
// is written there on a clean run.

import Foundation
import LostphoneCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - options

enum Target: String, CaseIterable {
    case playbook, theme, journal, keys
}

struct Options {
    var seconds: Double = 60
    var seed: UInt64 = 1
    var targets: [Target] = Target.allCases
    /// Run only this input (to replay a failure) instead of fuzzing for `seconds`.
    var input: Int?

    static let usage = """
        usage: lostphone-fuzz [--seconds N] [--seed N] [--target playbook|theme|journal|keys|all] [--input N]
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

// MARK: - random numbers

/// SplitMix64: small, fast and the same everywhere, so a seed names the same inputs on any machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in 0..<n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

// MARK: - what is being parsed (kept where a signal handler can reach it)

/// The input under test and where to save it if the process dies. Only raw memory: a signal
/// handler may not allocate, lock or touch Swift objects.
enum Current {
    nonisolated(unsafe) static var bytes: UnsafeMutablePointer<UInt8>? = nil
    nonisolated(unsafe) static var count = 0
    nonisolated(unsafe) static var capacity = 0
    /// NUL-terminated paths and the note printed on a crash, prepared before the run.
    nonisolated(unsafe) static var crashPath: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) static var crashNote: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) static var crashNoteLength = 0
    /// The number of the input being parsed, written after the note.
    nonisolated(unsafe) static var inputNumber = 0
    /// The handlers installed before ours, by signal number.
    nonisolated(unsafe) static var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    static let hangSeconds: UInt32 = 20

    static func set(_ input: [UInt8], number: Int) {
        if input.count > capacity {
            capacity = max(input.count, capacity * 2, 1 << 16)
            bytes?.deallocate()
            bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        }
        input.withUnsafeBufferPointer { if let base = $0.baseAddress, let bytes { bytes.update(from: base, count: $0.count) } }
        count = input.count
        inputNumber = number
    }

    static func prepare(crashFile: String, target: Target, seed: UInt64) {
        crashPath?.deallocate()
        crashNote?.deallocate()
        crashPath = strdup(crashFile)
        let note = "\nlostphone-fuzz: \(target.rawValue): the parser crashed or hung; its input is saved at \(crashFile)."
            + " Replay: lostphone-fuzz --target \(target.rawValue) --seed \(seed) --input "
        crashNote = strdup(note)
        crashNoteLength = note.utf8.count
    }
}

/// Writes the current input to the prepared crash file. Async-signal-safe: only system calls.
func saveCurrentInputFromSignalHandler() {
    _ = mkdir("fuzz-out", 0o755)
    if let path = Current.crashPath {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
            var offset = 0
            while offset < Current.count, let bytes = Current.bytes {
                let n = write(fd, bytes + offset, Current.count - offset)
                if n <= 0 { break }
                offset += n
            }
            _ = close(fd)
        }
    }
    if let note = Current.crashNote { _ = write(2, note, Current.crashNoteLength) }
    // The input number, in decimal, without allocating.
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
        var n = Current.inputNumber
        var i = buffer.count - 1
        buffer[i] = 0x0A
        repeat { i -= 1; buffer[i] = UInt8(0x30 + n % 10); n /= 10 } while n > 0 && i > 0
        _ = write(2, buffer.baseAddress! + i, buffer.count - i)
    }
}

/// On a fatal signal: save the input, let the previous handler (Swift's backtracer) print its
/// backtrace, then die of the same signal, whether it came from a fault, abort() or kill. The
/// handler is installed with SA_NODEFER, so each raise below is delivered at once.
func fatalSignalHandler(_ signal: Int32) {
    saveCurrentInputFromSignalHandler()
    if signal == SIGALRM {
        // One input ran for hangSeconds: a hang.
        _exit(3)
    }
    _ = sigaction(signal, Current.previousActions + Int(signal), nil)
    _ = raise(signal)
    // The backtracer returned (it does for a signal sent with kill): die by the default action.
    var fallback = sigaction()
    _ = sigaction(signal, &fallback, nil)
    _ = raise(signal)
}

func installSignalHandlers() {
    // Stack overflows arrive on an exhausted stack: give the handler its own.
    let size = 1 << 18
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    stack.ss_size = size
    stack.ss_flags = 0
    _ = sigaltstack(&stack, nil)
    for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGALRM] {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = fatalSignalHandler
        #else
        action.__sigaction_u.__sa_handler = fatalSignalHandler
        #endif
        action.sa_flags = Int32(SA_ONSTACK | SA_NODEFER)
        sigemptyset(&action.sa_mask)
        (Current.previousActions + Int(signal)).initialize(to: sigaction())
        _ = sigaction(signal, &action, Current.previousActions + Int(signal))
    }
}

// MARK: - seeds

struct Seed {
    var name: String
    var bytes: [UInt8]
}

func builtinJournalSeeds(in directory: String) -> [Seed] {
    let playbook = PlaybookLoader.builtin()
    let start = Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!
    func time(_ seconds: Int) -> Timestamp {
        Timestamp(start.date.addingTimeInterval(TimeInterval(seconds)), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
    }
    let scripts: [[IncidentCommand]] = [
        [],
        [.move("sim", to: .done, provider: "china-mobile")],
        [
            .details(lostAt: time(-1800), device: DeviceDetails(model: "iPhone 15 \"Pro\"", imei: "356938035643809")),
            .move("sim", to: .inProgress, provider: "china-mobile"),
            .note("sim", "受理号 A1 — agent 王\nsecond line \\ \u{1B}[31m", provider: "china-mobile"),
            .move("sim", to: .done, provider: "china-mobile"),
            .move("bank", to: .blocked, provider: "icbc"),
            .undo,
            .move("bank", to: .skipped, provider: nil),
            .note("wechat", "", provider: nil),
            .move("police", to: .done, provider: nil),
            .undo,
            .undo,
            .resolve,
        ],
    ]
    var seeds: [Seed] = []
    for (n, script) in scripts.enumerated() {
        let path = directory + "/seed-\(n).jsonl"
        do throws(any Error) {
            var (incident, first) = Incident.open(id: "fuzz", playbook: playbook, at: start)
            let journal = try Journal.create(path: path, first: first)
            for (i, command) in script.enumerated() {
                let event = try incident.event(for: command, at: time(i + 1))
                try journal.append(event)
                try incident.apply(event)
            }
            journal.close()
            seeds.append(Seed(name: "journal-\(n)", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
            try FileManager.default.removeItem(atPath: path)
        } catch {
            FileHandle.standardError.write(Data("lostphone-fuzz: cannot make the seed journal: \(error)\n".utf8))
            exit(2)
        }
    }
    return seeds
}

func themeSeeds() -> [Seed] {
    var seeds = [Seed(name: "built-in default theme", bytes: Array(BuiltinResources.defaultThemeYAML.utf8))]
    let directory = "Themes"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    for name in names {
        if let data = FileManager.default.contents(atPath: directory + "/" + name) {
            seeds.append(Seed(name: name, bytes: Array(data)))
        }
    }
    return seeds
}

// MARK: - mutation

let yamlTokens: [[UInt8]] = [
    ": ", "- ", "&a ", "*a", "{", "}", "[", "]", "\t", "\u{1B}[31m", "\u{0}", "\n", "\r", "\r\n", "  ", "#",
    "? ", "|", ">", "!!str ", "!!binary ", "!custom ", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2026:\n",
    "\"", "'", "\\", "\"\\u0000\"", "\"\\e[2J\"", "\u{202E}", "\u{2028}", "\u{85}", "\u{FEFF}", "~", "null",
    "yes", "no", "0x1F", "1e999", "-1", "99999999999999999999", "<<: *a\n", ",", "@", "`", "%",
    "zh", "en", "id: ", "priority: ", "phone: ", "fg: ", "bg: ", "#ff00ff", "bright-red", "256",
    "\"\\e]0;x\\a\": ", "\"\\e]0;x\\a\": 1\n", "\"\\x1b[2J\": ", "\"\\u202e\"", "\"\\N\"", "\"\\0\"",
].map { Array($0.utf8) } + [
    [0xFF], [0xFE], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
]

let jsonTokens: [[UInt8]] = [
    "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\ud800", "\\udc00x", "\\n", "null", "true", "false",
    "-1", "0", "1e309", "-0", "9223372036854775808", "1.5", "\n", "\r\n", "\r", " ", "\u{0}", "\u{1B}[31m",
    "\"seq\":", "\"seq\":1,", "\"seq\":2,", "\"kind\":\"opened\"", "\"kind\":\"undo\"", "\"kind\":\"move\"",
    "\"kind\":\"resolved\"", "\"undoes\":0,", "\"undoes\":-5,", "\"undoes\":99999,", "\"undoes\":2,",
    "\"from\":\"done\"", "\"to\":\"pending\"", "\"to\":\"skipped\"", "\"step\":\"sim\",", "\"step\":\"\",",
    "\"at\":\"2026-13-45T25:61:61.000+08:00\"", "\"at\":\"\"", "\"at\":\"2026-11-24T21:00:00Z\"",
    "\"at\":\"0000-01-01T00:00:00.000+99:99\"", "\"lostAt\":\"x\"", "\"seq\":1,\"at\":\"2026-11-24T21:00:00.000+08:00\",\"kind\":\"opened\"}",
    "\u{FEFF}", "\u{2028}",
].map { Array($0.utf8) } + [
    [0xFF], [0xFE], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x80],
]

struct Mutator {
    var rng: SplitMix
    let tokens: [[UInt8]]
    /// The largest input worth making: a little over the size limit.
    let sizeLimit: Int

    /// Where the last insertion went: line edits often return to it, so two edits can build
    /// on each other (a key inserted, then its line duplicated into a duplicate key).
    var focus: Int? = nil

    mutating func position(in b: [UInt8]) -> Int { rng.below(b.count + 1) }

    /// The start of a line (just after a newline), for line-level edits: half the time the
    /// line of the last insertion, otherwise a random one.
    mutating func lineStart(in b: [UInt8]) -> Int {
        guard !b.isEmpty else { return 0 }
        var i = rng.below(b.count)
        if let focus, focus < b.count, rng.chance(50) { i = focus }
        while i > 0 && b[i - 1] != 0x0A { i -= 1 }
        return i
    }

    mutating func lineRange(in b: [UInt8]) -> Range<Int> {
        let start = lineStart(in: b)
        var end = start
        while end < b.count && b[end] != 0x0A { end += 1 }
        return start..<min(end + 1, b.count)
    }

    mutating func chunk(of b: [UInt8], maxLength: Int = 256) -> Range<Int> {
        guard !b.isEmpty else { return 0..<0 }
        let start = rng.below(b.count)
        let length = 1 + rng.below(min(maxLength, b.count - start))
        return start..<(start + length)
    }

    mutating func longLine() -> [UInt8] {
        let unit: [UInt8] = rng.chance(50) ? rng.pick(tokens) : [rng.pick(Array("aZ9 :-[{\"\\é字".utf8))]
        let total = rng.chance(5) ? sizeLimit + 1 + rng.below(4096) : 1000 + rng.below(100_000)
        var line: [UInt8] = []
        line.reserveCapacity(total + unit.count)
        while line.count < total { line += unit.isEmpty ? [0x61] : unit }
        return line
    }

    /// One to eight stacked mutations of `input`; `other` is another seed, for splicing.
    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var b = input
        let rounds = 1 + (rng.chance(60) ? 0 : rng.below(8))
        for _ in 0..<rounds {
            switch rng.below(18) {
            case 0: // flip a bit
                if !b.isEmpty { let i = rng.below(b.count); b[i] ^= UInt8(1) << UInt8(rng.below(8)) }
            case 1: // overwrite a byte
                if !b.isEmpty { b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
            case 2: // insert random bytes
                let n = 1 + rng.below(8)
                b.insert(contentsOf: (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: position(in: b))
            case 3: // delete a range
                if !b.isEmpty { b.removeSubrange(chunk(of: b, maxLength: rng.chance(80) ? 8 : 512)) }
            case 4: // duplicate a chunk somewhere
                if !b.isEmpty { let c = Array(b[chunk(of: b)]); b.insert(contentsOf: c, at: position(in: b)) }
            case 5: // truncate
                b.removeSubrange(rng.below(b.count + 1)...)
            case 6: // splice: a prefix of this and a suffix of the other
                let cut = rng.below(b.count + 1), from = rng.below(other.count + 1)
                b = Array(b[..<cut]) + Array(other[from...])
            case 7: // insert a chunk of the other seed
                if !other.isEmpty { b.insert(contentsOf: Array(other[chunk(of: other)]), at: position(in: b)) }
            case 8, 9, 10: // insert a significant token, often at a line start or after a colon
                let token = rng.pick(tokens)
                var at = rng.chance(40) ? lineStart(in: b) : position(in: b)
                if rng.chance(25), let colon = b[at...].firstIndex(of: 0x3A) { at = colon + 1 }
                at = min(at, b.count)
                b.insert(contentsOf: token, at: at)
                focus = at
            case 11: // replace a chunk with a token
                if !b.isEmpty { b.replaceSubrange(chunk(of: b, maxLength: 16), with: rng.pick(tokens)) }
            case 12: // a very long line
                if rng.chance(30) { b.insert(contentsOf: longLine() + [0x0A], at: lineStart(in: b)) }
            case 13: // delete a line
                if !b.isEmpty { b.removeSubrange(lineRange(in: b)) }
            case 14: // duplicate a line, right after itself (a duplicate key) or elsewhere
                if !b.isEmpty {
                    let range = lineRange(in: b), line = Array(b[range])
                    b.insert(contentsOf: line, at: rng.chance(50) ? range.upperBound : lineStart(in: b))
                }
            case 15: // swap two lines
                if !b.isEmpty {
                    let r1 = lineRange(in: b), line1 = Array(b[r1])
                    b.removeSubrange(r1)
                    let r2 = lineRange(in: b), line2 = Array(b[r2])
                    b.replaceSubrange(r2, with: line1)
                    b.insert(contentsOf: line2, at: min(r1.lowerBound, b.count))
                }
            case 16: // change indentation
                let at = lineStart(in: b)
                if rng.chance(50) { b.insert(contentsOf: [UInt8](repeating: 0x20, count: 1 + rng.below(6)), at: at) }
                else { var end = at; while end < b.count && b[end] == 0x20 && end - at < 4 { end += 1 }; b.removeSubrange(at..<end) }
            default: // replace a number with an extreme one
                var digit: Int? = nil
                for _ in 0..<8 where digit == nil && !b.isEmpty {
                    let i = rng.below(b.count)
                    if (0x30...0x39).contains(b[i]) { digit = i }
                }
                if let i = digit {
                    var end = i
                    while end < b.count && (0x30...0x39).contains(b[end]) { end += 1 }
                    let numbers = ["0", "-1", "1", "2", "100", "65535", "2147483648", "9223372036854775807", "99999999999999999999", "1e9", "0x10"]
                    b.replaceSubrange(i..<end, with: Array(rng.pick(numbers).utf8))
                }
            }
            if b.count > sizeLimit + 8192 { b.removeSubrange((sizeLimit + 8192)...) }
        }
        return b
    }
}

// MARK: - invariants

struct Failure: Error {
    var rule: String
    var detail: String
}

func lineCount(_ text: String) -> Int { YAMLLines.count(in: text) }

func lineCount(_ bytes: [UInt8]) -> Int { bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

func check(_ problems: [FileProblem], lines: Int, what: String) throws(Failure) {
    guard !problems.isEmpty else { throw Failure(rule: "\(what) failed without naming a problem", detail: "") }
    for p in problems {
        if p.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw Failure(rule: "\(what) problem without a message", detail: p.description)
        }
        if Sanitize.hasControlCharacters(p.message) {
            throw Failure(rule: "\(what) problem message holds a control character", detail: Sanitize.visible(p.description))
        }
        if p.line < 0 || p.line > lines + 1 {
            throw Failure(rule: "\(what) problem line outside the file", detail: "line \(p.line) of \(lines): \(Sanitize.visible(p.description))")
        }
        if p.column < 0 {
            throw Failure(rule: "\(what) problem column negative", detail: Sanitize.visible(p.description))
        }
    }
}

enum Outcome { case accepted, refused }

func runPlaybook(_ input: [UInt8]) throws(Failure) -> Outcome {
    let text = String(decoding: input, as: UTF8.self)
    switch PlaybookLoader.load(yaml: text, file: "fuzz.yaml") {
    case .success: return .accepted
    case .failure(let errors):
        try check(errors.problems, lines: lineCount(text), what: "playbook")
        return .refused
    }
}

func runTheme(_ input: [UInt8]) throws(Failure) -> Outcome {
    let text = String(decoding: input, as: UTF8.self)
    let result = ThemeLoader.load(yaml: text, file: "fuzz.yaml")
    if result.problems.isEmpty { return .accepted }
    try check(result.problems, lines: lineCount(text), what: "theme")
    if result.theme != ThemeLoader.builtinDefault {
        throw Failure(rule: "theme with problems did not fall back to the default theme", detail: result.problems[0].description)
    }
    return .refused
}

final class JournalRunner {
    let directory: String
    let path: String
    private let manager = FileManager.default

    init(directory: String) {
        self.directory = directory
        path = directory + "/fuzz.jsonl"
    }

    func contents() -> [UInt8]? { manager.contents(atPath: path).map(Array.init) }

    func clean() {
        for name in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] {
            try? manager.removeItem(atPath: directory + "/" + name)
        }
    }

    func checkError(_ error: JournalError, _ input: [UInt8], _ what: String) throws(Failure) {
        if error.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw Failure(rule: "\(what) threw without a message", detail: error.description)
        }
        if Sanitize.hasControlCharacters(error.message) {
            throw Failure(rule: "\(what) error message holds a control character", detail: Sanitize.visible(error.description))
        }
        if error.line < 0 || error.line > lineCount(input) + 1 {
            throw Failure(rule: "\(what) error line outside the file", detail: "line \(error.line) of \(lineCount(input)): \(error.description)")
        }
    }

    /// The incident read without the lock, and opened again after a checkpoint was saved (at
    /// any length, to reach every input), is the one a full replay gives.
    func checkCheckpoint(_ replayed: Incident) throws(Failure) {
        do {
            if try Journal.readIncident(path: path, id: "fuzz").get() != replayed {
                throw Failure(rule: "Journal.readIncident differs from a full replay", detail: "")
            }
            let (journal, first, _) = try Journal.openIncident(path: path, id: "fuzz")
            guard case .success(let incident) = first, incident == replayed else {
                journal.close()
                throw Failure(rule: "Journal.openIncident differs from a full replay", detail: "")
            }
            journal.close()
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(rule: "a journal that replays could not be reopened", detail: Sanitize.visible(String(describing: error)))
        }
    }

    func run(_ input: [UInt8]) throws(Failure) -> Outcome {
        clean()
        defer { clean() }
        guard manager.createFile(atPath: path, contents: Data(input), attributes: [.posixPermissions: 0o600]) else {
            FileHandle.standardError.write(Data("lostphone-fuzz: cannot write \(path)\n".utf8))
            exit(2)
        }

        var readEvents: [Event]? = nil
        do throws(JournalError) {
            readEvents = try Journal.read(path: path)
        } catch {
            try checkError(error, input, "Journal.read")
        }

        let opened: (Journal, [Event], JournalRecovery?)
        do throws(JournalError) {
            opened = try Journal.open(path: path)
        } catch {
            try checkError(error, input, "Journal.open")
            let after = contents()
            if after != input {
                throw Failure(rule: "Journal.open changed a file it threw on",
                              detail: "\(error.description) (the file was \(input.count) bytes, is \(after.map { "\($0.count) bytes" } ?? "gone"))")
            }
            return .refused
        }
        let (journal, events, recovery) = opened
        journal.close()

        guard let readEvents else {
            throw Failure(rule: "Journal.open accepted a file Journal.read refused", detail: "\(events.count) events")
        }
        if events.count < readEvents.count || Array(events.prefix(readEvents.count)) != readEvents {
            throw Failure(rule: "Journal.open and Journal.read disagree", detail: "read \(readEvents.count) events, open \(events.count)")
        }
        let after = contents() ?? []
        if let recovery {
            if recovery.message.isEmpty { throw Failure(rule: "journal recovery without a message", detail: "") }
            let backup = manager.contents(atPath: recovery.backupPath).map(Array.init)
            if backup != input {
                throw Failure(rule: "journal backup differs from the original", detail: recovery.message)
            }
            if !(after.count <= input.count + 1 && after.last == 0x0A && (after.count > input.count || input.starts(with: after))) {
                throw Failure(rule: "repaired journal is not the original's whole lines", detail: recovery.message)
            }
        } else {
            if events != readEvents { throw Failure(rule: "Journal.open added events without a recovery", detail: "") }
            if after != input { throw Failure(rule: "Journal.open changed the file without a recovery", detail: "") }
        }

        let replayed: Incident
        do throws(IncidentError) {
            replayed = try Incident.replay(events, id: "fuzz")
        } catch {
            if error.message.trimmingCharacters(in: .whitespaces).isEmpty {
                throw Failure(rule: "Incident.replay threw without a message", detail: "")
            }
            if Sanitize.hasControlCharacters(error.message) {
                throw Failure(rule: "Incident.replay error message holds a control character", detail: Sanitize.visible(error.message))
            }
            return .refused
        }
        try checkCheckpoint(replayed)
        return .accepted
    }
}

// MARK: - the run

/// The next free `fuzz-out/crash-<n>` number.
func nextCrashNumber() -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "fuzz-out")) ?? []
    let used = names.compactMap { name -> Int? in
        guard name.hasPrefix("crash-"), let dot = name.firstIndex(of: ".") else { return nil }
        return Int(name[name.index(name.startIndex, offsetBy: 6)..<dot])
    }
    return (used.max() ?? 0) + 1
}

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

func fuzz(_ target: Target, options: Options, workDirectory: String) -> Int {
    let seeds: [Seed]
    let tokens: [[UInt8]]
    let sizeLimit: Int
    let journal = JournalRunner(directory: workDirectory)
    switch target {
    case .playbook:
        seeds = [Seed(name: "built-in playbook", bytes: Array(BuiltinResources.playbookYAML.utf8))]
        tokens = yamlTokens
        sizeLimit = 2 * 1024 * 1024
    case .theme:
        seeds = themeSeeds()
        tokens = yamlTokens
        sizeLimit = 256 * 1024
    case .journal:
        seeds = builtinJournalSeeds(in: workDirectory)
        tokens = jsonTokens
        sizeLimit = 4 * 1024 * 1024
    case .keys:
        seeds = keySeeds()
        tokens = keyTokens
        sizeLimit = 16 * 1024
    }
    // The seeds themselves are inputs too, and must parse.
    for seed in seeds {
        let outcome: Outcome?
        switch target {
        case .playbook: outcome = try? runPlaybook(seed.bytes)
        case .theme: outcome = try? runTheme(seed.bytes)
        case .journal: outcome = try? journal.run(seed.bytes)
        case .keys: var rng = SplitMix(seed: 0); outcome = try? runKeys(seed.bytes, rng: &rng)
        }
        if outcome != .accepted {
            FileHandle.standardError.write(Data("lostphone-fuzz: \(target.rawValue): the seed \(seed.name) does not load cleanly\n".utf8))
        }
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
        var mutator = Mutator(rng: generator(seed: options.seed, target: target, number: number), tokens: tokens, sizeLimit: sizeLimit)
        let base = mutator.rng.pick(seeds).bytes
        let other = mutator.rng.pick(seeds).bytes
        let input = mutator.mutate(base, other: other)

        Current.set(input, number: number)
        alarm(Current.hangSeconds)
        do throws(Failure) {
            let outcome: Outcome
            switch target {
            case .playbook: outcome = try runPlaybook(input)
            case .theme: outcome = try runTheme(input)
            case .journal: outcome = try journal.run(input)
            case .keys: outcome = try runKeys(input, rng: &mutator.rng)
            }
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

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
installSignalHandlers()
let workDirectory = NSTemporaryDirectory() + "lostphone-fuzz-\(getpid())"
do {
    try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
} catch {
    FileHandle.standardError.write(Data("lostphone-fuzz: cannot create \(workDirectory): \(error)\n".utf8))
    exit(2)
}
var totalFailures = 0
for target in options.targets {
    totalFailures += fuzz(target, options: options, workDirectory: workDirectory)
}
try? FileManager.default.removeItem(atPath: workDirectory)
exit(totalFailures > 0 ? 1 : 0)
