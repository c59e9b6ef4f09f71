import Foundation
import ArgumentParser
import LostphoneCore

extension Lostphone {
    /// Validates playbooks and themes and says exactly where each problem is.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate playbook and theme files; exits non-zero on any problem.")

        @Argument(help: ArgumentHelp("Playbook or theme YAML files.", valueName: "file"),
                  completion: .file(extensions: ["yaml", "yml"]))
        var files: [String]

        @Option(name: .long, help: ArgumentHelp("Language of the messages: zh (Chinese) or en (English). Default: the one L chose on the full screen, else the locale.", valueName: "zh|en"))
        var lang: Language?

        func run() throws {
            let language = lang ?? CommonOptions.rememberedOrLocaleLanguage(ProcessEnvironment.current())
            var failed = 0
            for file in files {
                let problems = Self.problems(in: file)
                if problems.isEmpty {
                    print("\(file): ok")
                } else {
                    failed += 1
                    for p in problems { print(p.text(in: language)) }
                }
            }
            if failed > 0 {
                printError(FileCheckWord.checkFailed(failed: failed, total: files.count).text(in: language))
                throw ExitCode(1)
            }
        }

        /// A file with a `styles:` or `palette:` key is a theme; anything else a playbook.
        static func problems(in file: String) -> [FileProblem] {
            guard let data = FileManager.default.contents(atPath: file) else {
                return [FileProblem(file: file, .cannotReadPlaybook)]
            }
            let text = String(decoding: data, as: UTF8.self)
            let looksLikeTheme = text.split(separator: "\n").contains { $0.hasPrefix("styles:") || $0.hasPrefix("palette:") }
            if looksLikeTheme {
                return ThemeLoader.load(yaml: text, file: file).problems
            }
            switch PlaybookLoader.load(yaml: text, file: file) {
            case .success: return []
            case .failure(let e): return e.problems
            }
        }
    }
}
