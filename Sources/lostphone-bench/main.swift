// lostphone-bench: how the program feels at the sizes people have and still works at sizes
// nobody should reach, side by side with dialog and whiptail. Prints medians (and ratios
// measured in the same run) and writes them as JSON.
//
//   swift build -c release && swift run -c release lostphone-bench [--quick] [--json FILE] [--binary FILE] [--against FILE] [--only start|open]
//
// --only start: just the start against dialog and whiptail and `--version` (the peer table);
// --only open: just the 10,000-step playbook and the 10,000-event journal opened in process
// (for a profiler: `perf record -g lostphone-bench --only open`).
//
// --binary names the lostphone measured on the terminal (default: the one beside the bench);
// give it the release binary (scripts/release.sh, static Swift runtime) for the shipped figures.
// --against names a second lostphone (the one before a change), measured in the same interleaved
// rounds of the start and `--version`: on a shared machine, only figures of one run compare.
//
// Sizes: the built-in guide with a first hour's 40 events; a generated playbook of 1,000 steps
// with an incident of 5,000 events (realistic: the targets apply); 10,000 steps with 100,000
// events (pathological: it must open and work, slowly if need be).
//
// In process (KeyToFrame, StartUp, Export): key-to-frame, playbook load, journal replay,
// export. The real binary on a pseudo-terminal (PTY, Wire, StartUp, Peers): start to first
// frame, bytes and time per key, peak memory, and the same for dialog and whiptail.

import Foundation
import LostphoneCore

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let quick = arguments.contains("--quick")
let only = option("--only")
let jsonPath = option("--json") ?? ".build/lostphone-bench.json"
let binary = option("--binary")
    ?? URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().appendingPathComponent("lostphone").path
let against = option("--against")

/// Run counts: a quick run takes a couple of minutes, a full one longer.
@MainActor func runs(quick q: Int, full f: Int) -> Int { quick ? q : f }

let figures = Figures()
let scratch: Scratch
do { scratch = try Scratch() } catch {
    print("lostphone-bench: cannot make a scratch folder: \(error)")
    exit(1)
}

// An interrupted run removes its scratch folder too; a closed pipe (`| head`) lets it finish.
signal(SIGPIPE, SIG_IGN)
let interrupts = [SIGINT, SIGTERM, SIGHUP].map { number in
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler { [path = scratch.path] in
        try? FileManager.default.removeItem(atPath: path)
        exit(128 + number)
    }
    source.resume()
    return source
}

/// The machine's load, said with every figure measured on it: other builds share the cores.
func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "" }
    return "; load average " + text.split(separator: " ").prefix(3).joined(separator: " ")
}

@MainActor func benchmark() throws {
    print("lostphone-bench on \(ProcessInfo.processInfo.activeProcessorCount) cores\(quick ? " (quick)" : ""), \(Date())\(loadAverage())")
    if only == "open" {
        figures.section("opening at the sizes with targets, in process")
        _ = try measureOpenTargets(scratch: scratch, runs: runs(quick: 3, full: 7), into: figures)
        return
    }
    var started = now()
    var scenarios = [try Scenario.make(label: "built-in, 40 events", steps: nil, events: 40, realistic: true)]
    if only != "start" {
        scenarios.append(try Scenario.make(label: "1k steps, 5k events", steps: 1_000, events: 5_000, realistic: true))
        scenarios.append(try Scenario.make(label: "10k steps, 100k events", steps: 10_000, events: 100_000, realistic: false))
    }
    let files = try scenarios.enumerated().map { try ScenarioFiles($0.element, number: $0.offset, scratch: scratch) }
    print("(fixtures generated in \(Figures.format(milliseconds(from: started, to: now()) / 1000)) s)")

    let onTerminal = FileManager.default.isExecutableFile(atPath: binary) && hasGNUTime
    let launcher = LostphoneLauncher(binary: binary, scratch: scratch)
    if onTerminal {
        let built = (try? FileManager.default.attributesOfItem(atPath: binary)[.modificationDate] as? Date).map { "\($0)" } ?? "?"
        print("driving \(binary) (built \(built))")
        figures.section("side by side with dialog and whiptail (20-item checklist)")
        started = now()
        try measurePeers(scenarios[0], files: files[0], launcher: launcher,
                         against: against.map { LostphoneLauncher(binary: $0, scratch: scratch) }, quick: quick, into: figures)
        _ = try measureVersion(binary: binary, against: against, scratch: scratch, runs: runs(quick: 11, full: 31), into: figures)
        print("(\(Figures.format(milliseconds(from: started, to: now()) / 1000)) s\(loadAverage()))")
        if only == "start" { return }
    } else {
        print("\n(the pseudo-terminal figures need \(binary) (swift build -c release) and GNU time (apt-get install time))")
    }

    figures.section("opening at the sizes with targets, in process")
    _ = try measureOpenTargets(scratch: scratch, runs: runs(quick: 3, full: 7), into: figures)

    figures.section("key-to-frame, in process (update + render + canvas diff)")
    for scenario in scenarios {
        measureKeyToFrame(scenario, rounds: runs(quick: 200, full: 2000), into: figures)
    }

    figures.section("loading, in process")
    for (scenario, file) in zip(scenarios, files) {
        try measureLoading(scenario, files: file, runs: scenario.realistic ? runs(quick: 3, full: 9) : runs(quick: 1, full: 3), into: figures)
    }

    if onTerminal {
        figures.section("the real binary on an 80x24 pseudo-terminal")
        for (scenario, file) in zip(scenarios, files) {
            let starts = scenario.playbookYAML == nil ? runs(quick: 5, full: 15) : scenario.realistic ? runs(quick: 3, full: 9) : runs(quick: 1, full: 3)
            try measureStartUp(scenario, files: file, launcher: launcher, runs: starts, into: figures)
            try measureWire(scenario, files: file, launcher: launcher, quick: quick || !scenario.realistic, into: figures)
        }
    }

    figures.section("export")
    for (scenario, file) in zip(scenarios, files) {
        measureExport(scenario, runs: scenario.realistic ? runs(quick: 3, full: 7) : runs(quick: 1, full: 3), into: figures)
        if onTerminal && scenario.playbookYAML != nil {
            try measureExportProcess(scenario, files: file, launcher: launcher, runs: scenario.realistic ? runs(quick: 1, full: 5) : runs(quick: 1, full: 2), into: figures)
        }
    }
}

do {
    try benchmark()
    try figures.write(to: jsonPath, quick: quick)
    print("\nfigures written to \(jsonPath)")
    scratch.remove()
} catch {
    print("lostphone-bench: \(error)")
    scratch.remove()
    exit(1)
}
