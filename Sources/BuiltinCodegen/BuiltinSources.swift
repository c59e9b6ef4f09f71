import Foundation
import LostphoneCore

/// The built-in playbook and themes, read from their YAML in the source tree and written as the
/// Swift files the binary compiles: what `scripts/generate-builtins.sh` writes and what
/// `GeneratedBuiltinsTests` compares with the files committed.
public enum BuiltinSources {
    /// A generated file: where it goes, relative to the package root, and its text.
    public struct File: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// A YAML file that does not load: every problem, with its line and column.
    public struct Problems: Error, CustomStringConvertible {
        public var description: String
    }

    public static let playbookYAML = "Sources/LostphoneCore/Resources/cn-mainland.yaml"
    public static let playbookSwift = "Sources/LostphoneCore/Playbook/BuiltinPlaybook+Generated.swift"
    public static let themesFolder = "Themes"
    public static let themesSwift = "Sources/LostphoneCore/Theme/BuiltinThemes+Generated.swift"

    /// Both files, from the YAML under `root`; throws with every problem when a file does not load,
    /// so a broken built-in guide stops the build script and fails the tests, never a start.
    public static func generate(root: String) throws -> [File] {
        [try playbook(root: root), try themes(root: root)]
    }

    /// The playbook as `PlaybookLoader` reads it from the YAML.
    public static func loadPlaybook(root: String) throws -> Playbook {
        switch PlaybookLoader.load(contentsOf: root + "/" + playbookYAML) {
        case .success(let playbook): return playbook
        case .failure(let errors): throw Problems(description: errors.description)
        }
    }

    public static func playbook(root: String) throws -> File {
        File(path: playbookSwift, text: PlaybookEmitter.swift(try loadPlaybook(root: root), from: playbookYAML))
    }

    /// The shipped themes by file name, default first, as `ThemeLoader` reads them: the default
    /// over the last-resort theme, every other over the default.
    public static func loadThemes(root: String) throws -> [(file: String, theme: Theme)] {
        let folder = root + "/" + themesFolder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }
            .sorted { a, b in a == "default" ? b != "default" : (b == "default" ? false : a < b) }
        guard names.first == "default" else { throw Problems(description: "\(folder): there is no default.yaml") }
        var base = Theme.fallback
        var result: [(file: String, theme: Theme)] = []
        for name in names {
            let path = folder + "/" + name + ".yaml"
            guard let data = FileManager.default.contents(atPath: path) else { throw Problems(description: "\(path): cannot be read") }
            let loaded = ThemeLoader.load(yaml: String(decoding: data, as: UTF8.self), file: path, base: base)
            guard loaded.problems.isEmpty else { throw Problems(description: loaded.problems.map(\.description).joined(separator: "\n")) }
            if name == "default" { base = loaded.theme }
            result.append((name, loaded.theme))
        }
        return result
    }

    public static func themes(root: String) throws -> File {
        File(path: themesSwift, text: ThemeEmitter.swift(try loadThemes(root: root), from: themesFolder + "/*.yaml"))
    }
}
