import Foundation

/// Keys as a terminal sends them. An arrow depends on whether the program turned on
/// application cursor keys (DECCKM, which ncurses' keypad mode does on an xterm).
enum TypedKey: Hashable {
    case down, up, text(String)

    func bytes(applicationCursor: Bool) -> String {
        switch self {
        case .down: applicationCursor ? "\u{1B}OB" : "\u{1B}[B"
        case .up: applicationCursor ? "\u{1B}OA" : "\u{1B}[A"
        case .text(let s): s
        }
    }

    /// ↓ n times then ↑ n times: every key moves the selection by one row, scrolling included.
    static func sweep(rows: Int) -> [(TypedKey, measured: Bool)] {
        let n = max(1, min(rows, 20) - 1)
        return Array(repeating: (.down, true), count: n) + Array(repeating: (.up, false), count: n)
    }
}

/// Keys typed in one part of a session, after an optional key that sets the part up.
struct Phase {
    var name: String
    var prelude: String? = nil
    var keys: [(TypedKey, measured: Bool)]
}

/// What one start of a program on the terminal gave.
struct SessionFigures {
    /// Start to the first byte written, and to the last byte of the first frame.
    var firstByteMs = Double.nan
    var firstFrameMs = Double.nan
    var firstFrameBytes = 0
    /// Per phase: the bytes written after each measured key, and the time from the key to the
    /// last of them.
    var keyBytes: [String: [Double]] = [:]
    var keyMs: [String: [Double]] = [:]
    var rssKiB: Int?
}

/// Starts a program on a terminal, waits for its first frame, types each phase's keys (each
/// after the output of the last one ended), quits with `quit`.
func runSession(_ executable: String, _ arguments: [String], environment: [String: String], marker: String?,
                quit: String, phases: [Phase], scratch: String, firstFrameLimitMs: Int = 60_000) throws -> SessionFigures {
    let program = try PTYProgram(executable, arguments, environment: environment, scratch: scratch)
    var figures = SessionFigures()
    // Quiet long enough that a frame written in pieces is one burst.
    let first = program.read(quietMs: 150, limitMs: firstFrameLimitMs, marker: marker)
    if let firstAt = first.firstAt, let lastAt = first.lastAt {
        figures.firstByteMs = milliseconds(from: program.startedAt, to: firstAt)
        figures.firstFrameMs = milliseconds(from: program.startedAt, to: lastAt)
        figures.firstFrameBytes = first.bytes
    }
    for phase in phases {
        if let prelude = phase.prelude {
            program.send(prelude)
            _ = program.read(quietMs: 60)
        }
        for (key, measured) in phase.keys {
            let sent = program.send(key.bytes(applicationCursor: program.applicationCursorKeys))
            let burst = program.read(quietMs: 40, limitMs: 2000)
            guard measured else { continue }
            figures.keyBytes[phase.name, default: []].append(Double(burst.bytes))
            if let lastAt = burst.lastAt { figures.keyMs[phase.name, default: []].append(milliseconds(from: sent, to: lastAt)) }
        }
    }
    figures.rssKiB = program.finish(quit: quit)
    return figures
}

/// The lostphone binary and the files a start of it needs.
struct LostphoneLauncher {
    let binary: String
    let scratch: Scratch

    /// How a session's start finds its folders.
    enum Start {
        /// The scenario's incident, no screen memory: what every start measured so far.
        case returning
        /// No incident yet: it opens one and writes and syncs its journal before the first frame.
        case first
        /// The scenario's incident and the screen memory lostphone wrote when it was last left
        /// (`screen-ID.json`, read back before the first frame).
        case again(memory: Data)
    }

