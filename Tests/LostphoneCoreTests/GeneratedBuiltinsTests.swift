import Foundation
import Testing
@testable import BuiltinCodegen
@testable import LostphoneCore

/// The built-in playbook and themes are compiled in as Swift generated from their YAML
/// (scripts/generate-builtins.sh): the committed files must be exactly what the YAML gives now,
/// and the values they build must be what the loaders read from the YAML.
@Suite struct GeneratedBuiltinsTests {
    @Test func theCommittedFilesAreWhatTheYAMLGivesNow() throws {
        for file in try BuiltinSources.generate(root: repoRoot.path) {
            let committed = try String(contentsOfFile: repoRoot.appendingPathComponent(file.path).path, encoding: .utf8)
            #expect(committed == file.text, "\(file.path) is stale: run scripts/generate-builtins.sh and commit what it writes")
        }
    }

    @Test func theCompiledPlaybookIsTheOneTheYAMLLoadsTo() throws {
        let loaded = try BuiltinSources.loadPlaybook(root: repoRoot.path)
        #expect(PlaybookLoader.builtin() == loaded)
        // And the text built into the binary is the file's: `lostphone check` and the fuzzer read it.
        #expect((try? PlaybookLoader.load(yaml: BuiltinResources.playbookYAML, file: "cn-mainland.yaml").get()) == loaded)
    }

    @Test func everyCompiledThemeIsTheOneItsFileLoadsTo() throws {
        let loaded = try BuiltinSources.loadThemes(root: repoRoot.path)
        #expect(loaded.map(\.file) == BuiltinThemes.names)
        for (name, theme) in loaded {
            #expect(BuiltinThemes.theme(named: name) == theme, "the compiled \(name) differs from Themes/\(name).yaml")
        }
        #expect(ThemeLoader.builtinDefault == loaded[0].theme)
    }

    /// A change to the YAML shows in the generated Swift (so a stale file is caught), and a
    /// broken YAML generates nothing: it is refused with its line, as `lostphone check` says.
    @Test func anEditedGuideChangesTheSwiftAndABrokenOneIsRefused() throws {
        let dir = TempDir()
        let yamlPath = dir.file(BuiltinSources.playbookYAML)
        try FileManager.default.createDirectory(atPath: (yamlPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let original = BuiltinResources.playbookYAML
        let committed = try BuiltinSources.playbook(root: repoRoot.path).text

        try original.replacingOccurrences(of: "\"10086\"", with: "\"10087\"").write(toFile: yamlPath, atomically: false, encoding: .utf8)
        let edited = try BuiltinSources.playbook(root: dir.path).text
        #expect(edited != committed)
        #expect(edited.contains("\"10087\"") && !edited.contains("\"10086\""))

        try original.replacingOccurrences(of: "priority: 1\n", with: "priority: first\n").write(toFile: yamlPath, atomically: false, encoding: .utf8)
        #expect(throws: BuiltinSources.Problems.self) { try BuiltinSources.playbook(root: dir.path) }
        do { _ = try BuiltinSources.playbook(root: dir.path) } catch {
            #expect("\(error)".contains("cn-mainland.yaml:") && "\(error)".contains("priority must be a whole number"))
        }
    }

    /// Every text survives the trip through a Swift literal: quotes, backslashes, line breaks and
    /// invisible characters are escaped, Chinese is kept as it is.
    @Test func stringLiteralsEscapeWhatSwiftWouldReadOtherwise() {
        #expect(SwiftSource.literal("a\"b\\c\nd") == #""a\"b\\c\nd""#)
        #expect(SwiftSource.literal("手机\u{202E}") == "\"手机\\u{202E}\"")
        #expect(SwiftSource.literal("\u{7}") == "\"\\u{7}\"")
    }
}
