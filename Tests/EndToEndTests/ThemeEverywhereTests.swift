import Foundation
import Testing

/// The shipped themes are in the binary: a person who starts the program from any folder can
/// cycle through all of them.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct ThemeEverywhereTests {
    @Test func themeKeyCyclesAllSixThemesFromAnEmptyFolder() throws {
        let t = try TmuxSession(arguments: ["--lang", "en"],
                                shellWrapper: "mkdir -p \"$HOME/empty\" && cd \"$HOME/empty\" && {bin}; echo EXITED:$?; sleep 600")
        try t.press("Escape")
        for name in ["gruvbox-dark", "high-contrast", "light", "monochrome", "solarized-dark", "default"] {
            try t.press("t")
            let screen = try t.expectScreen(contains: "Theme: \(name)")
            #expect(!screen.contains("problem"), "the built-in \(name) loaded with a problem:\n\(screen)")
        }
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }

    @Test func themeOptionFindsABuiltInThemeFromAnEmptyFolder() throws {
        let t = try TmuxSession(arguments: ["--lang", "en", "--theme", "solarized-dark"],
                                shellWrapper: "mkdir -p \"$HOME/empty\" && cd \"$HOME/empty\" && {bin}; echo EXITED:$?; sleep 600")
        try t.press("Escape", "t")
        try t.expectScreen(contains: "Theme: default")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }
}
