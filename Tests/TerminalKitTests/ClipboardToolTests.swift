import Foundation
import Testing
@testable import TerminalKit

/// Which local clipboard program `y` may run besides OSC 52: only in a local graphical session.
@Suite struct ClipboardToolChoiceTests {
    static let installed: Set<String> = ["/usr/bin/xclip", "/usr/bin/xsel", "/usr/bin/wl-copy"]
    static func choose(_ environment: [String: String], installed: Set<String> = installed) -> ClipboardTool? {
        ClipboardTool.local(environment: ["PATH": "/usr/local/bin:/usr/bin"].merging(environment) { $1 },
                            isExecutable: { installed.contains($0) })
    }

    @Test func anXSessionUsesXclipOnTheClipboardSelection() {
        #expect(Self.choose(["DISPLAY": ":0"]) == ClipboardTool(path: "/usr/bin/xclip", arguments: ["-selection", "clipboard", "-in"]))
    }

    @Test func withoutXclipXselIsUsed() {
        #expect(Self.choose(["DISPLAY": ":0"], installed: ["/usr/bin/xsel"])
                == ClipboardTool(path: "/usr/bin/xsel", arguments: ["--clipboard", "--input"]))
    }

    @Test func aWaylandSessionUsesWlCopyFirst() {
        #expect(Self.choose(["WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"])?.name == "wl-copy")
        #expect(Self.choose(["WAYLAND_DISPLAY": "wayland-0"], installed: ["/usr/bin/xclip"]) == nil,
                "xclip needs an X display")
    }

    @Test(arguments: ["SSH_CONNECTION", "SSH_TTY"])
    func overSSHNoLocalToolIsUsed(variable: String) {
        // The clipboard of the machine the program runs on is not the person's.
        #expect(Self.choose(["DISPLAY": "localhost:10.0", variable: "10.0.0.2 5555 10.0.0.1 22"]) == nil)
    }

    @Test func withoutADisplayOrAToolThereIsNone() {
        #expect(Self.choose([:]) == nil)
        #expect(Self.choose(["DISPLAY": ""]) == nil, "an empty DISPLAY is no display")
        #expect(Self.choose(["DISPLAY": ":0"], installed: []) == nil)
    }
}

/// The real runner, on small system programs: no shell, the text on stdin, the exit status
/// back, a timeout that kills, and nothing waited for on the caller's thread.
@Suite struct ProcessClipboardToolRunnerTests {
    /// Runs `tool` and waits (here, in the test) for its answer.
    static func run(_ tool: ClipboardTool, text: String = "10086", timeout: Double = 10) -> ClipboardToolOutcome? {
        let answer = Answer()
        let started = Date()
        ProcessClipboardToolRunner().start(tool, text: text, timeout: timeout) { answer.set($0) }
        #expect(Date().timeIntervalSince(started) < 2, "start returns without waiting for the program")
        return answer.wait(seconds: 20)
    }

    @Test func theTextArrivesOnStandardInputAndExitZeroIsCopied() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-clip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("clip").path
        let outcome = Self.run(ClipboardTool(path: "/usr/bin/tee", arguments: [file]), text: "95188 · 客服")
        #expect(outcome == .exited(0))
        #expect(outcome?.copied == true)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "95188 · 客服")
    }

    @Test func aFailingProgramIsNotCopied() {
        let outcome = Self.run(ClipboardTool(path: "/bin/false", arguments: []))
        #expect(outcome == .exited(1))
        #expect(outcome?.copied == false)
    }

    @Test func aProgramThatHangsIsKilledAfterTheTimeout() {
        let started = Date()
        #expect(Self.run(ClipboardTool(path: "/bin/sleep", arguments: ["30"]), timeout: 0.3) == .timedOut)
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func aMissingProgramIsNotStarted() {
        guard case .notStarted = Self.run(ClipboardTool(path: "/nonexistent/xclip", arguments: [])) else {
            Issue.record("a missing program must answer notStarted")
            return
        }
    }
}

/// One answer, from any thread.
private final class Answer: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: ClipboardToolOutcome?

    func set(_ outcome: ClipboardToolOutcome) {
        condition.lock()
        value = outcome
        condition.broadcast()
        condition.unlock()
    }

    func wait(seconds: Double) -> ClipboardToolOutcome? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while value == nil && condition.wait(until: deadline) {}
        return value
    }
}
