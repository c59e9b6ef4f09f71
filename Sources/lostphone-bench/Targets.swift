import Foundation
import LostphoneCore

/// One run of a command to its exit, output thrown away: wall time from spawn to exit (as a
/// shell's `time` sees it). (Not its peak memory: `wait4`'s counts the bench's own pages, which
/// a vfork-style spawn shares until the exec.)
func timedRun(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid = pid_t()
    let start = now()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let ms = milliseconds(from: start, to: now())
    guard status == 0 else { throw BenchError("\(executable) \(arguments.joined(separator: " ")) exited with status \(status)") }
    return ms
}

/// `lostphone --version` against `dialog --version`, interleaved: the cost of a start before any
/// screen (loading the binary and its libraries, the runtime, the parser); and `against`'s (a
/// second lostphone, the one before a change) in the same rounds, when given.
func measureVersion(binary: String, against: String? = nil, scratch: Scratch, runs: Int, into figures: Figures) throws -> Double? {
    let dialog = "/usr/bin/dialog"
    guard FileManager.default.isExecutableFile(atPath: dialog) else {
        print("(dialog is not installed, so --version is not compared: apt-get install dialog)")
        return nil
    }
    let home = try scratch.folder("version-home")
    defer { try? FileManager.default.removeItem(atPath: home) }
    let environment = ["HOME": home, "PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"]
    var mine: [Double] = [], theirs: [Double] = [], before: [Double] = []
    let programs = [binary, dialog] + (against.map { [$0] } ?? [])
    for run in 0..<runs {
        // A different one goes first in each round.
        for i in 0..<programs.count {
            let which = (run + i) % programs.count
            let ms = try timedRun(programs[which], ["--version"], environment: environment)
            switch which {
            case 0: mine.append(ms)
            case 1: theirs.append(ms)
            default: before.append(ms)
            }
        }
    }
    let ratio = median(mine) / median(theirs)
    figures.report("lostphone --version", median(mine), "ms")
    if against != nil {
        figures.report("against --version", median(before), "ms", "lostphone / against \(Figures.format(median(mine) / median(before)))x")
    }
    figures.report("dialog --version", median(theirs), "ms")
    figures.report("--version, lostphone / dialog", ratio, "x", "target ≤ 2x: \(ratio <= 2 ? "met" : "missed"); \(runs) interleaved runs")
    return ratio
}

/// CPU time used by the calling thread, in nanoseconds (not counting the waits for a core).
func threadCPUTime() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

/// The two sizes with targets of their own: a 10,000-step playbook opened (parsed and checked)
/// and a 10,000-event journal opened (locked, read, replayed), in process.
func measureOpenTargets(scratch: Scratch, runs: Int, into figures: Figures) throws -> (playbook: Double, journal: Double) {
    let yaml = generatedPlaybookYAML(steps: 10_000)
    var loads: [Double] = [], cpu: [Double] = []
    for _ in 0..<runs {
        let start = now(), startCPU = threadCPUTime()
        guard case .success = PlaybookLoader.load(yaml: yaml, file: "bench.yaml") else { throw BenchError("the 10,000-step playbook does not load") }
        loads.append(milliseconds(from: start, to: now()))
        cpu.append(milliseconds(from: startCPU, to: threadCPUTime()))
    }
    let playbook = median(loads)
    figures.report("10,000-step playbook opened (parsed and checked)", playbook, "ms", target(playbook, below: 300))
    // On a shared machine the wall time counts the waits for a core; the thread's own CPU time
    // is what a quiet machine's wall time would be, near enough.
    figures.report("  the same, CPU time of the loading thread", median(cpu), "ms")

    let scenario = try Scenario.make(label: "built-in, 10k events", steps: nil, events: 10_000, realistic: true)
    let folder = try scratch.folder("journal-10k")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/\(incidentID).jsonl"
    try scenario.journal.write(toFile: path, atomically: true, encoding: .utf8)
    var opens: [Double] = []
    for _ in 0..<runs {
        let start = now()
        let (journal, opened, _) = try Journal.openIncident(path: path, id: incidentID)
        opens.append(milliseconds(from: start, to: now()))
        journal.close()
        guard (try? opened.get()) == scenario.incident else { throw BenchError("the 10,000-event journal opened differs from the one written") }
    }
    let journal = median(opens)
    figures.report("10,000-event journal opened (Journal.openIncident)", journal, "ms", target(journal, below: 50))
    return (playbook, journal)
}
