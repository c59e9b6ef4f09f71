import Foundation
import Testing

/// The binary in a real terminal: it opens, shows the panes, and gives the terminal back.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct SkeletonTests {
    @Test func opensWithEveryTabTitleInEnglish() throws {
        let t = try TmuxSession(arguments: ["--lang", "en"])
        try t.expectScreen(contains: "Urgent freezes", "Locate", "Afterwards", "Prevention", "Timeline")
        try t.expectScreen(lacks: "About the lost phone (optional)")
    }

    /// A second start continues the incident from its journal alone: nothing derived (no
    /// compiled playbook, no checkpoint) is written anywhere.
    @Test func theSecondStartContinuesFromTheJournalAloneAndLeavesNoCache() throws {
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "Urgent freezes", "Report the loss")
        #expect(!FileManager.default.fileExists(atPath: t.home.appendingPathComponent(".cache/lostphone").path),
                "the full screen writes no cache")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        let second = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], home: t.home)
        try second.expectScreen(contains: "Urgent freezes 0/10", "China Mobile", "10086")
    }

    @Test func opensWithTheThreePaneTitlesInChinese() throws {
        let t = try TmuxSession(arguments: ["--lang", "zh"])
        try t.expectScreen(contains: "紧急冻结", "定位设备", "善后", "防范措施")
    }

    @Test func chineseRendersEvenWithoutAUTF8Locale() throws {
        for locale in ["", "C", "POSIX"] {
            let t = try TmuxSession(arguments: ["--lang", "zh"], environment: ["LANG": locale, "LC_ALL": locale])
            try t.expectScreen(contains: "紧急冻结", "中国移动")
        }
    }

    @Test func quitRestoresTheTerminalExactlyAsItWas() throws {
        let t = try TmuxSession(
            arguments: ["--lang", "en"],
            shellWrapper: "printf 'BEFORE-MARK\\n'; stty -g > \"$HOME/stty.before\"; {bin}; echo EXIT:$?; stty -g > \"$HOME/stty.after\"; sleep 600")
        try t.expectScreen(contains: "Urgent freezes")
        #expect(try t.paneValue("alternate_on") == "1")
        try t.press("Escape")
        try t.press("q")
        let screen = try t.expectScreen(contains: "EXIT:0", "BEFORE-MARK")
        #expect(!screen.contains("Urgent freezes"), "the full screen is still visible after q:\n\(screen)")
        #expect(try t.paneValue("alternate_on") == "0")
        #expect(try t.paneValue("cursor_flag") == "1")
        try t.waitFor(timeout: 5, sourceLocation: #_sourceLocation, what: "stty.after") { _ in
            (try? String(contentsOf: t.home.appendingPathComponent("stty.after"), encoding: .utf8))?.hasSuffix("\n") == true
        }
        let before = try String(contentsOf: t.home.appendingPathComponent("stty.before"), encoding: .utf8)
        let after = try String(contentsOf: t.home.appendingPathComponent("stty.after"), encoding: .utf8)
        #expect(before == after, "terminal modes changed: echo or line mode not restored")
    }

    @Test func resizeRedrawsForTheNewSize() throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "Urgent freezes")
        try t.press("Escape")
        try t.resize(width: 30, height: 8)
        try t.expectScreen(contains: "Enlarge the terminal")
        try t.resize(width: 120, height: 40)
        try t.expectScreen(contains: "Urgent freezes", "China Mobile")
        try t.expectScreen(lacks: "Enlarge the terminal")
    }
}
