// lostphone-bench: how the program feels on a slow link and at scale. Prints medians (and the
// ratios that matter, measured in the same run) and writes them as JSON.
//
//   swift run -c release lostphone-bench [--quick] [--json FILE]
//
// In process: key-to-frame (update + render + canvas diff), playbook load (YAML and compiled
// cache), replay and opening from a checkpoint, export. Against the real binary on a
// pseudo-terminal: bytes per key against a full repaint (Ctrl-L), start to first frame (a first
// start apart from later ones), peak memory.

import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LostphoneCore
import LostphoneTUI
import Yams

// MARK: - options

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
let jsonPath = arguments.firstIndex(of: "--json").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    ?? ".build/lostphone-bench.json"
let binary = arguments.firstIndex(of: "--binary").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    ?? URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().appendingPathComponent("lostphone").path

let largeSteps = 10_000
let largeEvents = 100_000
let keyRounds = quick ? 200 : 2000

// MARK: - measuring

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

struct Row: Codable { var name: String; var value: Double; var unit: String; var note: String }
nonisolated(unsafe) var rows: [Row] = []
func report(_ name: String, _ value: Double, _ unit: String, _ note: String = "") {
    rows.append(Row(name: name, value: value, unit: unit, note: note))
    let shown = value >= 100 ? String(format: "%.0f", value) : String(format: "%.3f", value)
    print(name.padding(toLength: 74, withPad: " ", startingAt: 0), shown.leftPad(10), unit.padding(toLength: 6, withPad: " ", startingAt: 0), note)
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}

// MARK: - data

let t0 = Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!

/// A playbook of `count` steps in three panes, each step with two providers.
func largePlaybookYAML(steps count: Int) -> String {
    var y = "id: large\nversion: 1\nlanguages: [zh, en]\ntitle: {zh: 大型测试, en: Large test}\n"
    y += "source: {publisher: {zh: 基准, en: Benchmark}}\npanes:\n"
    let perPane = count / 3
    for p in 0..<3 {
        let kind = p == 2 ? "tips" : "actions"
        y += "  - id: pane-\(p)\n    kind: \(kind)\n    title: {zh: 面板\(p), en: Pane \(p)}\n    steps:\n"
        let n = p == 2 ? count - 2 * perPane : perPane
        for s in 0..<n {
            y += "      - id: s\(p)-\(s)\n        title: {zh: 第\(s)步 冻结账户, en: Step \(s) freeze the account}\n"
            if kind == "actions" { y += "        priority: \(s % 9 + 1)\n" }
            y += "        why: {zh: 防止资金损失。, en: So nobody can take the money.}\n"
            y += "        providers:\n"
            for v in 0..<2 {
                y += "          - id: v\(v)\n            name: {zh: 机构\(v), en: Provider \(v)}\n"
                y += "            contacts: [{phone: \"9\(5000 + v)\", press: \"9\"}]\n"
            }
        }
    }
    return y
}

