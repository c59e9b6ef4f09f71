import Foundation
import LostphoneCore

/// Copying with OSC 52: the terminal itself puts the text on the clipboard of the machine the
/// person sits at, so it works over SSH and inside tmux (with `set-clipboard on`), where no
/// local clipboard program could. The terminal never answers, and many ignore it (xterm by
/// default; tmux 3.3 puts it in PRIMARY), so the screen may only say it was *sent*.
public enum Clipboard {
    /// `ESC ] 52 ; c ; BASE64 BEL`.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}

/// A clipboard program of the machine the program runs on (wl-copy, xclip, xsel), run without
/// a shell with the text on its standard input. Its exit status is the only way the program
/// can know that something was copied.
public struct ClipboardTool: Hashable, Sendable {
    /// The program's absolute path, found on `PATH`.
    public var path: String
    public var arguments: [String]
    /// `xclip`, `xsel`, `wl-copy`: for messages.
    public var name: String { (path as NSString).lastPathComponent }

    public init(path: String, arguments: [String]) {
        self.path = path
        self.arguments = arguments
    }

    /// The clipboard program for this session, or nil when there is none to use: over SSH
    /// (`SSH_CONNECTION` or `SSH_TTY` set) the local clipboard is not the person's; without
    /// `WAYLAND_DISPLAY` or `DISPLAY` there is no clipboard to reach; and none of the programs is
    /// installed. Wayland's wl-copy first, then xclip, then xsel.
    public static func local(environment: [String: String],
                             isExecutable: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }) -> ClipboardTool? {
        func set(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
        if set("SSH_CONNECTION") || set("SSH_TTY") { return nil }
        let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        func find(_ program: String) -> String? {
            dirs.lazy.map { ($0 as NSString).appendingPathComponent(program) }.first(where: isExecutable)
        }
        var candidates: [(String, [String])] = []
        if set("WAYLAND_DISPLAY") { candidates.append(("wl-copy", [])) }
        if set("DISPLAY") {
            candidates.append(("xclip", ["-selection", "clipboard", "-in"]))
            candidates.append(("xsel", ["--clipboard", "--input"]))
        }
        for (program, arguments) in candidates {
            if let path = find(program) { return ClipboardTool(path: path, arguments: arguments) }
        }
        return nil
    }
}

/// How a clipboard program's run ended.
public enum ClipboardToolOutcome: Hashable, Sendable {
    /// It exited with this status (0: the text is on the clipboard).
    case exited(Int32)
    /// It did not finish in time and was killed.
    case timedOut
    /// It could not be started (the reason).
    case notStarted(String)

    public var copied: Bool { self == .exited(0) }
}

/// Runs a clipboard program. The full screen uses `ProcessClipboardToolRunner`; tests give a
/// stand-in that answers at once.
public protocol ClipboardToolRunner: Sendable {
    /// Starts `tool` with `text` on its standard input and returns at once, without waiting for
    /// it; `done` is called exactly once, on any thread, when it has ended (or was killed after
    /// `timeout` seconds, or could not start).
    func start(_ tool: ClipboardTool, text: String, timeout: Double,
               done: @escaping @Sendable (ClipboardToolOutcome) -> Void)
}

/// Runs the program as a child process (no shell): its input is written into a pipe before it
/// starts (so nothing here can block or take SIGPIPE), its output goes to /dev/null (xclip's
/// and wl-copy's background servers then hold nothing of ours), and Foundation reaps it, so
/// no zombie is left. Killed after the timeout.
public struct ProcessClipboardToolRunner: ClipboardToolRunner {
    /// More than a pipe holds without a reader is not put on a clipboard this way.
    public static let maximumBytes = 4096

    public init() {}

    public func start(_ tool: ClipboardTool, text: String, timeout: Double,
                      done: @escaping @Sendable (ClipboardToolOutcome) -> Void) {
        let data = Data(text.utf8)
        guard data.count <= Self.maximumBytes else {
            done(.notStarted("longer than \(Self.maximumBytes) bytes"))
            return
        }
        let input = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool.path)
        process.arguments = tool.arguments
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let killed = KilledFlag()
        process.terminationHandler = { p in
            if killed.isSet {
                done(.timedOut)
            } else {
                done(p.terminationReason == .exit ? .exited(p.terminationStatus) : .exited(128 + p.terminationStatus))
            }
        }
        do {
            // A few bytes fit in the pipe's buffer: written and closed before the child exists.
            try input.fileHandleForWriting.write(contentsOf: data)
            try input.fileHandleForWriting.close()
            try process.run()
        } catch {
            try? input.fileHandleForWriting.close()
            done(.notStarted(String(describing: error)))
            return
        }
        try? input.fileHandleForReading.close()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            // Still running: kill it; the termination handler reports `.timedOut`. A process
            // that already ended was reaped by Foundation, so its pid is not signalled.
            if process.isRunning {
                killed.set()
                kill(pid, SIGKILL)
            }
        }
    }
}

/// Set once, from the timeout's thread, read on the termination handler's.
private final class KilledFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
