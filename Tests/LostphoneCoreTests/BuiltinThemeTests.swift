import Foundation
import Testing
@testable import LostphoneCore

/// The themes in `Themes/` are compiled into the binary, and files override them by name.
@Suite struct BuiltinThemeTests {
    @Test func everyFileInThemesIsBuiltInWithTheSameText() throws {
        let folder = repoRoot.appendingPathComponent("Themes").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltinThemes.names),
                "Themes/ and the built-in list differ: add the file to Package.swift and BuiltinThemes")
        for name in BuiltinThemes.names {
            let text = try String(contentsOfFile: "\(folder)/\(name).yaml", encoding: .utf8)
            #expect(BuiltinThemes.yaml(named: name) == text, "the built-in \(name) differs from Themes/\(name).yaml")
        }
    }

    @Test(arguments: BuiltinThemes.names)
    func everyBuiltInThemeLoadsWithoutAProblem(name: String) throws {
        let result = try #require(BuiltinThemes.load(name))
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.theme.name == name)
    }

    @Test func fromAnEmptyFolderEveryShippedThemeIsFoundBuiltIn() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(atPath: dir.file("empty"), withIntermediateDirectories: true)
        let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": dir.file("config"), "HOME": dir.path],
                                   executableDirectory: dir.file("bin"), workingDirectory: dir.file("empty"))
        let entries = catalog.entries()
        #expect(entries.map(\.name) == ["default", "gruvbox-dark", "high-contrast", "light", "monochrome", "solarized-dark"])
        #expect(entries.allSatisfy { $0.origin == .builtin && $0.path == nil })
        let solarized = try catalog.resolve("solarized-dark").get()
        #expect(solarized.problems.isEmpty)
        #expect(solarized.theme.name == "solarized-dark")
        #expect(solarized.theme[.text].background == .rgb(0x00, 0x2b, 0x36))
    }

    @Test func aUserFileOverridesTheBuiltInThemeOfItsName() throws {
        let dir = TempDir()
        let config = dir.file("config")
        try FileManager.default.createDirectory(atPath: config + "/lostphone/themes", withIntermediateDirectories: true)
        try "styles: {text: {underline: true}}\n".write(toFile: config + "/lostphone/themes/monochrome.yaml", atomically: false, encoding: .utf8)
        let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": config, "HOME": dir.path],
                                   executableDirectory: dir.file("bin"), workingDirectory: dir.file("nowhere"))
        #expect(catalog.entries().first { $0.name == "monochrome" }?.origin == .user)
        #expect(try catalog.resolve("monochrome").get().theme[.text].attributes == [.underline])
        #expect(catalog.entries().first { $0.name == "light" }?.origin == .builtin)
    }
}