/// `count` valid events over the playbook's steps (opened first), as JSON Lines.
func journalLines(_ playbook: Playbook, events count: Int) throws -> (String, Incident) {
    var (incident, first) = Incident.open(id: "20261124-210000", playbook: playbook, at: t0)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var out = String(decoding: try encoder.encode(first), as: UTF8.self) + "\n"
    let steps = playbook.allSteps
    var rng: UInt64 = 42
    for n in 1..<count {
        rng = rng &* 6364136223846793005 &+ 1442695040888963407
        let step = steps[Int(rng >> 33) % steps.count]
        let at = Timestamp(t0.date.addingTimeInterval(Double(n)), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        let command: IncidentCommand
        switch (rng >> 20) % 10 {
        case 0 where incident.lastUndoableEvent != nil: command = .undo
        case 1, 2: command = .note(step.id, "ref \(n)", provider: step.providers.first?.id)
        default:
            let targets = StepState.allCases.filter { incident.record(step.id).state.canMove(to: $0) }
            command = .move(step.id, to: targets[Int(rng >> 40) % targets.count], provider: step.providers.first?.id)
        }
        let event = try incident.event(for: command, at: at)
        try incident.apply(event)
        out += String(decoding: try encoder.encode(event), as: UTF8.self) + "\n"
    }
    return (out, incident)
}

// MARK: - in-process key-to-frame

/// Median nanoseconds from a key to the diff of the new frame against the last, for `keys`
/// pressed in turn. Recorded actions go the runtime's way: event, apply, render.
func keyToFrame(_ playbook: Playbook, _ incident: Incident, width: Int, height: Int, keys: [Key], rounds: Int, setup: [Key] = []) -> Double {
    var state = AppState(playbook: playbook, incident: incident, language: .en, theme: ThemeLoader.builtinDefault,
                         width: width, height: height, now: t0)
    for key in setup { _ = Update.handle(key, in: &state) }
    var previous = Screen.render(state)
    var times: [Double] = []
    times.reserveCapacity(rounds)
    var clock = t0.date.addingTimeInterval(1_000_000)
    var sink = 0
    for i in 0..<rounds {
        let key = keys[i % keys.count]
        let start = now()
        for effect in Update.handle(key, in: &state) {
            if case .record(let command) = effect {
                clock.addTimeInterval(1)
                if let event = try? state.incident.event(for: command, at: Timestamp(clock)) {
                    _ = Update.apply(.recorded(event), to: &state)
                }
            }
        }
        let frame = Screen.render(state)
        sink &+= frame.changedRuns(from: previous).count
        previous = frame
        times.append(Double(now() - start))
    }
    if sink < 0 { print(sink) }
    return median(times)
}

// MARK: - the real binary on a pseudo-terminal

final class PTYRun {
    let master: Int32
    let pid: pid_t
    var output = [UInt8]()
    let rssFile: String
    /// When the marker first appeared in the output.
    var markerSeenAt: UInt64? = nil

    init(args: [String], env: [String: String], width: Int, height: Int) throws {
        // /dev/ptmx by hand: posix_openpt and friends are not in Swift's Glibc module. The two
        // ioctls are the same on every Linux architecture (asm-generic).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else {
            throw NSError(domain: "pty", code: 1)
        }
        let slave = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, opening the terminal makes it the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none); sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(0x80 /* POSIX_SPAWN_SETSID */ | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // Through GNU time, which forks the program from its own small process and writes its
        // peak memory: a child that posix_spawn starts (vfork) would report this benchmark's RSS.
        rssFile = NSTemporaryDirectory() + "lostphone-bench-rss-\(UUID().uuidString)"
        let argv: [UnsafeMutablePointer<CChar>?] = (["/usr/bin/time", "-f", "%M", "-o", rssFile, binary] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, "/usr/bin/time", &actions, &attributes, argv, envp)
        guard rc == 0 else { throw NSError(domain: "spawn \(binary)", code: Int(rc)) }
        pid = child
    }

    /// Reads until `quietMs` pass without output (or `limitMs` in all); returns the bytes read.
    @discardableResult
    func drain(quietMs: Int32 = 40, limitMs: Int = 5000, until marker: String? = nil) -> Int {
        var got = 0
        let deadline = now() + UInt64(limitMs) * 1_000_000
        var buffer = [UInt8](repeating: 0, count: 65536)
        while now() < deadline {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, quietMs)
            if ready <= 0 {
                if let marker, !String(decoding: output, as: UTF8.self).contains(marker) { continue }
                break
            }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            got += n
            output.append(contentsOf: buffer[0..<n])
            if let marker, markerSeenAt == nil, String(decoding: output, as: UTF8.self).contains(marker) { markerSeenAt = now() }
        }
        return got
    }

    func send(_ bytes: String) { _ = bytes.withCString { write(master, $0, strlen($0)) } }

    /// Waits for the child; returns its peak resident memory in KiB (as GNU time saw it).
    func finish() -> Int {
        var status: Int32 = 0
        var exited = false
        for _ in 0..<1000 where !exited {
            if waitpid(pid, &status, WNOHANG) == pid { exited = true } else { drain(quietMs: 10, limitMs: 20) }
        }
        if !exited { kill(pid, SIGKILL); _ = waitpid(pid, &status, 0) }
        close(master)
        defer { unlink(rssFile) }
        let text = (try? String(contentsOfFile: rssFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.last ?? 0
    }
}

func environment(_ home: String) -> [String: String] {
    ["HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "TZ": "Asia/Shanghai",
     "XDG_STATE_HOME": home + "/state", "XDG_CONFIG_HOME": home + "/config"]
}

struct WireFigures {
    var startMs: Double; var navBytes: Double; var navClosedBytes: Double; var actionBytes: Double; var repaintBytes: Double; var rssKiB: Int
    /// Starts with no playbook cache and no checkpoint (nil when there is nothing to build).
    var coldStartMs: Double?; var coldRssKiB: Int?
}

/// Starts the binary on an existing incident (so no first-start form), then measures.
func wire(playbookFile: String?, stateDir: String, home: String, marker: String, width: Int, height: Int, rounds: Int,
          removeDerived: (() -> Void)? = nil) throws -> WireFigures {
    var starts: [Double] = []
    var rss = 0
    let args = ["--lang", "en", "--state-dir", stateDir] + (playbookFile.map { ["--playbook", $0] } ?? [])
    // First starts: each builds the playbook cache and the checkpoint that later starts use.
    var coldStarts: [Double] = [], coldRss = 0
    if let removeDerived {
        for _ in 0..<(quick ? 2 : 3) {
            removeDerived()
            let start = now()
            let p = try PTYRun(args: args, env: environment(home), width: width, height: height)
            p.drain(quietMs: 5, limitMs: 20_000, until: marker)
            coldStarts.append(Double((p.markerSeenAt ?? now()) - start) / 1e6)
            p.drain()
            p.send("q")
            coldRss = max(coldRss, p.finish())
        }
    }
    var nav: [Double] = [], navClosed: [Double] = [], action: [Double] = [], repaint: [Double] = []
    for run in 0..<(quick ? 3 : 15) {
        let start = now()
        let p = try PTYRun(args: args, env: environment(home), width: width, height: height)
        p.drain(quietMs: 5, limitMs: 20_000, until: marker)
        starts.append(Double((p.markerSeenAt ?? now()) - start) / 1e6)
        p.drain()
        if run == 0 {
            for i in 0..<rounds {
                p.send(i % 2 == 0 ? "j" : "k"); nav.append(Double(p.drain()))
            }
            for i in 0..<min(rounds, 40) {
                p.send(i % 2 == 0 ? "s" : "r"); action.append(Double(p.drain()))
            }
            for _ in 0..<min(rounds, 20) {
                p.send("\u{0C}"); repaint.append(Double(p.drain()))
            }
            p.send("\r"); p.drain()   // details closed: navigation only moves the selection
            for i in 0..<rounds {
                p.send(i % 2 == 0 ? "j" : "k"); navClosed.append(Double(p.drain()))
            }
        }
        p.send("q")
        rss = max(rss, p.finish())
    }
    return WireFigures(startMs: median(starts), navBytes: median(nav), navClosedBytes: median(navClosed), actionBytes: median(action),
                       repaintBytes: median(repaint), rssKiB: rss,
                       coldStartMs: removeDerived == nil ? nil : median(coldStarts), coldRssKiB: removeDerived == nil ? nil : coldRss)
}

// MARK: - run

print("lostphone-bench on \(ProcessInfo.processInfo.activeProcessorCount) cores\(quick ? " (quick)" : "")")
print("name".padding(toLength: 74, withPad: " ", startingAt: 0), "median".leftPad(10), "unit")

let builtin = PlaybookLoader.builtin()
let largeYAML = largePlaybookYAML(steps: largeSteps)
let large: Playbook
switch PlaybookLoader.load(yaml: largeYAML, file: "large.yaml") {
case .success(let p): large = p
case .failure(let e):
    print("the generated playbook does not load:\n\(e.problems.prefix(5).map(\.description).joined(separator: "\n"))")
    exit(1)
}
let (smallJournal, smallIncident) = try journalLines(builtin, events: 40)
let (largeJournal, largeIncident) = try journalLines(large, events: largeEvents)

let dir = NSTemporaryDirectory() + "lostphone-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: dir + "/large-state", withIntermediateDirectories: true)
try FileManager.default.createDirectory(atPath: dir + "/small-state", withIntermediateDirectories: true)
try FileManager.default.createDirectory(atPath: dir + "/resume-state", withIntermediateDirectories: true)
try largeJournal.write(toFile: dir + "/large-state/20261124-210000.jsonl", atomically: true, encoding: .utf8)
try largeJournal.write(toFile: dir + "/resume-state/20261124-210000.jsonl", atomically: true, encoding: .utf8)
try smallJournal.write(toFile: dir + "/small-state/20261124-210000.jsonl", atomically: true, encoding: .utf8)
try largeYAML.write(toFile: dir + "/large.yaml", atomically: true, encoding: .utf8)
defer { try? FileManager.default.removeItem(atPath: dir) }

/// The large incident as the program has it after a start: resumed from its checkpoint, the
/// events before it still undecoded.
func openLarge() throws -> Incident {
    let (journal, result, _) = try Journal.openIncident(path: dir + "/resume-state/20261124-210000.jsonl", id: "20261124-210000")
    journal.close()
    return try result.get()
}
_ = try openLarge()   // the first open replays in full and writes the checkpoint
let resumedIncident = try openLarge()
guard resumedIncident == largeIncident else { print("the incident resumed from its checkpoint differs from the live one"); exit(1) }

// Key-to-frame, in process.
let navKeys: [Key] = [.down, .down, .up, .char("j"), .char("k"), .tab, .backTab]
let actionKeys: [Key] = [.char("s"), .char("r")]
var k2f: [String: Double] = [:]
for (label, playbook, incident) in [("built-in", builtin, smallIncident), ("10k steps, 100k events", large, largeIncident)] {
    for (w, h) in [(80, 24), (200, 60)] {
        let n = keyToFrame(playbook, incident, width: w, height: h, keys: navKeys, rounds: keyRounds) / 1e6
        let a = keyToFrame(playbook, incident, width: w, height: h, keys: actionKeys, rounds: keyRounds / 2) / 1e6
        k2f["\(label) \(w)x\(h) nav"] = n
        k2f["\(label) \(w)x\(h) action"] = a
        report("key-to-frame, navigation, \(label), \(w)x\(h)", n, "ms")
        report("key-to-frame, recorded action, \(label), \(w)x\(h)", a, "ms")
    }
}
report("ratio large/built-in, navigation 80x24", k2f["10k steps, 100k events 80x24 nav"]! / k2f["built-in 80x24 nav"]!, "x", "same run")
// The timeline of the resumed incident: its rows decode journal lines as they come into view.
let timelineKeys: [Key] = [.char("j"), .char("j"), .char("k"), .pageUp, .pageDown, .end]
for (w, h) in [(80, 24), (200, 60)] {
    let n = keyToFrame(large, resumedIncident, width: w, height: h, keys: timelineKeys, rounds: keyRounds, setup: [.char("4"), .home]) / 1e6
    report("key-to-frame, timeline, 100k events from checkpoint, \(w)x\(h)", n, "ms")
}


// Replay and export, in process.
for (label, text) in [("built-in", BuiltinResources.playbookYAML), ("10k steps", largeYAML)] {
    var times: [Double] = []
    for _ in 0..<(quick ? 3 : 7) {
        let start = now()
        _ = PlaybookLoader.load(yaml: text, file: "bench.yaml")
        times.append(Double(now() - start) / 1e6)
    }
    report("playbook load (Yams + validation), \(label)", median(times), "ms")
    var composeTimes: [Double] = []
    for _ in 0..<(quick ? 3 : 7) {
        let start = now()
        _ = try? Yams.compose(yaml: text, .basic)   // as YAMLReader does
        composeTimes.append(Double(now() - start) / 1e6)
    }
    report("  of which Yams.compose alone, \(label)", median(composeTimes), "ms")
}
for (label, path) in [("built-in (40 events)", dir + "/small-state/20261124-210000.jsonl"), ("100k events", dir + "/large-state/20261124-210000.jsonl")] {
    var times: [Double] = []
    for _ in 0..<(quick ? 3 : 7) {
        let start = now()
        let events = try Journal.read(path: path)
        _ = try Incident.replay(events)
        times.append(Double(now() - start) / 1e6)
    }
    report("journal read + replay, \(label)", median(times), "ms")
}
do {
    var times: [Double] = []
    for _ in 0..<(quick ? 3 : 7) {
        let start = now()
        _ = try openLarge()
        times.append(Double(now() - start) / 1e6)
    }
    report("journal open from its checkpoint, 100k events", median(times), "ms")
}
for format in ReportFormat.allCases {
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<(quick ? 3 : 5) {
        let start = now()
        let text = format.render(Report(incident: largeIncident, playbook: large, language: .en, generatedAt: t0))
        bytes = text.utf8.count
        times.append(Double(now() - start) / 1e6)
    }
    report("export \(format.rawValue), 10k steps + 100k events", median(times), "ms", "\(bytes / 1024) KiB")
}

// The real binary on a pseudo-terminal.
if FileManager.default.isExecutableFile(atPath: binary) && FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
    let home = dir + "/home"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    for (label, playbookFile, state, marker) in [("built-in", nil as String?, dir + "/small-state", "Urgent"),
                                                  ("10k steps, 100k events", dir + "/large.yaml", dir + "/large-state", "Pane 0")] {
        // Built-in too: the full screen caches the built-in playbook compiled.
        let removeDerived = {
            try? FileManager.default.removeItem(atPath: home + "/.cache")
            try? FileManager.default.removeItem(atPath: state + "/20261124-210000.checkpoint")
        }
        let w = try wire(playbookFile: playbookFile, stateDir: state, home: home, marker: marker, width: 80, height: 24,
                         rounds: quick ? 20 : 100, removeDerived: removeDerived)
        if let cold = w.coldStartMs, let coldRss = w.coldRssKiB {
            report("start to first frame, first start (no cache\(playbookFile == nil ? "" : ", no checkpoint")), \(label)", cold, "ms")
            report("peak memory (max RSS) of that first start, \(label)", Double(coldRss) / 1024, "MiB")
        }
        report("start to first frame, \(label)", w.startMs, "ms", playbookFile == nil ? "with cache" : "with cache and checkpoint")
        report("bytes per navigation key, \(label), 80x24", w.navBytes, "B")
        report("bytes per recorded action, \(label), 80x24", w.actionBytes, "B")
        report("bytes per full repaint (Ctrl-L), \(label), 80x24", w.repaintBytes, "B")
        report("bytes per navigation key, details closed, \(label)", w.navClosedBytes, "B")
        report("navigation key / full repaint, details open, \(label)", w.navBytes / w.repaintBytes * 100, "%", "same run")
        report("navigation key / full repaint, details closed, \(label)", w.navClosedBytes / w.repaintBytes * 100, "%", "same run")
        report("peak memory (max RSS), \(label)", Double(w.rssKiB) / 1024, "MiB")
    }
    // Export as a person runs it: a separate process, with its peak memory.
    var times: [Double] = []
    var rss = 0
    for _ in 0..<(quick ? 2 : 5) {
        let start = now()
        let p = try PTYRun(args: ["export", "--format", "json", "--force", "-o", dir + "/out.json", "--state-dir", dir + "/large-state",
                                  "--playbook", dir + "/large.yaml"], env: environment(home), width: 80, height: 24)
        rss = max(rss, p.finish())
        times.append(Double(now() - start) / 1e6)
    }
    report("lostphone export --format json, 10k steps + 100k events", median(times), "ms", "whole process")
    report("peak memory of that export", Double(rss) / 1024, "MiB")
} else {
    print("(needs \(binary) (swift build -c release) and GNU time (apt-get install time) to measure bytes, start-up and memory)")
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
struct Output: Codable { var date: String; var quick: Bool; var rows: [Row] }
let data = try encoder.encode(Output(date: Timestamp(Date()).text, quick: quick, rows: rows))
try? FileManager.default.createDirectory(atPath: (jsonPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
try data.write(to: URL(fileURLWithPath: jsonPath))
print("figures written to \(jsonPath)")
