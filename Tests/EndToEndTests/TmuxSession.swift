import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The built `lostphone` binary running in a real terminal (a detached tmux session): keys in,
/// screen out. Each session has its own tmux server socket and its own state and config
/// directories, so tests run side by side without seeing each other.
///
/// The vocabulary reads like a person at the keyboard: `press`, `type`, `expectScreen`.
final class TmuxSession {
    let socket: String
    let name = "lp"
    let home: URL
    var stateDir: URL { home.appendingPathComponent("state/lostphone") }
    var configDir: URL { home.appendingPathComponent("config") }

    /// Whether tmux can be found. Under CI its absence is a failure, not a skip.
    static var tmuxPath: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    static var available: Bool {
        if tmuxPath != nil { return true }
        // CI must not pass by skipping: a missing tmux there is an error, reported by the test.
        return ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The built binary: beside the test runner (SwiftPM puts both in the same folder), or
    /// `LOSTPHONE_BIN`.
    static var binary: String {
        if let p = ProcessInfo.processInfo.environment["LOSTPHONE_BIN"] { return p }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("lostphone").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/lostphone").path
    }

    /// Starts `lostphone` with `arguments` in a `width`×`height` terminal. `shellWrapper` runs
    /// the program inside `sh -c`, with `{bin}` standing for the binary, for tests that check
    /// what the terminal looks like after it exits.
    init(width: Int = 80, height: Int = 24, arguments: [String] = [], environment: [String: String] = [:],
         home: URL? = nil, shellWrapper: String? = nil) throws {
        guard let tmux = TmuxSession.tmuxPath else {
            throw E2EError("tmux is not installed (CI requires it: apt-get install tmux)")
        }
        self.tmux = tmux
        socket = "lp-e2e-\(UUID().uuidString.prefix(8))"
        if let home { self.home = home } else {
            self.home = try TmuxSession.makeTemporaryHome()
            ownsHome = true
        }
        var env = homeEnvironment(self.home)
        env["TERM"] = "screen-256color"
        for (k, v) in environment { env[k] = v }
        // An empty value means: leave the variable unset.
        let envWords = env.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }
        let program = ([TmuxSession.quote(TmuxSession.binary)] + arguments.map(TmuxSession.quote)).joined(separator: " ")
        let inner = shellWrapper.map { $0.replacingOccurrences(of: "{bin}", with: program) } ?? "\(program); echo EXITED:$?; sleep 600"
        let command = "env -i " + envWords.joined(separator: " ") + " sh -c " + TmuxSession.quote(inner)
        try run(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        try run(["set-option", "-t", name, "status", "off"])
        _ = try? run(["set-option", "-g", "escape-time", "0"])
    }

    private let tmux: String

    /// A new empty folder in the system temp folder, for a test that shares one home between
    /// sessions; the test removes it (`defer`).
    static func makeTemporaryHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    private var ownsHome = false

    deinit {
        _ = try? run(["kill-server"])
        if ownsHome { TmuxSession.removeHome(home) }
    }

    /// Removes a test's home, again for a moment if a program the killed server ran was still
    /// writing in it (kill-server does not wait for the programs to end).
    static func removeHome(_ home: URL) {
        for _ in 0..<30 {
            try? FileManager.default.removeItem(at: home)
            if !FileManager.default.fileExists(atPath: home.path) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Presses keys by tmux name: `Down`, `Tab`, `Enter`, `Escape`, `C-c`, or plain characters.
    func press(_ keys: String...) throws {
        for k in keys { try run(["send-keys", "-t", name, k]) }
    }

    /// Types text literally (CJK included).
    func type(_ text: String) throws {
        // `--`: text that starts with a dash (`-2d`) is not an option of send-keys.
        try run(["send-keys", "-t", name, "-l", "--", text])
    }

    /// Turns the mouse wheel one notch over a cell (0-based), as the terminal reports it to the
    /// program (the X10 mouse encoding of the session's screen-256color).
    func wheel(down: Bool, x: Int, y: Int) throws {
        let bytes = [Character("\u{1b}"), "[", "M", Character(UnicodeScalar(32 + (down ? 65 : 64))!),
                     Character(UnicodeScalar(33 + x)!), Character(UnicodeScalar(33 + y)!)]
        try type(String(bytes))
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen as text.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    /// A tmux format value of the pane (`alternate_on`, `cursor_flag`, `pane_dead`, `pane_pid`).
    func paneValue(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, "#{\(format)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen contains every one of `texts`; fails with the screen if it never does.
    @discardableResult
    func expectScreen(contains texts: String..., timeout: Double = 10,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor(timeout: timeout, sourceLocation: sourceLocation, what: "screen containing \(texts)") { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    /// Waits until the screen no longer contains `text`.
    @discardableResult
    func expectScreen(lacks text: String, timeout: Double = 10,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor(timeout: timeout, sourceLocation: sourceLocation, what: "screen without \(text)") { !$0.contains(text) }
    }

    @discardableResult
    func waitFor(timeout: Double, sourceLocation: SourceLocation, what: String,
                 _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw E2EError("timed out waiting for \(what)")
    }

    /// Waits until the program has read every key sent so far: the terminal's input queue
    /// (FIONREAD on the pane's tty) is empty. For a test whose next step (a resize) must come
    /// after the program took the keys, however slow the machine.
    func waitUntilKeysRead(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // A round trip to the server first: it writes the keys of an earlier send-keys to the
        // terminal before it answers a later command.
        let tty = try paneValue("pane_tty")
        let fd = open(tty, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { throw E2EError("cannot open the pane's terminal \(tty): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(timeout)
        var queued: Int32 = -1
        while Date() < deadline {
            if ioctl(fd, UInt(FIONREAD), &queued) == 0 && queued == 0 { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("the program left \(queued) bytes of keys unread for \(timeout) s", sourceLocation: sourceLocation)
        throw E2EError("keys unread")
    }

    /// The pid of the program (the shell's child), for signal tests.
    func programPID() throws -> Int32? {
        let shell = try paneValue("pane_pid")
        let out = try TmuxSession.capture("/usr/bin/pgrep", ["-P", shell, "-f", "lostphone"])
        return out.split(separator: "\n").compactMap { Int32($0) }.first
    }

    /// The journal files of the incidents, newest last.
    func journals() throws -> [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(at: stateDir, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "jsonl" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The journal's events as JSON objects.
    func journalEvents() throws -> [[String: Any]] {
        guard let file = try journals().last else { return [] }
        let text = try String(contentsOf: file, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// A tmux command on this session's server (`set-option -g set-clipboard on`, `show-buffer`).
    @discardableResult
    func tmuxCommand(_ args: String...) throws -> String { try run(args) }

    /// Keeps every byte the program writes from now on (tmux `pipe-pane`), in a file in the
    /// session's home, which goes with it.
    func recordBytes() throws -> URL {
        let file = home.appendingPathComponent("pane-output-\(UUID().uuidString.prefix(8))")
        _ = try run(["pipe-pane", "-o", "-t", name, "cat >> " + TmuxSession.quote(file.path)])
        return file
    }

    /// The bytes recorded by `recordBytes`, once they reach `marker` (the shell's line after the
    /// program's exit), or what there is after ten seconds.
    func recordedBytes(_ file: URL, through marker: String = "EXITED:0") -> String {
        var bytes = ""
        for _ in 0..<200 where !bytes.contains(marker) {
            bytes = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
            Thread.sleep(forTimeInterval: 0.05)
        }
        return bytes
    }

    @discardableResult
    private func run(_ args: [String]) throws -> String {
        try TmuxSession.capture(tmux, ["-u", "-L", socket] + args)
    }

    /// Runs a command and returns its standard output. posix_spawn and waitpid rather than
    /// Foundation's Process: under the test runner, Process sometimes never saw tmux exit.
    /// Output goes through files, because the tmux server a new-session starts inherits them.
    @discardableResult
    static func capture(_ executable: String, _ args: [String]) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lp-cap-\(UUID().uuidString)").path
        let outPath = base + ".out", errPath = base + ".err"
        defer { unlink(outPath); unlink(errPath) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The child starts with no blocked signals and default handlers, whatever the test
        // runner's threads had: the tmux server and the program under test inherit this.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw E2EError("cannot run \(executable): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        if exited != 0 && executable.hasSuffix("tmux") && !args.contains("kill-server") {
            throw E2EError("\(executable) \(args.joined(separator: " ")) failed: \(err)")
        }
        return out
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Runs the binary without a terminal and returns its exit status, standard output and error.
func runBinary(_ args: [String], environment: [String: String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
    p.arguments = args
    p.environment = environment
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let output = String(decoding: o, as: UTF8.self)
    if p.terminationStatus == 0, ReportSchemaCheck.printsJSONReport(args) { ReportSchemaCheck.check(output, args: args) }
    return (p.terminationStatus, output, String(decoding: e, as: UTF8.self))
}

/// The environment the program gets in a test's home, as in a fresh account: that home, a
/// plain PATH, a UTF-8 locale, UTC, and its state and config folders inside the home (what
/// `TmuxSession` gives it, less the terminal).
func homeEnvironment(_ home: URL) -> [String: String] {
    ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC",
     "XDG_STATE_HOME": home.appendingPathComponent("state").path,
     "XDG_CONFIG_HOME": home.appendingPathComponent("config").path]
}

/// The temporary homes a test makes, each removed when the test's suite instance goes.
final class TemporaryHomes {
    private var homes: [URL] = []

    /// A new empty folder `lostphone-NAME-UUID` in the system temp folder.
    func make(_ name: String) throws -> URL {
        let h = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: h, withIntermediateDirectories: true)
        homes.append(h)
        return h
    }

    deinit { for h in homes { try? FileManager.default.removeItem(at: h) } }
}
