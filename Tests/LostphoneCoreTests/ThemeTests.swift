import Foundation
import Testing
@testable import LostphoneCore

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct ThemeTests {
    static let shipped = ["default", "light", "high-contrast", "monochrome", "solarized-dark", "gruvbox-dark"]

    @Test(arguments: shipped)
    func everyShippedThemeLoadsWithoutAWarningAndStylesEveryElement(name: String) throws {
        let path = repoRoot.appendingPathComponent("Themes/\(name).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = ThemeLoader.parse(yaml: text, file: path, base: Theme(name: "empty", styles: [:]))
        #expect(result.problems.isEmpty, "\(result.problems)")
        let missing = ThemeElement.allCases.filter { result.theme.styles[$0] == nil }
        #expect(missing.isEmpty, "\(name) leaves out \(missing)")
    }

    @Test func theBuiltInDefaultIsTheShippedDefault() throws {
        let shipped = try String(contentsOfFile: repoRoot.appendingPathComponent("Themes/default.yaml").path, encoding: .utf8)
        #expect(shipped == BuiltinResources.defaultThemeYAML)
        #expect(ThemeLoader.builtinDefault.name == "default")
    }

    @Test func monochromeUsesNoColourAndEveryStepStateDiffers() throws {
        let result = ThemeLoader.load(contentsOf: repoRoot.appendingPathComponent("Themes/monochrome.yaml").path)
        let theme = result.theme
        for element in ThemeElement.allCases {
            #expect(theme[element].foreground == .default && theme[element].background == .default, "\(element) has a colour")
        }
        let states: [ThemeElement] = [.stepPending, .stepInProgress, .stepDone, .stepBlocked, .stepSkipped]
        #expect(Set(states.map { theme[$0].attributes }).count == states.count)
    }

    @Test func aBrokenThemeNamesLineAndColumnAndFallsBackToTheDefault() {
        let yaml = "styles:\n  text: {fg: \"#12345\"}\n  sparkle: {bold: true}\n  header: {bold: maybe}\n"
        let result = ThemeLoader.load(yaml: yaml, file: "bad.yaml")
        let messages = result.problems.map(\.description)
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("bad.yaml:2:") && $0.contains("not a colour") })
        #expect(messages.contains { $0.hasPrefix("bad.yaml:3:3:") && $0.contains("unknown key `sparkle`") })
        #expect(messages.contains { $0.hasPrefix("bad.yaml:4:") && $0.contains("true or false") })
        #expect(result.theme == ThemeLoader.builtinDefault)
    }

    @Test func invalidYAMLIsAProblemNotACrash() {
        let result = ThemeLoader.load(yaml: "styles: [\n", file: "x.yaml")
        #expect(result.problems.count == 1)
        #expect(result.problems[0].line > 0)
    }

    @Test func paletteNamesResolveAndMayNotShadowANSINames() {
        let ok = ThemeLoader.load(yaml: "palette: {accent: \"#ff0000\"}\nstyles: {text: {fg: accent}}\n", file: "p.yaml")
        #expect(ok.problems.isEmpty)
        #expect(ok.theme[.text].foreground == .rgb(255, 0, 0))
        let shadow = ThemeLoader.load(yaml: "palette: {red: \"#ff0000\"}\nstyles: {text: {fg: red}}\n", file: "p.yaml")
        #expect(shadow.problems.contains { $0.message.contains("built-in colour name") })
    }
}

