import Foundation
import Testing

/// The full screen of a new incident started from the person's profile, in a real terminal.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct PreparedGuideTests {
    func writeProfile(_ text: String, in home: URL) throws -> URL {
        let dir = home.appendingPathComponent("config/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("profile.yaml")
        try text.write(to: file, atomically: false, encoding: .utf8)
        return file
    }

    @Test func aProfileOverAYearOldIsFlaggedOnTheFirstScreen() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { TmuxSession.removeHome(home) }
        _ = try writeProfile("version: 1\nupdated: 2025-06-01T10:00:00.000+08:00\nchoices:\n  bank: [cmb]\n", in: home)
        let t = try TmuxSession(width: 110, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "Profile last reviewed 2025-06-01, over a year ago: run lostphone prepare")
        try t.press("j")
        try t.expectScreen(contains: "◀ China Merchants Bank ▶ (1/7)")
    }

    @Test func aDamagedProfileIsLeftUntouchedAndTheIncidentStartsUnprepared() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { TmuxSession.removeHome(home) }
        let damaged = "version: 1\nchoices:\n  bank: [icbc\n"
        let file = try writeProfile(damaged, in: home)
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "Profile could not be read, so this incident starts unprepared")
        try t.press("j")
        try t.expectScreen(contains: "◀ ICBC", "(not chosen yet)")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        #expect(try String(contentsOf: file, encoding: .utf8) == damaged)
        let kinds = try t.journalEvents().compactMap { $0["kind"] as? String }
        #expect(kinds == ["opened"])
    }

    @Test func aTipDoneInOneIncidentIsDoneInTheNext() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { TmuxSession.removeHome(home) }
        do {
            let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], home: home)
            try t.expectScreen(contains: "Urgent freezes")
            try t.press("4", "d")
            try t.expectScreen(contains: "Saved")
            try t.press("q")
            try t.expectScreen(contains: "EXITED:0")
        }
        let profile = try String(contentsOf: home.appendingPathComponent("config/lostphone/profile.yaml"), encoding: .utf8)
        #expect(profile.contains("tip-1: "), "\(profile)")
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--new", "--lang", "en"], home: home)
        try t.expectScreen(contains: "From your profile: 1 tip done")
        try t.press("4")
        try t.expectScreen(contains: "4 Prevention 1/12")
    }
}
