import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// What reaches the program from the terminal is only ever what the person meant: a paste is
/// text, an escape sequence is one key or nothing, and any signal gives the terminal back.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct TerminalHardeningTests {
    /// Runs the program in the report folder `$HOME`, and records `stty -a` after it exits.
    static let wrapper = "cd \"$HOME\" && {bin}; echo EXIT:$?; stty -a > \"$HOME/stty.after\"; sleep 600"

    // MARK: paste

    @Test func pasteWithNoTextFieldOpenRunsNoKeysAndSaysSo() throws {
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], shellWrapper: TerminalHardeningTests.wrapper)
        try t.expectScreen(contains: "i: when and what was lost")
        try t.paste("95588 ref x2")
        try t.expectScreen(contains: "Paste ignored")
        try t.press("q")
        try t.expectScreen(contains: "EXIT:0")
        let moves = try t.journalEvents().filter { $0["to"] != nil }
        #expect(moves.isEmpty, "the paste recorded \(moves)")
        let reportsFolder = t.stateDir.appendingPathComponent("reports").path
        let reports = ((try? FileManager.default.contentsOfDirectory(atPath: reportsFolder)) ?? [])
            + (try FileManager.default.contentsOfDirectory(atPath: t.home.path)).filter { $0.hasPrefix("lostphone-report-") }
        #expect(reports.isEmpty, "the paste wrote \(reports)")
    }

    @Test func pasteGoesIntoTheOpenNoteAsOneLineOfText() throws {
        let t = try TmuxSession(arguments: ["--lang", "en"])
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("Escape", "n", "n")
        try t.expectScreen(contains: "Note for")
        try t.paste("95588 ref x2\nline\ttwo\u{7}")
        try t.press("Enter")
        try t.expectScreen(contains: "Saved")
        let events = try t.journalEvents()
        #expect(events.last?["note"] as? String == "95588 ref x2 line two")
        #expect(events.filter { $0["to"] != nil && $0["note"] == nil }.isEmpty, "the paste ran keys: \(events)")
    }

    // MARK: a terminal's replies (issue #30)

    /// The replies of the attack on the release binary: a background-colour answer, an
    /// XTVERSION, OSC/DCS/APC/PM/SOS strings with `d` inside, and 8-bit OSC…ST as raw bytes and
    /// as code points. Each recorded an action or wrote a report; none may.
    @Test func aTerminalsRepliesRecordNothingAndWriteNoReport() throws {
        let replies: [[UInt8]] = [
            Array("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\".utf8),
            Array("\u{1B}P>|XTerm(367)\u{1B}\\".utf8),
            Array("\u{1B}]d\u{7}".utf8),
            Array("\u{1B}Pdddd\u{1B}\\".utf8),
            Array("\u{1B}_dddd\u{1B}\\".utf8),
            Array("\u{1B}^dddd\u{1B}\\".utf8),
            Array("\u{1B}Xdddd\u{1B}\\".utf8),
            [0x9D, 0x64, 0x64, 0x9C],
            [0x90, 0x64, 0x73, 0x62, 0x65, 0x9C],
            [0x9F, 0x64, 0x78, 0x07],
            [0xC2, 0x9D, 0x64, 0x64, 0xC2, 0x9C],
            [0xC2, 0x9E, 0x64, 0x62, 0x1B, 0x5C],
        ]
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], shellWrapper: TerminalHardeningTests.wrapper)
        try t.expectScreen(contains: "i: when and what was lost")
        for reply in replies { try t.sendBytes(reply) }
        try t.press("q")
        try t.expectScreen(contains: "EXIT:0")
        let recorded = try t.journalEvents().filter { ($0["kind"] as? String) != "opened" }
        #expect(recorded.isEmpty, "a terminal's reply recorded \(recorded)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: t.home.path).filter { $0.hasPrefix("lostphone-") }
        #expect(reports.isEmpty, "a terminal's reply wrote \(reports)")
    }

    // MARK: escape sequences in a text field

    @Test func anUnknownEscapeSequenceInANoteIsDroppedWhole() throws {
        let t = try TmuxSession(arguments: ["--lang", "en"], environment: ["TERM": "xterm-256color"])
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("Escape", "n", "n")
        try t.expectScreen(contains: "Note for")
        try t.type("ab")
        try t.sendBytes([0x1B, 0x5B, 0x39, 0x39, 0x3B, 0x35, 0x7E])   // ESC [ 9 9 ; 5 ~
        try t.type("c")
        try t.press("Enter")
        try t.expectScreen(contains: "Saved")
        let events = try t.journalEvents()
        #expect(events.last?["note"] as? String == "abc", "\(events)")
        #expect(events.filter { $0["note"] == nil && $0["to"] != nil }.isEmpty, "keys ran: \(events)")
    }

    /// The Home and End sequences terminals send (xterm, rxvt, tmux, VT220), under a TERM whose
    /// terminfo knows only some of them.
    @Test(arguments: [
        ("\u{1B}[1~", "\u{1B}[4~"), ("\u{1B}[7~", "\u{1B}[8~"), ("\u{1B}[H", "\u{1B}[F"), ("\u{1B}OH", "\u{1B}OF"),
    ])
    func homeAndEndMoveTheCursorInANote(home: String, end: String) throws {
        let t = try TmuxSession(arguments: ["--lang", "en"], environment: ["TERM": "xterm-256color"])
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("Escape", "n", "n")
        try t.expectScreen(contains: "Note for")
        try t.type("bc")
        try t.sendBytes(Array(home.utf8))
        try t.type("a")
        try t.sendBytes(Array(end.utf8))
        try t.type("d")
        try t.press("Enter")
        try t.expectScreen(contains: "Saved")
        #expect(try t.journalEvents().last?["note"] as? String == "abcd")
    }

    // MARK: width

    @Test func emojiAndJoinersInATitleKeepTheBorderInItsColumn() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("LostphoneCoreTests/Fixtures/example-playbook.yaml")
        let title = "⚠️ ❤️ 👍🏽 👨‍👩‍👧 🇨🇳 é ○●✓ 中文"
        let yaml = try String(contentsOf: fixture, encoding: .utf8)
            .replacingOccurrences(of: "{en: \"Freeze the account\"", with: "{en: \"\(title)\"")
        let playbook = home.appendingPathComponent("playbook.yaml")
        try yaml.write(to: playbook, atomically: false, encoding: .utf8)
        let t = try TmuxSession(width: 100, height: 24, arguments: ["--lang", "en", "--playbook", playbook.path], home: home)
        try t.press("Escape")
        try t.expectScreen(contains: "Do now")
        try t.press("n", "n")
        try t.type(title)
        try t.press("Enter")
        let screen = try t.expectScreen(contains: "Saved")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).filter { $0.contains("│") }
        let columns = rows.map { TerminalColumns.of("│", in: String($0)) }
        #expect(rows.count > 10 && Set(columns).count == 1, "the border moved:\n\(rows.joined(separator: "\n"))\ncolumns \(columns)")
        // Nothing of the title or the note is overwritten: each shows whole, up to its last word,
        // in the list, the detail's heading and the detail's note line.
        let whole = rows.map { $0.components(separatedBy: "○●✓ 中文").count - 1 }.reduce(0, +)
        // The note line ends with the note's time (HH:MM) after its text.
        #expect(whole == 3 && rows.contains { $0.contains("Note:") && $0.contains("○●✓ 中文 ") },
                "title or note cut:\n\(rows.joined(separator: "\n"))")
    }

    // MARK: signals

    @Test(arguments: [SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE])
    func terminatingSignalsGiveTheTerminalBack(signal: Int32) throws {
        let t = try TmuxSession(arguments: ["--lang", "en"], shellWrapper: TerminalHardeningTests.wrapper)
        try t.expectScreen(contains: "i: when and what was lost")
        guard let pid = try t.programPID() else { Issue.record("no lostphone process"); return }
        kill(pid, signal)
        try t.expectScreen(contains: "EXIT:\(128 + signal)")
        try expectTerminalUsable(t)
    }

    /// Without a job-control shell nobody could resume a stopped program: it never stops on
    /// the full screen, keeps working and, when asked, quits cleanly.
    @Test(arguments: ["{bin}", "setsid -w {bin}"])
    func suspendWithoutJobControlNeverLeavesTheTerminalStopped(launch: String) throws {
        let wrapper = TerminalHardeningTests.wrapper.replacingOccurrences(of: "{bin};", with: "\(launch);")
        let t = try TmuxSession(arguments: ["--lang", "en"], shellWrapper: wrapper)
        try t.expectScreen(contains: "i: when and what was lost")
        guard let pid = try t.programPID() else {
            Issue.record("no lostphone process"); return
        }
        kill(pid, SIGTSTP)
        Thread.sleep(forTimeInterval: 0.5)
        if try t.paneValue("alternate_on") == "1" {
            // Still answering keys: j moves to the next step.
            try t.press("j")
            try t.expectScreen(contains: "›○  2 Freeze mobile banking and payments", timeout: 3)
            try t.press("q")
        } else {
            kill(pid, SIGCONT)
            Thread.sleep(forTimeInterval: 0.3)
            try t.press("q")
        }
        try t.expectScreen(contains: "EXIT:0")
        try expectTerminalUsable(t)
    }

    /// A wrapper script without job control stands between the interactive shell and the
    /// program: SIGTSTP stops the whole job, so the shell gets its prompt back, and `fg` resumes
    /// the program on a redrawn screen.
    @Test func suspendUnderAWrapperScriptStopsTheWholeJobAndResumes() throws {
        // No history file: bash writes it as it exits, which could race the removal of $HOME.
        let t = try TmuxSession(arguments: ["--lang", "en"], shellWrapper: "exec env HISTFILE= bash --norc -i")
        try t.type("sh -c \(TmuxSession.quote(TmuxSession.quote(TmuxSession.binary) + " --lang en; echo EXIT:$?"))\n")
        try t.expectScreen(contains: "i: when and what was lost")
        guard let pid = try TerminalHardeningTests.program(in: t) else { Issue.record("no lostphone process"); return }
        kill(pid, SIGTSTP)
        try t.expectScreen(contains: "Stopped", timeout: 5)
        #expect(try t.paneValue("alternate_on") == "0")
        try t.type("fg\n")
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("Escape", "q")
        try t.expectScreen(contains: "EXIT:0")
        try t.type("stty -a > \"$HOME/stty.after\"\n")
        try expectTerminalUsable(t)
    }

    /// The program started from the session's interactive shell, found by its terminal.
    static func program(in t: TmuxSession) throws -> Int32? {
        let tty = try t.paneValue("pane_tty").replacingOccurrences(of: "/dev/", with: "")
        var found: Int32?
        try t.waitFor(timeout: 5, sourceLocation: #_sourceLocation, what: "the program") { _ in
            found = (try? TmuxSession.capture("/usr/bin/pgrep", ["-t", tty, "-f", "^\(TmuxSession.binary)"]))?
                .split(separator: "\n").compactMap { Int32($0) }.first
            return found != nil
        }
        return found
    }

    /// The program left the alternate screen, showed the cursor, stopped reporting the mouse,
    /// and the line discipline is back to `echo` and `icanon`.
    func expectTerminalUsable(_ t: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try t.paneValue("alternate_on") == "0", sourceLocation: sourceLocation)
        #expect(try t.paneValue("cursor_flag") == "1", sourceLocation: sourceLocation)
        #expect(try t.paneValue("mouse_any_flag") == "0", sourceLocation: sourceLocation)
        let file = t.home.appendingPathComponent("stty.after")
        try t.waitFor(timeout: 5, sourceLocation: sourceLocation, what: "stty.after") { _ in
            ((try? String(contentsOf: file, encoding: .utf8)) ?? "").contains("speed")
        }
        let modes = Set(try String(contentsOf: file, encoding: .utf8).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }))
        #expect(modes.contains("echo") && modes.contains("icanon"), "stty -a: \(modes.sorted())", sourceLocation: sourceLocation)
    }
}

