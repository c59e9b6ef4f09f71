import Foundation
import Testing
@testable import LostphoneCore

/// A theme of the person's that replaces a built-in one is said; one that cannot be read is
/// refused with its problem (#30).
@Suite struct ThemeOverrideTests {
    static let blackOnBlack = "styles:\n  text: {fg: black, bg: black}\n  header: {fg: black, bg: black}\n"

    @Test func aBlackOnBlackThemeIsRefusedWithItsProblemNamed() {
        let result = ThemeLoader.load(yaml: Self.blackOnBlack, file: "default.yaml")
        #expect(result.problems.contains { $0.message.contains("styles.text") && $0.message.contains("unreadable") },
                "\(result.problems)")
        #expect(result.theme == ThemeLoader.builtinDefault)
    }

    @Test func everyShippedThemeIsReadable() {
        for name in BuiltinThemes.names {
            let theme = BuiltinThemes.load(name)?.theme ?? .fallback
            #expect(ThemeLoader.unreadable(theme, file: name).isEmpty, "\(name)")
        }
    }

    @Test func aUserFileInPlaceOfABuiltinThemeIsSaid() throws {
        let dir = TempDir()
        let themes = dir.file("config/lostphone/themes")
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "styles:\n  text: {fg: white, bg: blue}\n".write(toFile: themes + "/default.yaml", atomically: false, encoding: .utf8)
        let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": dir.file("config")], executableDirectory: dir.file("bin"),
                                   workingDirectory: dir.file("cwd"))
        let result = try catalog.resolve("default").get()
        #expect(result.problems.isEmpty)
        #expect(result.notice?.text(in: .en).contains("in place of the built-in one") == true)
        #expect(try catalog.resolve("light").get().notice == nil)
    }
}
