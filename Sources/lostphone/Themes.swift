import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// Lists the themes the program can find, and where.
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the themes found (use one with --theme NAME, or press t in the program).")

        @Option(name: .long, help: ArgumentHelp("Language of the messages: zh (Chinese) or en (English). Default: the one L chose on the full screen, else the locale.", valueName: "zh|en"))
        var lang: Language?

        func run() throws {
            let env = ProcessEnvironment.current()
            let language = lang ?? CommonOptions.rememberedOrLocaleLanguage(env)
            let choice = ThemeChoice(environment: env, requested: nil)
            let current = choice.preferences.theme ?? "default"
            for entry in choice.catalog.entries() {
                let mark = entry.name == current ? "*" : " "
                var line = "\(mark) \(entry.name.padding(toLength: max(16, entry.name.count), withPad: " ", startingAt: 0))  " + FileCheckWord.origin(entry.origin).text(in: language)
                if let path = entry.path {
                    line += "  \(path)"
                    if BuiltinThemes.names.contains(entry.name) { line += "  " + FileCheckWord.overridesBuiltin.text(in: language) }
                    let problems = ThemeLoader.load(contentsOf: path).problems
                    if !problems.isEmpty { line += "  " + FileCheckWord.themeProblems(count: problems.count, path: path).text(in: language) }
                }
                print(line)
            }
            print("")
            print(FileCheckWord.themesSearched(directories: choice.catalog.directories.map(\.0), builtins: BuiltinThemes.names).text(in: language))
        }
    }
}