extension TmuxSession {
    /// Pastes `text` as a terminal does: bracketed when the program asked for it.
    func paste(_ text: String) throws {
        guard let tmux = TmuxSession.tmuxPath else { throw E2EError("no tmux") }
        try TmuxSession.capture(tmux, ["-u", "-L", socket, "set-buffer", "--", text])
        try TmuxSession.capture(tmux, ["-u", "-L", socket, "paste-buffer", "-p", "-t", name])
    }

    /// Sends these bytes to the program, exactly, as one write.
    func sendBytes(_ bytes: [UInt8]) throws {
        guard let tmux = TmuxSession.tmuxPath else { throw E2EError("no tmux") }
        try TmuxSession.capture(tmux, ["-u", "-L", socket, "send-keys", "-t", name, "-H"] + bytes.map { String(format: "%02x", $0) })
    }
}

/// Columns on screen as the terminal counts them: `wcwidth` of each code point, zero-width
/// ones joined to the cell before (what tmux does with the cells it captures).
enum TerminalColumns {
    private typealias Wcwidth = @convention(c) (wchar_t) -> Int32
    private static let wcwidth: Wcwidth = {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        return unsafeBitCast(dlsym(dlopen(nil, RTLD_NOW), "wcwidth")!, to: Wcwidth.self)
    }()

    static func of(_ marker: Character, in line: String) -> Int {
        var column = 0
        for c in line {
            if c == marker { return column }
            for s in c.unicodeScalars { column += max(0, Int(wcwidth(wchar_t(bitPattern: s.value)))) }
        }
        return -1
    }
}
