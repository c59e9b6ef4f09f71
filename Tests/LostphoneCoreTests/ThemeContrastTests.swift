import Foundation
import Testing
@testable import LostphoneCore

/// Every text style of every shipped theme is readable (WCAG AA, 4.5:1) on the terminal it is
/// made for, at 256, 16 and 8 colours, with bold drawn bright for colours 0–7.
@Suite struct ThemeContrastTests {
    static let depths: [ColorDepth] = [.indexed256, .ansi16, .ansi8]

    /// The terminal each theme is for; a theme that paints its own background does not care.
    static func terminal(for name: String) -> Contrast.TerminalColors { name == "light" ? .light : .dark }

    @Test(arguments: BuiltinThemes.names)
    func everyStyleReachesFourPointFiveToOne(name: String) throws {
        let theme = try #require(BuiltinThemes.load(name)).theme
        var failures: [String] = []
        for depth in Self.depths {
            for element in ThemeElement.allCases {
                let ratio = Contrast.of(theme[element], depth: depth, terminal: Self.terminal(for: name))
                if ratio < 4.5 {
                    let (fg, bg) = Contrast.shown(theme[element], depth: depth, terminal: Self.terminal(for: name))
                    failures.append("\(element.rawValue) at \(depth): \(String(format: "%.2f", ratio)):1 (\(fg) on \(bg))")
                }
            }
        }
        #expect(failures.isEmpty, "\(name):\n\(failures.joined(separator: "\n"))")
    }

    @Test func theRatioIsWCAGs() {
        #expect(abs(Contrast.ratio((0, 0, 0), (255, 255, 255)) - 21) < 0.01)
        #expect(abs(Contrast.ratio((119, 119, 119), (255, 255, 255)) - 4.48) < 0.01)
    }

    @Test func boldBlackIsDrawnBrightBlack() {
        let style = Style(foreground: .ansi(0), background: .ansi(6), attributes: [.bold])
        #expect(Contrast.shown(style, depth: .ansi16, terminal: .dark).foreground == (127, 127, 127))
        #expect(Contrast.of(style, depth: .ansi16, terminal: .dark) < 4.5)
    }
}