@Suite struct ColorDegradationTests {
    @Test(arguments: [
        // colour, 256, 16, 8
        (Color.rgb(255, 0, 0), Color.indexed(196), Color.ansi(9), Color.ansi(1)),
        (Color.rgb(0, 0, 0), .indexed(16), .ansi(0), .ansi(0)),
        (Color.rgb(255, 255, 255), .indexed(231), .ansi(15), .ansi(7)),
        (Color.rgb(0x5f, 0xaf, 0xff), .indexed(75), .ansi(12), .ansi(6)),
        (Color.rgb(0x80, 0x80, 0x80), .indexed(244), .ansi(8), .ansi(7)),
        (Color.indexed(226), .indexed(226), .ansi(11), .ansi(3)),
        (Color.ansi(9), .ansi(9), .ansi(9), .ansi(1)),
    ])
    func knownColoursMapToTheExpectedValues(color: Color, to256: Color, to16: Color, to8: Color) {
        #expect(color.degraded(to: .indexed256) == to256)
        #expect(color.degraded(to: .ansi16) == to16)
        #expect(color.degraded(to: .ansi8) == to8)
        #expect(color.degraded(to: .none) == .default)
        #expect(color.degraded(to: .truecolor) == color)
    }

    @Test func noColorGivesAttributesOnlyAndKeepsBackgroundsVisibleAsReverse() {
        let header = Style(foreground: .ansi(15), background: .ansi(4), attributes: [.bold])
        let d = header.degraded(to: .none)
        #expect(d == Style(foreground: .default, background: .default, attributes: [.bold, .reverse]))
    }

    @Test func depthComesFromTheTerminalAndNoColorWins() {
        #expect(ColorDepth.detect(colors: 256, environment: [:]) == .indexed256)
        #expect(ColorDepth.detect(colors: 8, environment: [:]) == .ansi8)
        #expect(ColorDepth.detect(colors: 16, environment: [:]) == .ansi16)
        #expect(ColorDepth.detect(colors: 0x1000000, environment: [:]) == .truecolor)
        #expect(ColorDepth.detect(colors: -1, environment: [:]) == .none)
        #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .none)
    }

    @Test func anEmptyNoColorMeansColour() {
        #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": ""]) == .indexed256,
                "no-color.org: NO_COLOR set but empty does not turn colour off")
    }

    @Test func cursesNumbersUseMinusOneForTheDefault() {
        #expect(Color.default.curses(for: .indexed256) == -1)
        #expect(Color.rgb(1, 2, 3).curses(for: .truecolor) == 0x010203)
        #expect(Color.rgb(255, 0, 0).curses(for: .indexed256) == 196)
        // Direct colour takes 0–7 as the ANSI colours and any other number as 24-bit RGB.
        #expect(Color.ansi(3).curses(for: .truecolor) == 3)
        #expect(Color.ansi(14).curses(for: .truecolor) == 0x00FFFF)
        #expect(Color.indexed(236).curses(for: .truecolor) == 0x303030)
    }
}

@Suite struct ThemeCatalogTests {
    @Test func userThemesComeFirstAndTheDefaultIsAlwaysThere() throws {
        let dir = TempDir()
        let config = dir.file("config")
        try FileManager.default.createDirectory(atPath: config + "/lostphone/themes", withIntermediateDirectories: true)
        try "styles: {text: {bold: true}}\n".write(toFile: config + "/lostphone/themes/light.yaml", atomically: false, encoding: .utf8)
        let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": config, "HOME": dir.path],
                                   executableDirectory: dir.file("bin"), workingDirectory: repoRoot.path)
        let entries = catalog.entries()
        #expect(entries.first?.name == "default")
        #expect(entries.first { $0.name == "light" }?.origin == .user)
        #expect(entries.first { $0.name == "gruvbox-dark" }?.origin == .workingDirectory)
        #expect(try catalog.resolve("light").get().theme[.text].attributes == [.bold])
        #expect((try? catalog.resolve("nonesuch").get()) == nil)
    }

    @Test func theThemeAndLanguageChoicesAreRememberedInOnePlace() throws {
        let dir = TempDir()
        let preferences = Preferences(directory: dir.file("config"))
        #expect(preferences.theme == nil && preferences.language == nil)
        preferences.theme = "gruvbox-dark"
        preferences.language = .zh
        let again = Preferences(directory: dir.file("config"))
        #expect(again.theme == "gruvbox-dark" && again.language == .zh)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("config")).sorted() == ["language", "theme"],
                "each choice is one small file, and no temporary file is left beside them")
    }
}
