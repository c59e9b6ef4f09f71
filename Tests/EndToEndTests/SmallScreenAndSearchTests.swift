import Foundation
import Testing

/// A borrowed laptop's small terminal and a search as a stressed person types it: the first
/// number without a key, tabs that read, the number searched for first.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct SmallScreenAndSearchTests {
    /// The line of the list the selection marker `›` is on.
    static func selectedLine(_ screen: String) -> String {
        screen.split(separator: "\n").first { $0.hasPrefix("›") }.map(String.init) ?? ""
    }

    @Test(arguments: [("en", "1 Urgent freezes"), ("zh", "1 紧急冻结")])
    func at40x12TheFirstNumberIsOnTheFirstScreen(language: String, tab: String) throws {
        let t = try TmuxSession(width: 40, height: 12, arguments: ["--lang", language])
        let screen = try t.expectScreen(contains: "10086")
        #expect(screen.contains(tab), "the focused tab keeps its title:\n\(screen)")
        #expect(!screen.split(separator: "\n")[1].contains("…"), "no cut tab titles:\n\(screen)")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }

    @Test(arguments: [("en", "Report to the police"), ("zh", "报警")])
    func searching110SelectsThePolice(language: String, police: String) throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", language])
        try t.expectScreen(contains: "10086")
        try t.press("/")
        try t.type("110")
        // Live, as the digits arrive: the police once "110" is whole.
        let screen = try t.waitFor(timeout: 10, sourceLocation: #_sourceLocation, what: "the police step selected") {
            Self.selectedLine($0).contains(police)
        }
        #expect(screen.contains("1/"), "\(screen)")
        try t.press("Enter", "q")
        try t.expectScreen(contains: "EXITED:0")
    }

    @Test func searchingIMEIFindsTheInstructionAboutIt() throws {
        let t = try TmuxSession(width: 80, height: 24, arguments: ["--lang", "en"])
        try t.expectScreen(contains: "10086")
        try t.press("/")
        try t.type("imei")
        let screen = try t.waitFor(timeout: 10, sourceLocation: #_sourceLocation, what: "the police step selected") {
            Self.selectedLine($0).contains("Report to the police")
        }
        #expect(!screen.contains("no match"), "\(screen)")
        try t.press("Escape", "q")
        try t.expectScreen(contains: "EXITED:0")
    }
}
