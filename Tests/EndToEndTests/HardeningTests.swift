import Foundation
import Testing

/// The terminal comes back whatever ends the program, and no terminal gets a clear refusal.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct HardeningTests {
    // `trap : INT` keeps the wrapper shell alive through Ctrl-C, as an interactive shell is.
    static let wrapper = "trap : INT; printf 'BEFORE-MARK\\n'; stty -g > \"$HOME/stty.before\"; {bin}; echo EXIT:$?; stty -g > \"$HOME/stty.after\"; sleep 600"

    func expectRestored(_ t: TmuxSession, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try t.expectScreen(contains: "EXIT:\(status)", "BEFORE-MARK", sourceLocation: sourceLocation)
        #expect(try t.paneValue("alternate_on") == "0", sourceLocation: sourceLocation)
        #expect(try t.paneValue("cursor_flag") == "1", sourceLocation: sourceLocation)
        // The shell creates the file before stty writes it: wait for the whole line, not the name.
        try t.waitFor(timeout: 5, sourceLocation: sourceLocation, what: "stty.after") { _ in
            (try? String(contentsOf: t.home.appendingPathComponent("stty.after"), encoding: .utf8))?.hasSuffix("\n") == true
        }
        let before = try String(contentsOf: t.home.appendingPathComponent("stty.before"), encoding: .utf8)
        let after = try String(contentsOf: t.home.appendingPathComponent("stty.after"), encoding: .utf8)
        #expect(before == after, "terminal modes not restored", sourceLocation: sourceLocation)
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func quitSignalsRestoreTheTerminalAndKeepTheJournal(signal: Int32) throws {
        let t = try TmuxSession(arguments: ["--lang", "en"], shellWrapper: HardeningTests.wrapper)
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("d", "d")
        try t.expectScreen(contains: "China Mobile done.")
        guard let pid = try t.programPID() else { Issue.record("no lostphone process"); return }
        kill(pid, signal)
        try expectRestored(t, status: 128 + signal)
        #expect(try t.journalEvents().last?["to"] as? String == "done")
    }

    @Test func ctrlCQuitsCleanly() throws {
        let t = try TmuxSession(arguments: ["--lang", "en"], shellWrapper: HardeningTests.wrapper)
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("C-c")
        // Ctrl-C is SIGINT (the terminal stays in cbreak mode so Ctrl-Z works too): 128 + 2.
        try expectRestored(t, status: 130)
    }

    /// Ctrl-C with a note half typed (the user test lost one): the farewell gives the text
    /// back with the command that adds it, and that command, run as printed, adds it.
    @Test func ctrlCWithANoteBeingTypedGivesItBackWithTheCommandThatAddsIt() throws {
        let t = try TmuxSession(width: 200, arguments: ["--lang", "en"], shellWrapper: HardeningTests.wrapper)
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("n")
        try t.expectScreen(contains: "Press n again")
        try t.press("n")
        try t.type("ref 'A1' half")
        try t.expectScreen(contains: "ref 'A1' half")
        try t.press("C-c")
        try expectRestored(t, status: 130)
        let screen = try t.screen()
        #expect(screen.contains("Everything recorded is saved in "))
        #expect(screen.contains("The note you were typing was not added to “Report the loss and freeze the SIM card”: ref 'A1' half"))
        #expect(try t.journalEvents().allSatisfy { $0["kind"] as? String != "note" })
        let prefix = "To add it, run: "
        let line = try #require(screen.split(separator: "\n").first { $0.hasPrefix(prefix) }, "no command in:\n\(screen)")
        let command = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        #expect(command.hasPrefix("lostphone note sim 'ref '\\''A1'\\'' half' --provider china-mobile --incident "))
        // Run as a shell reads it, with `lostphone` standing for the binary under test.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "lostphone() { \(TmuxSession.quote(TmuxSession.binary)) \"$@\"; }; " + command]
        shell.environment = homeEnvironment(t.home)
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let note = try #require(try t.journalEvents().last)
        #expect(note["kind"] as? String == "note" && note["note"] as? String == "ref 'A1' half" && note["step"] as? String == "sim")
        #expect(note["provider"] as? String == "china-mobile")
    }

    @Test func aCrashRestoresTheTerminal() throws {
        // LOSTPHONE_TEST_CRASH makes the program trap (a Swift runtime error) after drawing.
        let t = try TmuxSession(arguments: ["--lang", "en"], environment: ["LOSTPHONE_TEST_CRASH": "1"],
                                shellWrapper: HardeningTests.wrapper)
        try t.expectScreen(contains: "EXIT:")
        let screen = try t.screen()
        #expect(try t.paneValue("alternate_on") == "0", "still on the alternate screen:\n\(screen)")
        #expect(try t.paneValue("cursor_flag") == "1")
    }

    @Test func suspendAndResumeRedraws() throws {
        let t = try TmuxSession(arguments: ["--lang", "en"],
                                shellWrapper: "exec bash --norc -i")
        try t.type("\(TmuxSession.quote(TmuxSession.binary)) --lang en\n")
        try t.expectScreen(contains: "i: when and what was lost")
        try t.press("C-z")
        try t.expectScreen(contains: "Stopped")
        try t.type("fg\n")
        try t.expectScreen(contains: "Urgent freezes", "China Mobile")
        try t.press("q")
        try t.expectScreen(lacks: "Urgent freezes")
    }

    @Test func noTerminalIsRefusedWithExitStatusTwoAndPointsElsewhere() throws {
        let scratch = NSTemporaryDirectory() + "/lostphone-notty-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let env = ["HOME": scratch, "TERM": "xterm-256color", "PATH": "/usr/bin:/bin",
                   "XDG_STATE_HOME": scratch + "/state"]
        let playbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("LostphoneCoreTests/Fixtures/example-playbook.yaml").path
        for arguments in [[], ["--playbook", playbook]] {
            let r = try runBinary(arguments, environment: env)
            #expect(r.status == 2)
            #expect(r.err.contains("lostphone guide") && r.err.contains("lostphone status") && r.err.contains("lostphone export"))
            #expect(!FileManager.default.fileExists(atPath: scratch), "nothing should be created without a terminal, \(arguments)")
        }
    }

    @Test(arguments: ["", "dumb", "no-such-terminal-xyz"])
    func unusableTermIsRefusedTheSameWay(term: String) throws {
        let t = try TmuxSession(arguments: ["--lang", "en"], environment: ["TERM": term])
        try t.expectScreen(contains: "EXITED:2", "lostphone guide")
    }

    @Test(arguments: [(1, 1), (10, 3), (39, 9), (300, 100)])
    func anySizeRunsWithoutCrashingAndRecoversWhenEnlarged(width: Int, height: Int) throws {
        let t = try TmuxSession(width: width, height: height, arguments: ["--lang", "en"])
        // A 1×1 terminal cannot show even one character (ncurses never writes the last cell),
        // so "running" is checked by the process, and "right" by the screen once it is larger.
        try t.waitFor(timeout: 10, sourceLocation: #_sourceLocation, what: "the program running") { _ in (try? t.programPID()) != nil }
        try t.press("j", "Tab")
        try t.resize(width: 100, height: 30)
        // Below 40×10 keys do nothing but q, so the help is asked for at the full size.
        try t.expectScreen(contains: "Urgent freezes")
        try t.press("?")
        // The help at 100×30: its title and its footer (the last keys are a scroll away).
        try t.expectScreen(contains: "Keys", "Esc or ? closes this")
        try t.press("q", "q")
        try t.expectScreen(contains: "EXITED:0")
    }

    /// Below the minimum size the person cannot see the step, so keys record nothing; the
    /// message wraps to the screen and names the size needed.
    @Test func keysOnTheTooSmallScreenRecordNothing() throws {
        let t = try TmuxSession(width: 30, height: 9, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "Enlarge the terminal to", "least 40×10", "It is 30×9 now.", "q quit")
        try t.press("d", "d", "Space", "x", "x", "n", "u", "Tab")
        // Read at 30×9, before the resize (on a busy machine they could otherwise still wait
        // in the terminal and arrive at 80×24).
        try t.waitUntilKeysRead()
        try t.resize(width: 80, height: 24)
        try t.expectScreen(contains: "Urgent freezes 0/10", "›○  1 Report the loss")
        #expect(try t.journalEvents().count == 1, "only the incident's opening")
        try t.resize(width: 30, height: 9)
        try t.expectScreen(contains: "It is 30×9 now.")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }

    /// A resize that no SIGWINCH announces (one during start-up, before ncurses listens; or a
    /// program outside the terminal's foreground group, as here under `setsid`, which the
    /// kernel never signals) is still seen: the size is checked whenever input is idle.
    @Test func aResizeIsSeenEvenWithoutSIGWINCH() throws {
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"],
                                shellWrapper: "setsid -w {bin}; echo EXITED:$?; sleep 600")
        try t.expectScreen(contains: "Urgent freezes")
        try t.press("Escape")   // any key clears the first start's reminder from the bottom line
        try t.resize(width: 60, height: 20)
        // Redrawn for 60 columns: the status line's last words, `q quit`, end at the right edge
        // (but for the very last cell, which ncurses never writes).
        try t.waitFor(timeout: 5, sourceLocation: #_sourceLocation, what: "a screen drawn for 60 columns") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 20 && lines[19].hasSuffix("q quit") && (59...60).contains(lines[19].count)
        }
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }

    /// LINES and COLUMNS set the size, for ncurses and for the check for unannounced resizes
    /// alike: the screen keeps that size rather than flip to the window's.
    @Test func linesAndColumnsFromTheEnvironmentAreKept() throws {
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], environment: ["LINES": "20", "COLUMNS": "60"])
        // At 60 columns five tabs shorten every title, so wait for the header instead.
        try t.expectScreen(contains: "Call first.")
        try t.press("Escape")   // any key clears the first start's reminder from the bottom line
        Thread.sleep(forTimeInterval: 1.5)   // past the idle check
        let lines = try t.screen().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 20 && lines[19].hasSuffix("q quit") && (59...60).contains(lines[19].count), "\(lines.prefix(21))")
    }

    @Test func burstOfResizesWhileKeysArriveEndsOnTheRightScreen() throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "i: when and what was lost")
        let sizes = [(30, 8), (200, 60), (41, 10), (120, 40), (1, 1), (90, 30)]
        for (i, (w, h)) in sizes.enumerated() {
            try t.resize(width: w, height: h)
            try t.press(i % 2 == 0 ? "j" : "Tab")
        }
        try t.resize(width: 100, height: 30)
        // Keys that arrive while the screen is below 40×10 do nothing, so wait for the full size.
        try t.expectScreen(contains: "Urgent freezes")
        try t.press("1", "g")
        try t.expectScreen(contains: "Urgent freezes", "China Mobile")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }
}

