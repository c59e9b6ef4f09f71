import Foundation
import Testing

/// `lostphone [full-screen options]` goes straight to the full screen without the argument
/// parser; `lostphone open [the same options]` always goes through the parser. Both must behave
/// alike for every full-screen option: the same first screen (colours included), the same
/// errors and exit status.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) final class DirectStartTests {
    private let homes = TemporaryHomes()

    /// Each case's arguments; `ID` stands for an incident recorded before.
    static let cases: [[String]] = [
        [],
        ["--lang", "zh", "--theme", "light"],
        ["--lang", "en", "--theme", "gruvbox-dark", "--new"],
        ["--incident", "ID", "--lang", "en"],
        ["--incident", "ID"],
        ["--state-dir", "elsewhere", "--playbook", "pb.yaml", "--lang", "zh"],
        ["--playbook", "missing.yaml", "--lang", "en"],
        ["--theme", "no-such-theme", "--lang", "en"],
        ["--incident", "no-such-incident", "--lang", "zh"],
        ["--new", "--incident", "ID"],
        ["--lang", "fr"],
        ["--lang", "en", "--lang", "zh"],
    ]

    @Test(arguments: cases) func theDirectStartBehavesAsOpenDoes(_ arguments: [String]) throws {
        let template = try homes.make("direct")
        let env = homeEnvironment(template)
        #expect(try runBinary(["record", "sim", "done", "--provider", "china-mobile"], environment: env).status == 0)
        let listed = try runBinary(["---completion", "export", "--", "--incident", "3", "0", "lostphone", "export", "--incident", ""],
                                   environment: env)
        let id = try #require(listed.out.split(separator: "\n").first.map(String.init))
        let playbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LostphoneCore/Resources/cn-mainland.yaml")
        try FileManager.default.copyItem(at: playbook, to: template.appendingPathComponent("pb.yaml"))
        let words = arguments.map { $0 == "ID" ? id : $0 }

        let direct = try firstScreen(words, template: template)
        let parsed = try firstScreen(["open"] + words, template: template)
        #expect(direct == parsed, "lostphone \(words) differs from lostphone open \(words):\n\(direct)\n---\n\(parsed)")
        #expect(!direct.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)

        // Without a terminal: refused alike (or the parser's error alike).
        let plainDirect = try runBinary(words, environment: env)
        let plainParsed = try runBinary(["open"] + words, environment: env)
        #expect(plainDirect.status == plainParsed.status && plainDirect.out == plainParsed.out,
                "\(plainDirect) \(plainParsed)")
        #expect(plainDirect.err.replacingOccurrences(of: "lostphone open", with: "lostphone")
                == plainParsed.err.replacingOccurrences(of: "lostphone open", with: "lostphone"), "\(plainDirect.err)\n---\n\(plainParsed.err)")
    }

    /// The screen (with its colours) once it stops changing, in a copy of `template`, then the
    /// program quit (q) and what it printed with its exit status; the home's path and the clock's
    /// times made the same for both.
    private func firstScreen(_ arguments: [String], template: URL) throws -> String {
        let home = try homes.make("direct-run")
        try FileManager.default.removeItem(at: home)
        try FileManager.default.copyItem(at: template, to: home)
        let t = try TmuxSession(arguments: arguments, home: home,
                                shellWrapper: "cd \"$HOME\" && {bin}; echo EXITED:$?; sleep 600")
        // Settled: not empty, and the same in every look (one each 50 ms) for 0.3 s.
        var screen = try t.tmuxCommand("capture-pane", "-p", "-e", "-t", t.name)
        var changed = Date()
        let deadline = changed.addingTimeInterval(10)
        while Date() < deadline && (Date().timeIntervalSince(changed) < 0.3 || screen.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty) {
            Thread.sleep(forTimeInterval: 0.05)
            let now = try t.tmuxCommand("capture-pane", "-p", "-e", "-t", t.name)
            if now != screen { screen = now; changed = Date() }
        }
        if screen.contains("EXITED:") {
            // Refused before any full screen: what it printed is compared below without line
            // ends, since the home's random path wraps at the terminal's edge where it falls.
            screen = "(no full screen)"
        } else {
            try t.press("Escape")
            try t.press("q")
            _ = try t.expectScreen(contains: "EXITED:")
        }
        // Without its spaces and line ends: the home's path in the last words wraps at the
        // terminal's edge, and a new incident's id may be a character longer (below).
        let after = try t.screen().filter { $0 != " " && $0 != "\n" }
        return normalized(screen + "\n=== after q ===\n" + after, home: home)
    }

    private func normalized(_ text: String, home: URL) -> String {
        var result = text.replacingOccurrences(of: home.path, with: "$HOME")
        result = result.replacingOccurrences(of: #"[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?"#, with: "hh:mm", options: .regularExpression)
        // A new incident's id is the time it was started, `-2` after it when an incident was
        // started in the same second.
        result = result.replacingOccurrences(of: #"[0-9]{4,}(-[0-9]{4,})?(-[0-9])?"#, with: "N", options: .regularExpression)
        return result.replacingOccurrences(of: "lostphone open", with: "lostphone")
    }
}
