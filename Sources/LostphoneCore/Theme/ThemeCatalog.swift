import Foundation

/// A theme the program can find, and where.
public struct ThemeEntry: Hashable, Sendable {
    public enum Origin: String, Sendable {
        /// `$XDG_CONFIG_HOME/lostphone/themes/`
        case user
        /// `Themes/` beside the binary (or in `../share/lostphone/Themes`).
        case installed
        /// `Themes/` in the working directory.
        case workingDirectory = "working directory"
        /// Compiled into the binary.
        case builtin = "built-in"
    }
    public var name: String
    /// The file; nil for a theme compiled into the binary.
    public var path: String?
    public var origin: Origin
}

/// Finds themes: the user's config directory first, then `Themes/` installed beside the binary,
/// then `Themes/` in the working directory, then the themes compiled into the binary (the six
/// shipped in `Themes/`), so every shipped theme is there from any folder.
public struct ThemeCatalog: Sendable {
    public let directories: [(String, ThemeEntry.Origin)]

    public init(environment: [String: String], executableDirectory: String, workingDirectory: String) {
        let config = XDGDirectory.config.lostphone("themes", environment: environment)
        let share = ((executableDirectory as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("share/lostphone/Themes")
        directories = [(config, .user),
                       ((executableDirectory as NSString).appendingPathComponent("Themes"), .installed),
                       (share, .installed),
                       ((workingDirectory as NSString).appendingPathComponent("Themes"), .workingDirectory)]
    }

    /// Every theme found, each name once (the first place wins), in the order `t` cycles them:
    /// the default first, then by name.
    public func entries() -> [ThemeEntry] {
        var byName: [String: ThemeEntry] = [:]
        for (dir, origin) in directories {
            let names = DirectoryNames.of(dir)
            for file in names.sorted() where file.hasSuffix(".yaml") && !file.hasPrefix(".") {
                let name = String(file.dropLast(5))
                if byName[name] == nil {
                    byName[name] = ThemeEntry(name: name, path: (dir as NSString).appendingPathComponent(file), origin: origin)
                }
            }
        }
        for name in BuiltinThemes.names where byName[name] == nil {
            byName[name] = ThemeEntry(name: name, path: nil, origin: .builtin)
        }
        return byName.values.sorted { a, b in
            a.name == "default" ? b.name != "default" : (b.name == "default" ? false : a.name < b.name)
        }
    }

    /// Loads a theme by name (see `entries`) or by file path. A name no folder has a file for is
    /// the compiled-in theme of that name. `known`: what `entries()` gave, when the caller has it
    /// already (a start lists the folders once).
    public func resolve(_ nameOrPath: String, known: [ThemeEntry]? = nil) -> Result<ThemeLoadResult, ThemeProblem> {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                return .failure(ThemeProblem(file: nameOrPath, .noSuchThemeFile))
            }
            return .success(ThemeLoader.load(contentsOf: nameOrPath))
        }
        let entries = known ?? entries()
        guard let entry = entries.first(where: { $0.name == nameOrPath }) else {
            return .failure(ThemeProblem(file: nameOrPath, .noSuchTheme(known: entries.map(\.name))))
        }
        guard let path = entry.path else {
            return .success(BuiltinThemes.load(entry.name) ?? ThemeLoadResult(theme: ThemeLoader.builtinDefault, problems: []))
        }
        var result = ThemeLoader.load(contentsOf: path)
        if entry.origin == .user && BuiltinThemes.names.contains(entry.name) && result.problems.isEmpty {
            result.notice = .ownFileReplacesBuiltin(name: entry.name, path: path)
        }
        return .success(result)
    }
}