/// Never change what is refused, never follow a link lostphone did not make, never overwrite
/// what another command saved, and say when a theme file takes a built-in one's place (#30).
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct RefusedFilesEndToEndTests {
    let homes = TemporaryHomes()

    func state(_ home: URL) throws -> URL {
        let dir = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static let opened = #"{"at":"2026-11-24T21:00:00.000+08:00","journalVersion":2,"kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#
    static let move = #"{"at":"2026-11-24T21:04:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":2,"step":"sim","to":"done"}"#

    /// With the form open, `prepare --bank icbc --imei …` saves; a box ticked in the form then
    /// is refused with a message, and the command line's changes stay in the file.
    @Test func theFormNeverOverwritesWhatTheCommandLineSaved() throws {
        let home = try homes.make("form")
        let t = try TmuxSession(width: 100, height: 30, arguments: ["prepare", "--lang", "en"], home: home)
        try t.expectScreen(contains: "Never a password", "[ ] China Mobile")
        let cli = try runBinary(["prepare", "--lang", "en", "--bank", "icbc", "--imei", "490154203237518"], environment: homeEnvironment(home))
        #expect(cli.status == 0, "\(cli)")
        try t.press("Space")
        try t.expectScreen(contains: "was changed since it was read")
        let text = try String(contentsOf: home.appendingPathComponent("config/lostphone/profile.yaml"), encoding: .utf8)
        #expect(text.contains("icbc") && text.contains("490154203237518"), "\(text)")
        #expect(!text.contains("china-mobile"), "the form overwrote the file:\n\(text)")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:")
    }

    /// A file whose name is not an incident id, holding an escape sequence and a bidi override
    /// and sorting after the real journal: never listed, never printed raw, never written to.
    @Test func aHostileFileNameIsNoIncident() throws {
        let home = try homes.make("names")
        let dir = try state(home)
        let real = dir.appendingPathComponent("20261124-210000.jsonl")
        try (Self.opened + "\n" + Self.move + "\n").write(to: real, atomically: false, encoding: .utf8)
        let hostile = dir.appendingPathComponent("zz\u{1B}]2;owned\u{7}\u{202E}.jsonl")
        try (Self.opened + "\n").write(to: hostile, atomically: false, encoding: .utf8)
        let env = homeEnvironment(home)
        let list = try runBinary(["incidents", "--lang", "en"], environment: env)
        #expect(!list.out.contains("\u{1B}") && !list.out.contains("\u{202E}") && !list.out.contains("owned"), "\(list.out)")
        let note = try runBinary(["note", "--lang", "en", "police", "case 7"], environment: env)
        #expect(note.status == 0 && !note.out.contains("\u{1B}") && note.out.contains("20261124-210000"), "\(note)")
        #expect(try String(contentsOf: hostile, encoding: .utf8) == Self.opened + "\n", "the note went into the hostile file")
        #expect(try String(contentsOf: real, encoding: .utf8).contains("case 7"))
    }

    /// A state folder that is a link to a shared folder (1777): refused, the target's mode kept.
    @Test func aLinkedStateFolderIsRefusedAndItsTargetNotChmodded() throws {
        let home = try homes.make("link")
        let target = home.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        #expect(chmod(target.path, 0o1777) == 0)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("state"), withIntermediateDirectories: true)
        #expect(symlink(target.path, home.appendingPathComponent("state/lostphone").path) == 0)
        let r = try runBinary(["note", "--lang", "en", "police", "x"], environment: homeEnvironment(home))
        #expect(r.status == 1 && r.err.contains("symbolic link"), "\(r)")
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o1777)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    /// The same refusal in Chinese: the journal's and the folder's problems, and the listing of
    /// incidents, come in the person's language, not in English.
    @Test func fileProblemsAreSaidInChinese() throws {
        let home = try homes.make("zh-files")
        let target = home.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("state"), withIntermediateDirectories: true)
        #expect(symlink(target.path, home.appendingPathComponent("state/lostphone").path) == 0)
        let r = try runBinary(["note", "--lang", "zh", "police", "x"], environment: homeEnvironment(home))
        #expect(r.status == 1 && r.err.contains("是一个符号链接") && r.err.contains("--state-dir"), "\(r)")
        #expect(!r.err.contains("symbolic link"), "\(r.err)")

        let other = try homes.make("zh-list")
        let dir = try state(other)
        try (Self.opened + "\n" + "\n").write(to: dir.appendingPathComponent("20261124-210000.jsonl"), atomically: false, encoding: .utf8)
        let list = try runBinary(["incidents", "--lang", "zh"], environment: homeEnvironment(other))
        #expect(list.status == 0 && list.out.contains("丢失时间") && list.out.contains("无法读取") && list.out.contains("空行"), "\(list)")
        #expect(!list.out.contains("cannot be read") && !list.out.contains("empty line"), "\(list.out)")
    }

    /// A journal refused for a duplicated seq keeps every byte, its torn tail included.
    @Test func aRefusedJournalIsNotRepairedFirst() throws {
        let home = try homes.make("dup")
        let journal = try state(home).appendingPathComponent("20261124-210000.jsonl")
        let duplicated = Self.move.replacingOccurrences(of: "\"seq\":2", with: "\"seq\":1")
        let text = Self.opened + "\n" + duplicated + "\n" + #"{"at":"2026-11-24T21:0"#
        try text.write(to: journal, atomically: false, encoding: .utf8)
        let r = try runBinary(["note", "--lang", "en", "police", "x"], environment: homeEnvironment(home))
        #expect(r.status == 1, "\(r)")
        #expect(r.err.contains("left as it is"), "\(r.err)")
        #expect(try String(contentsOf: journal, encoding: .utf8) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: journal.deletingLastPathComponent().path) == [journal.lastPathComponent])
    }

    /// `note` says what it repaired: a torn last line cut back.
    @Test func noteNamesTheRepairItMakes() throws {
        let home = try homes.make("torn")
        let journal = try state(home).appendingPathComponent("20261124-210000.jsonl")
        try (Self.opened + "\n" + Self.move + "\n" + #"{"at":"2026-11-24T21:0"#).write(to: journal, atomically: false, encoding: .utf8)
        let r = try runBinary(["note", "--lang", "en", "police", "x"], environment: homeEnvironment(home))
        #expect(r.status == 0, "\(r)")
        #expect(r.err.contains("cut off") && r.err.contains("Original kept at"), "\(r.err)")
    }

    /// A black-on-black `default.yaml` in the config folder: the screen is not blank, and its
    /// first line says why the theme was not used.
    @Test func aBlackOnBlackDefaultThemeInTheConfigFolderIsNamedOnScreen() throws {
        let home = try homes.make("theme")
        let themes = home.appendingPathComponent("config/lostphone/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "styles:\n  text: {fg: black, bg: black}\n  header: {fg: black, bg: black}\n"
            .write(to: themes.appendingPathComponent("default.yaml"), atomically: false, encoding: .utf8)
        let t = try TmuxSession(width: 220, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "default.yaml", "styles.text: unreadable")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }

    /// A readable theme file in place of a built-in one is said too.
    @Test func aThemeFileInPlaceOfABuiltinOneIsSaid() throws {
        let home = try homes.make("theme2")
        let themes = home.appendingPathComponent("config/lostphone/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "styles:\n  text: {fg: white, bg: blue}\n".write(to: themes.appendingPathComponent("default.yaml"), atomically: false, encoding: .utf8)
        let t = try TmuxSession(width: 200, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "in place of the built-in one")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }
}
