import Foundation
import Testing
import LostphoneCore
@testable import LostphoneTUI
@testable import TerminalKit

/// Themes on screen: without colour, every step state must still be told apart by its glyph and
/// its attributes, not by colour alone.
@Suite struct ThemeSnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The urgent pane with one step in each state, as text with each row's glyph attributes,
    /// after degrading the theme to a terminal without colour.
    func annotatedRows(theme: Theme) -> [String] {
        let d = TestApp(width: 80, height: 24, theme: theme)
        // SIM and bank have providers: the first key names the one shown, the second records it.
        // Done, blocked and skipped move on to the next open step; `s` stays. After the SIM,
        // Enter answers "another SIM card?" with no; `b` asks when to retry, Enter: no time.
        d.press(.char("d"), .char("d"), .enter, .char("s"), .char("s"), .char("j"), .char("b"), .enter, .char("x"), .char("j"))
        let canvas = d.terminal.frames.last!
        var rows: [String] = []
        for y in 2..<7 {
            let glyph = canvas[1, y]
            let style = glyph.style.degraded(to: .none)
            var attrs: [String] = []
            if style.attributes.contains(.bold) { attrs.append("bold") }
            if style.attributes.contains(.dim) { attrs.append("dim") }
            if style.attributes.contains(.underline) { attrs.append("underline") }
            if style.attributes.contains(.reverse) { attrs.append("reverse") }
            let title = canvas.lines[y].dropFirst(3).prefix(40).trimmingCharacters(in: .whitespaces)
            rows.append("\(glyph.grapheme) [\(attrs.joined(separator: "+"))] \(title)")
        }
        return rows
    }

    @Test func monochromeStillDistinguishesEveryStepState() {
        let theme = ThemeLoader.load(contentsOf: Self.root.appendingPathComponent("Themes/monochrome.yaml").path)
        #expect(theme.problems.isEmpty)
        let rows = annotatedRows(theme: theme.theme)
        let glyphs = rows.map { $0.prefix(1) }
        #expect(Set(glyphs).count == 5, "glyphs: \(glyphs)")
        let attributes = rows.map { $0.split(separator: "]")[0] }
        #expect(Set(attributes).count == 5, "attributes: \(attributes)")
        assertSnapshot(rows.joined(separator: "\n") + "\n", named: "monochrome-step-states")
    }

    @Test(arguments: ["default", "light", "high-contrast", "solarized-dark", "gruvbox-dark"])
    func everyShippedThemeKeepsStatesApartWithoutColour(name: String) {
        let theme = ThemeLoader.load(contentsOf: Self.root.appendingPathComponent("Themes/\(name).yaml").path).theme
        let rows = annotatedRows(theme: theme)
        #expect(Set(rows.map { $0.prefix(1) }).count == 5)
    }
}