    /// Runs a session on a fresh copy of the scenario's journal (a recorded action in one run
    /// must not change the next), with a home, configuration and cache of its own, all removed
    /// after it ends. `afterwards` sees the folder (its `config/`) before it is removed.
    func session(_ scenario: Scenario, files: ScenarioFiles, phases: [Phase], start: Start = .returning,
                 afterwards: (String) throws -> Void = { _ in }) throws -> SessionFigures {
        let folder = try scratch.folder("lostphone-run")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = folder + "/incidents"
        for sub in ["/home", "/config/lostphone", "/cache", "/incidents"] {
            try FileManager.default.createDirectory(atPath: folder + sub, withIntermediateDirectories: true)
        }
        switch start {
        case .first: break
        case .returning:
            try FileManager.default.copyItem(atPath: files.journal, toPath: state + "/\(incidentID).jsonl")
        case .again(let memory):
            try FileManager.default.copyItem(atPath: files.journal, toPath: state + "/\(incidentID).jsonl")
            try memory.write(to: URL(fileURLWithPath: Self.screenMemoryPath(folder)))
        }
        let arguments = ["--lang", "en", "--state-dir", state] + (files.playbook.map { ["--playbook", $0] } ?? [])
        let figures = try runSession(binary, arguments, environment: terminalEnvironment(folder), marker: scenario.marker,
                                     quit: "q", phases: phases, scratch: scratch.path)
        try afterwards(folder)
        return figures
    }

    static func screenMemoryPath(_ folder: String) -> String {
        folder + "/config/lostphone/screen-\(incidentID).json"
    }

    /// The screen memory lostphone writes when a person moves a few rows down, closes the
    /// details and leaves with q.
    func screenMemory(_ scenario: Scenario, files: ScenarioFiles) throws -> Data {
        var memory: Data?
        let keys: [(TypedKey, measured: Bool)] = [(.down, false), (.down, false), (.down, false), (.text("\r"), false)]
        _ = try session(scenario, files: files, phases: [Phase(name: "move", keys: keys)]) { folder in
            memory = FileManager.default.contents(atPath: Self.screenMemoryPath(folder))
        }
        guard let memory else { throw BenchError("lostphone left no screen memory at config/lostphone/screen-\(incidentID).json") }
        return memory
    }
}

/// A scenario's files, written once.
struct ScenarioFiles {
    var journal: String
    var playbook: String?

    init(_ scenario: Scenario, number: Int, scratch: Scratch) throws {
        let folder = try scratch.folder("scenario-\(number)")
        journal = folder + "/\(incidentID).jsonl"
        try scenario.journal.write(toFile: journal, atomically: false, encoding: .utf8)
        if let yaml = scenario.playbookYAML {
            playbook = folder + "/playbook.yaml"
            try yaml.write(toFile: folder + "/playbook.yaml", atomically: false, encoding: .utf8)
        }
    }
}

/// The bytes lostphone writes per key at 80x24, against a full repaint (Ctrl-L), and the time
/// from a key to the end of its output, in one session.
func measureWire(_ scenario: Scenario, files: ScenarioFiles, launcher: LostphoneLauncher, quick: Bool, into figures: Figures) throws {
    let rows = scenario.playbook.panes[0].steps.count
    let sweeps = quick ? 1 : 3
    let navigation = Array(repeating: TypedKey.sweep(rows: rows), count: sweeps).flatMap { $0 }
    let actions: [(TypedKey, measured: Bool)] = (0..<(quick ? 10 : 40)).map { (.text($0 % 2 == 0 ? "s" : "r"), true) }
    let repaints: [(TypedKey, measured: Bool)] = Array(repeating: (.text("\u{0C}"), true), count: quick ? 5 : 20)
    let s = try launcher.session(scenario, files: files, phases: [
        Phase(name: "open", keys: navigation),
        // `m` first: the shown provider is then the person's, so s and r record at once.
        Phase(name: "action", prelude: "m", keys: actions),
        Phase(name: "repaint", keys: repaints),
        Phase(name: "closed", prelude: "\r", keys: navigation),
    ])
    let open = median(s.keyBytes["open"] ?? []), closed = median(s.keyBytes["closed"] ?? [])
    let repaint = median(s.keyBytes["repaint"] ?? [])
    figures.report("bytes per ↓, details open, \(scenario.label)", open, "B")
    figures.report("bytes per ↓, details closed, \(scenario.label)", closed, "B")
    figures.report("bytes per recorded action, \(scenario.label)", median(s.keyBytes["action"] ?? []), "B")
    figures.report("bytes per full repaint (Ctrl-L), \(scenario.label)", repaint, "B")
    figures.report("↓ / full repaint, details open / closed, \(scenario.label)", open / repaint * 100, "%",
                   "closed: \(Figures.format(closed / repaint * 100)) %")
    figures.report("key to end of output, ↓, details open, \(scenario.label)", median(s.keyMs["open"] ?? []), "ms")
    figures.report("key to end of output, recorded action, \(scenario.label)", median(s.keyMs["action"] ?? []), "ms")
}
