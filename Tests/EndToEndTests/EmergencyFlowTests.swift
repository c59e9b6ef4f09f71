import Foundation
import Testing

/// A whole emergency, as a person at the keyboard would go through it, checked on screen and on disk.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct EmergencyFlowTests {
    @Test func markStepsAddAChineseNoteUndoSwitchProviderLanguageResizeQuit() throws {
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"])
        // First start shows the guide and the first number; the details are offered in a line.
        try t.expectScreen(contains: "i: when and what was lost", "10086")
        try t.expectScreen(lacks: "About the lost phone (optional)")
        try t.press("i")
        try t.type("20:30")
        try t.press("Tab")
        try t.type("王芳")
        try t.press("Tab", "Tab")
        try t.type("iPhone 12")
        try t.press("Enter")
        try t.expectScreen(contains: "iPhone 12")

        // Switch the SIM step to China Unicom and mark it done.
        try t.press("Right")
        try t.expectScreen(contains: "China Unicom", "10010")
        try t.press("d")
        // Another SIM card? Enter: no; the selection moves on to what comes next.
        try t.expectScreen(contains: "China Unicom done. Another SIM card of yours?")
        try t.press("Enter")
        // At 100 columns the title is cut so that "← now" stays whole beside it.
        let screen = try t.expectScreen(contains: "›○  2 Freeze mobile banking")
        #expect(screen.split(separator: "\n").contains { $0.contains("›○  2 Freeze mobile banking") && $0.contains("← now") }, "\(screen)")

        // A note with Chinese text, right after: it goes to the step just done.
        try t.press("n")
        try t.type("受理号 A123，客服 王女士")
        try t.press("Enter")
        try t.expectScreen(contains: "受理号 A123")

        // The bank, selected already, is not chosen yet, so the first b asks and the second records.
        try t.press("b")
        try t.expectScreen(contains: "Press b again")
        try t.press("b")
        try t.expectScreen(contains: "Retry when?")
        try t.press("Enter")
        try t.expectScreen(contains: "ICBC blocked. Another bank of yours?")
        try t.press("u")
        try t.expectScreen(contains: "Undone")

        // Language switch, resize, quit.
        // Back on the SIM step, the chosen provider is remembered, now in Chinese.
        try t.press("L", "k")
        try t.expectScreen(contains: "紧急冻结", "中国联通")
        try t.resize(width: 80, height: 24)
        try t.expectScreen(contains: "紧急冻结")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        // The farewell in the language the screen was left in, not the one it started in.
        #expect(try t.screen().contains("所有记录已保存在"))

        let events = try t.journalEvents()
        let kinds = events.compactMap { $0["kind"] as? String }
        #expect(kinds == ["opened", "details", "move", "noneOfMine", "note", "move", "undo"])
        #expect(events[2]["provider"] as? String == "china-unicom")
        #expect(events[2]["to"] as? String == "done")
        #expect(events[3]["step"] as? String == "sim")
        #expect(events[4]["note"] as? String == "受理号 A123，客服 王女士")
        #expect(events[4]["provider"] as? String == "china-unicom", "the note goes to the provider just done")
        #expect(events[5]["to"] as? String == "blocked")
        #expect(events[6]["undoes"] as? Int == 6)
    }

    @Test func reopeningShowsWhatWasRecorded() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        do {
            let t = try TmuxSession(arguments: ["--lang", "en"], home: home)
            try t.expectScreen(contains: "i: when and what was lost")
            try t.press("d", "d")
            try t.expectScreen(contains: "China Mobile done.")
            try t.press("q")
            try t.expectScreen(contains: "EXITED:0")
        }
        let t = try TmuxSession(arguments: ["--lang", "en"], home: home)
        // Not a new incident: no details form, and the SIM step is done.
        try t.expectScreen(contains: "Urgent freezes 1/")
        try t.expectScreen(lacks: "About the lost phone")
        // It opens where it was left (the SIM step, whose "another SIM card?" was still asked),
        // and the first start's reminder is not repeated.
        try t.expectScreen(contains: "›✓  1 ")
        try t.expectScreen(lacks: "Call first.")
    }

    @Test func helpListsEveryKey() throws {
        let t = try TmuxSession(width: 100, height: 40, arguments: ["--lang", "en"])
        try t.press("Escape", "?")
        try t.expectScreen(contains: "Keys", "undo the last recorded action", "export the report",
                           "switch language", "quit (everything is already saved)")
        try t.press("Escape")
        try t.expectScreen(lacks: "undo the last recorded action")
    }

    @Test func themeKeyCyclesLiveAndTheChoiceIsRemembered() throws {
        // The working directory is the package root, so Themes/ there is found.
        let t = try TmuxSession(arguments: ["--lang", "en"])
        try t.press("Escape", "t")
        try t.expectScreen(contains: "Theme: gruvbox-dark")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        let saved = try String(contentsOf: t.configDir.appendingPathComponent("lostphone/theme"), encoding: .utf8)
        #expect(saved == "gruvbox-dark\n")
    }

    /// `e` writes into the state directory's reports folder, whatever folder the program was
    /// started from, and names the full path; the folder it was started from stays untouched.
    @Test func exportKeyWritesUnderTheStateDirectoryNeverTheCurrentFolder() throws {
        // Wide enough for the whole path under any temp folder.
        let t = try TmuxSession(width: 220, height: 30, arguments: ["--lang", "en"],
                                shellWrapper: "mkdir -p \"$HOME/checkout\" && cd \"$HOME/checkout\" && {bin}; echo EXITED:$?; sleep 600")
        let checkout = t.home.appendingPathComponent("checkout")
        let reports = t.stateDir.appendingPathComponent("reports")
        try t.expectScreen(contains: "10086")   // started: keys sent before are lost
        try t.press("Escape", "d", "d", "e")
        let screen = try t.expectScreen(contains: "Report written to \(reports.path)/lostphone-report-")
        #expect(try FileManager.default.contentsOfDirectory(atPath: checkout.path).isEmpty, "e wrote into the folder it was started from")
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.home.path).filter { $0.hasPrefix("lostphone-report-") }.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasPrefix("lostphone-report-") }
        #expect(files.count == 1, "\(files)")
        let path = reports.appendingPathComponent(files[0]).path
        #expect(screen.contains(path), "the screen names the full path \(path):\n\(screen)")
        let report = try String(contentsOfFile: path, encoding: .utf8)
        #expect(report.contains("| Report the loss and freeze the SIM card | done |"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: reports.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700, "the reports folder is private like the journals'")
        // A second e keeps the first report and names the new one.
        try t.press("e")
        try t.expectScreen(contains: path.replacingOccurrences(of: ".md", with: "-2.md"))
        let after = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasPrefix("lostphone-report-") }
        #expect(after.count == 2, "\(after)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == report, "the first is untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: checkout.path).isEmpty)
    }
}
