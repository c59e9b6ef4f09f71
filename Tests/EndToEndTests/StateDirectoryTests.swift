import Foundation
import Testing

/// Where the journal lives may be a read-only disk or someone else's folder; what the screen
/// says on the way out is what the disk holds.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct StateDirectoryTests {
    /// A journal with the SIM step done, in `home`'s state directory.
    func writeIncident(in home: URL) throws -> URL {
        let dir = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lines = [
            #"{"at":"2026-11-24T21:00:00.000+08:00","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#,
            #"{"at":"2026-11-24T21:04:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":2,"step":"sim","to":"done"}"#,
        ]
        let journal = dir.appendingPathComponent("20261124-210000.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: journal)
        return journal
    }

    /// The state directory on a read-only mount (a bind mount in a mount namespace of its own,
    /// as a read-only disk would be): the guide and the recorded states are shown, marked
    /// read-only; recording keys say why nothing is kept; quitting says nothing was recorded.
    @Test(.enabled(if: geteuid() == 0)) func aReadOnlyStateDirectoryOpensAReadOnlyView() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let journal = try writeIncident(in: home)
        let before = try Data(contentsOf: journal)
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], home: home, shellWrapper:
            #"unshare --mount sh -c 'mount --bind -o ro "$XDG_STATE_HOME" "$XDG_STATE_HOME" && exec {bin}'; echo EXITED:$?; sleep 600"#)
        try t.expectScreen(contains: "READ-ONLY", "Urgent freezes 1/10")
        try t.press("j", "d")
        try t.expectScreen(contains: "Read-only: ", "cannot be written")
        try t.expectScreen(contains: "Urgent freezes 1/10")
        try t.press("q")
        try t.expectScreen(contains: "Nothing was recorded", "EXITED:0")
        #expect(try Data(contentsOf: journal) == before)
    }

    /// A read-only view of a journal whose last line a crash cut off: it cannot repair the
    /// line, so it says it was left out (as status and export do), and changes nothing.
    @Test(.enabled(if: geteuid() == 0)) func aReadOnlyViewSaysATornLastLineWasLeftOut() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let journal = try writeIncident(in: home)
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"at":"2026-11-24T21:09:00.000+08:00","kind":"mo"#.utf8))
        try handle.close()
        let before = try Data(contentsOf: journal)
        let t = try TmuxSession(width: 400, height: 30, arguments: ["--lang", "en"], home: home, shellWrapper:
            #"unshare --mount sh -c 'mount --bind -o ro "$XDG_STATE_HOME" "$XDG_STATE_HOME" && exec {bin}'; echo EXITED:$?; sleep 600"#)
        try t.expectScreen(contains: "READ-ONLY", "the journal's last line was cut off by a crash", "never shown as recorded")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        #expect(try Data(contentsOf: journal) == before)
    }

    /// Another user's state directory, open to all (0777): refused with a message, never
    /// chmod-ed, nothing written into it.
    @Test(.enabled(if: geteuid() == 0)) func someoneElsesStateDirectoryIsRefusedAndLeftAlone() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let dir = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        #expect(chmod(dir.path, 0o777) == 0 && chown(dir.path, 65534, 65534) == 0)
        let t = try TmuxSession(arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "belongs to another user", "EXITED:1")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.path)
        #expect(attributes[.posixPermissions] as? Int == 0o777)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A journal replaced by a link to a file elsewhere: refused, and the file it points to is
    /// not appended to.
    @Test func aJournalLinkedElsewhereIsRefusedAndItsTargetUntouched() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let journal = try writeIncident(in: home)
        let outside = home.appendingPathComponent("elsewhere.jsonl")
        try FileManager.default.moveItem(at: journal, to: outside)
        try FileManager.default.createSymbolicLink(at: journal, withDestinationURL: outside)
        let before = try Data(contentsOf: outside)
        let t = try TmuxSession(arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "symbolic link", "EXITED:1")
        #expect(try Data(contentsOf: outside) == before)
    }

    /// A full disk: the state directory on a 64 KiB tmpfs (in a mount namespace of its own)
    /// that fills up once the program has started (the test says when, by a file in the home,
    /// outside the tmpfs, and waits for the filler's word that it is full). Once the journal
    /// needs another page, an action is refused as NOT saved, and quitting says how many were
    /// not saved instead of "everything".
    @Test(.enabled(if: geteuid() == 0)) func aFullDiskSaysNotSavedAndQuittingTellsTheTruth() throws {
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], shellWrapper:
            #"unshare --mount sh -c 'mkdir -p "$XDG_STATE_HOME" && mount -t tmpfs -o size=64k tmpfs "$XDG_STATE_HOME" && (until [ -e "$HOME/fill-now" ]; do sleep 0.05; done; dd if=/dev/zero of="$XDG_STATE_HOME/fill" bs=1k count=200 2>/dev/null; df -k "$XDG_STATE_HOME" > "$HOME/filled.part"; ls -la "$XDG_STATE_HOME" "$XDG_STATE_HOME"/lostphone >> "$HOME/filled.part" 2>&1; mv "$HOME/filled.part" "$HOME/filled") & exec {bin}'; echo EXITED:$?; sleep 600"#)
        try t.expectScreen(contains: "Urgent freezes")
        try t.press("Escape")
        // Filled now, after the start, rather than a fixed second after it: a loaded machine
        // could otherwise start the program late and find the disk already full, or fill it
        // only after the keys below.
        try Data().write(to: t.home.appendingPathComponent("fill-now"))
        try t.waitFor(timeout: 10, sourceLocation: #_sourceLocation, what: "the state directory filled") { _ in
            FileManager.default.fileExists(atPath: t.home.appendingPathComponent("filled").path)
        }
        try t.press("d", "d")
        try t.expectScreen(contains: "China Mobile done. Another SIM card of yours?")
        // Enter: no other SIM card, so it is not asked again.
        try t.press("Enter")
        try t.expectScreen(contains: "no other SIM card of mine")
        // Done moved the selection on; back to the SIM step, reopened and done again and again.
        // The journal's first page has room for a few dozen events; then the disk is full, and
        // the r or d that needs the next page is NOT saved; the keys after it say what is true
        // ("already done" after a refused r). A last u needs the disk whatever the step's state.
        for _ in 0..<40 { try t.press("k", "r", "d") }
        try t.press("u")
        do {
            try t.expectScreen(contains: "NOT saved", timeout: 60)
        } catch {
            // What the filler saw in its namespace (df and the folder), to tell a disk that did
            // not fill from a program that wrote past a full one.
            let filled = (try? String(contentsOf: t.home.appendingPathComponent("filled"), encoding: .utf8)) ?? "(none)"
            Issue.record("the state directory after the fill:\n\(filled)")
            throw error
        }
        try t.press("q")
        try t.expectScreen(contains: "NOT saved (the screen said so at the time)", "EXITED:0")
    }
}
