import Foundation
import LostphoneCore

/// `ThemeLoader.load(yaml:file:)` on mutations of the built-in theme and the shipped ones
/// (`Themes/`, read from the current directory). A theme with problems names them (`check`) and
/// falls back to the built-in default theme.
struct ThemeTarget: FuzzTarget {
    let seeds: [Seed]
    let tokens = yamlTokens
    let sizeLimit = 256 * 1024

    init() {
        var seeds = [Seed(name: "built-in default theme", bytes: Array(BuiltinResources.defaultThemeYAML.utf8))]
        let directory = "Themes"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        for name in names {
            if let data = FileManager.default.contents(atPath: directory + "/" + name) {
                seeds.append(Seed(name: name, bytes: Array(data)))
            }
        }
        self.seeds = seeds
    }

    func run(_ input: [UInt8]) throws(Failure) -> Outcome {
        let text = String(decoding: input, as: UTF8.self)
        let result = ThemeLoader.load(yaml: text, file: "fuzz.yaml")
        if result.problems.isEmpty { return .accepted }
        try check(result.problems, lines: lineCount(text), what: "theme")
        if result.theme != ThemeLoader.builtinDefault {
            throw Failure(rule: "theme with problems did not fall back to the default theme", detail: result.problems[0].description)
        }
        return .refused
    }
}
