import Foundation
import Testing

/// `lostphone prepare` with no flags, in a real terminal: the full-screen form over the
/// guide's providers, saving each change at once.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct PrepareFormScreenTests {
    /// Runs the program, then records the terminal's modes after it exits.
    static let wrapper = "stty -g > \"$HOME/stty.before\"; {bin}; echo EXIT:$?; stty -g > \"$HOME/stty.after\"; sleep 600"

    func profileFile(_ home: URL) -> URL { home.appendingPathComponent("config/lostphone/profile.yaml") }

    func profileText(_ home: URL) -> String? { try? String(contentsOf: profileFile(home), encoding: .utf8) }

    /// Today in the sessions' time zone (UTC), as the form dates a tip.
    func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    @Test func aPersonTicksTheirBankCorrectsAMistypedIMEITicksATipAndLeaves() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { TmuxSession.removeHome(home) }
        let day = today()
        do {
            let t = try TmuxSession(arguments: ["prepare", "--lang", "en"], home: home, shellWrapper: Self.wrapper)
            try t.expectScreen(contains: "Never a password", "Carrier", "[ ] China Mobile")
            #expect(try t.paneValue("alternate_on") == "1")

            // Tab goes to the banks; ICBC is their first.
            try t.press("Tab")
            try t.press("Space")
            try t.expectScreen(contains: "[x] ICBC", "Saved to")
            #expect(profileText(home)?.contains("bank: [icbc]") == true, "\(profileText(home) ?? "no file")")

            // Past the apps, platforms, accounts and brands to the phone: its model, then the IMEI.
            try t.press("Tab", "Tab", "Tab", "Tab", "Tab")
            try t.expectScreen(contains: "› Model")
            try t.press("j", "Enter")
            try t.type("490154203237519")
            try t.press("Enter")
            try t.expectScreen(contains: "does not match", "*#06#")
            #expect(profileText(home)?.contains("49015420323751") == false, "a refused IMEI is never written")

            try t.press("BSpace")
            try t.type("8")
            try t.press("Enter")
            try t.expectScreen(lacks: "does not match")
            try t.expectScreen(contains: "IMEI", "490154203237518", "Saved to")

            // Past the insurance to the checklist: the SIM PIN is its second tip.
            try t.press("Tab", "Tab", "j", "Space")
            try t.expectScreen(contains: "[x] Set a SIM card PIN  ✓ \(day)")

            try t.press("q")
            let screen = try t.expectScreen(contains: "EXIT:0", "Your profile is in")
            #expect(!screen.contains("Never a password"), "the form is still visible after q:\n\(screen)")
            #expect(try t.paneValue("alternate_on") == "0")
            #expect(try t.paneValue("cursor_flag") == "1")
            try t.waitFor(timeout: 5, sourceLocation: #_sourceLocation, what: "stty.after") { _ in
                (try? String(contentsOf: t.home.appendingPathComponent("stty.after"), encoding: .utf8))?.hasSuffix("\n") == true
            }
            let before = try String(contentsOf: home.appendingPathComponent("stty.before"), encoding: .utf8)
            let after = try String(contentsOf: home.appendingPathComponent("stty.after"), encoding: .utf8)
            #expect(before == after, "terminal modes changed: echo or line mode not restored")
        }

        let file = try #require(profileText(home))
        #expect(file.contains("bank: [icbc]"), "\(file)")
        #expect(file.contains("imei: \"490154203237518\""), "\(file)")
        #expect(file.contains("tip-2: \(day)T"), "\(file)")
        let mode = try FileManager.default.attributesOfItem(atPath: profileFile(home).path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Opened again, the tip is still done on the day it was done.
        let again = try TmuxSession(arguments: ["prepare", "--lang", "en"], home: home)
        try again.expectScreen(contains: "[x] ICBC")
        try again.press("G")
        try again.expectScreen(contains: "[x] Set a SIM card PIN  ✓ \(day)", "490154203237518")
    }

    @Test func aDamagedProfileIsRefusedBeforeTheFormOpensAndLeftAsItIs() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { TmuxSession.removeHome(home) }
        let damaged = "version: 1\nchoices:\n  bank: [icbc\n"
        try FileManager.default.createDirectory(at: profileFile(home).deletingLastPathComponent(), withIntermediateDirectories: true)
        try damaged.write(to: profileFile(home), atomically: false, encoding: .utf8)
        let t = try TmuxSession(width: 240, arguments: ["prepare", "--lang", "en"], home: home)
        try t.expectScreen(contains: "profile.yaml:4:1: ", "the form does not open", "EXITED:1")
        #expect(try t.paneValue("alternate_on") == "0", "the form never opened")
        #expect(profileText(home) == damaged)
    }
}
