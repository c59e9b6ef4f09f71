import Foundation
import LostphoneCore

/// The theme to start with and the ones `t` cycles through: `--theme`, else the remembered
/// choice, else the default. A theme that fails to load falls back to the default and says why.
struct ThemeChoice {
    let catalog: ThemeCatalog
    let preferences: Preferences
    var theme: Theme
    var name: String
    var names: [String]
    /// Why the theme asked for is not the one used, or a notice about it, in both languages.
    var problems: [LocalizedText]

    init(environment: [String: String], requested: String?) {
        catalog = ThemeCatalog(environment: environment, executableDirectory: Self.executableDirectory(CommandLine.arguments[0]),
                               workingDirectory: FileManager.default.currentDirectoryPath)
        preferences = Preferences(environment: environment)
        let entries = catalog.entries()
        names = entries.map(\.name)
        name = requested ?? preferences.theme ?? "default"
        theme = ThemeLoader.builtinDefault
        problems = []
        (theme, problems) = load(name, known: entries)
        if !problems.isEmpty && requested == nil { name = "default" }
    }

    /// The folder of the binary as started (`argument0`), symbolic links resolved: libc's
    /// `realpath`, since `URL.resolvingSymlinksInPath` costs a start some 0.4 M instructions of
    /// conformance lookups; `URL` as before for a path `realpath` cannot resolve.
    static func executableDirectory(_ argument0: String) -> String {
        if let resolved = realpath(argument0, nil) {
            defer { free(resolved) }
            let folder = PathName.folder(of: String(cString: resolved))
            if !folder.isEmpty { return folder }
        }
        return URL(fileURLWithPath: argument0).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    func load(_ name: String, known: [ThemeEntry]? = nil) -> (Theme, [LocalizedText]) {
        switch catalog.resolve(name, known: known) {
        // A file overriding a built-in theme is said like a problem, so the screen says why (#30).
        case .success(let result):
            return (result.theme, result.problems.map { LocalizedText(saying: $0.text) } + (result.notice.map { [LocalizedText(saying: $0.text)] } ?? []))
        case .failure(let problem): return (ThemeLoader.builtinDefault, [LocalizedText(saying: problem.text)])
        }
    }

    /// Every theme name `--theme` takes here (the shell's completion asks the binary).
    static func completions() -> [String] {
        ThemeChoice(environment: ProcessEnvironment.current(), requested: nil).names
    }

    func remember(_ name: String) {
        preferences.theme = name
    }
}
