import Foundation
import Testing

/// Erasing the phone before the police report and the insurance decision asks first, in a real
/// terminal, and nothing reaches the journal until the person says yes.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct EraseGuardTests {
    @Test func markingEraseDoneBeforeThePoliceReportAsksAndRecordsOnlyAfterYes() throws {
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "i: when and what was lost")

        // The locate pane, numbered in screen order; Erase is the last step.
        try t.press("2")
        try t.expectScreen(contains: "1 Locate the phone", "2 Play a sound", "3 Mark as lost / lock",
                           "4 Last: erase the phone remotely")
        // → ←: Apple, chosen; then d.
        try t.press("G", "Right", "Left", "d")
        try t.expectScreen(contains: "Record this step now?", "Report to the police", "Make the insurance claim",
                           "AppleCare+", "y records it anyway")
        #expect(try t.journalEvents().count == 1, "only the incident's opening before the confirmation")

        // Any other key cancels: still nothing recorded.
        try t.press("n")
        try t.expectScreen(contains: "was not recorded")
        try t.expectScreen(lacks: "Record this step now?")
        #expect(try t.journalEvents().count == 1)

        // Asked again, y records it.
        try t.press("d")
        try t.expectScreen(contains: "Record this step now?")
        try t.press("y")
        try t.expectScreen(contains: "Saved")
        let events = try t.journalEvents()
        #expect(events.count == 2)
        #expect(events.last?["step"] as? String == "apple-erase")
        #expect(events.last?["to"] as? String == "done")
        #expect(events.last?["provider"] as? String == "huawei")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }
}
