import Foundation

/// A theme and what was wrong with its file. With any problem the theme is the built-in
/// default: a half-applied theme could hide exactly what the person needs to see.
public struct ThemeLoadResult: Sendable {
    public var theme: Theme
    public var problems: [ThemeProblem]
    /// Said when the theme was used, not a problem: a file of the person's in place of the
    /// built-in theme of the same name.
    public var notice: ThemeNotice? = nil

    public init(theme: Theme, problems: [ThemeProblem], notice: ThemeNotice? = nil) {
        self.theme = theme; self.problems = problems; self.notice = notice
    }
}

/// Reads theme files: a palette of named colours and a style per screen element (see
/// docs/themes.md). An element a theme leaves out keeps the default theme's style.
public enum ThemeLoader {
    static let maxBytes = 256 * 1024

    static let ansiNames: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// The compiled-in default theme (generated from Themes/default.yaml).
    public static let builtinDefault: Theme = BuiltinThemes.theme(named: "default") ?? .fallback

    /// Loads a theme from YAML text; `file` names it in problems.
    public static func load(yaml: String, file: String) -> ThemeLoadResult {
        load(yaml: yaml, file: file, base: builtinDefault)
    }

    /// Loads a theme from YAML text over `base`: an element the file leaves out keeps `base`'s
    /// style, and with any problem the theme is `base` itself.
    public static func load(yaml: String, file: String, base: Theme) -> ThemeLoadResult {
        var result = parse(yaml: yaml, file: file, base: base)
        if result.problems.isEmpty { result.problems = unreadable(result.theme, file: file) }
        return result.problems.isEmpty ? result : ThemeLoadResult(theme: base, problems: result.problems)
    }

    /// Elements whose text could not be seen on any terminal: the same colour (or nearly) as
    /// their background, whether the terminal is dark or light. A black-on-black theme would
    /// leave the screen blank with no word of why, so it is refused and named instead.
    static func unreadable(_ theme: Theme, file: String) -> [ThemeProblem] {
        ThemeElement.allCases.compactMap { element in
            let style = theme.style(element)
            let ratios = [Contrast.TerminalColors.dark, .light].map { Contrast.of(style, depth: .truecolor, terminal: $0) }
            guard let best = ratios.max(), best < 1.5 else { return nil }
            return ThemeProblem(file: file, .unreadableStyle(element: element.rawValue, contrast: best))
        }
    }

    /// Loads a theme file.
    public static func load(contentsOf path: String) -> ThemeLoadResult {
        // The size is checked before the file is read, so a huge file is never read whole.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            return ThemeLoadResult(theme: builtinDefault, problems: [ThemeProblem(file: path, .tooLarge(bytes: size, limit: maxBytes))])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return ThemeLoadResult(theme: builtinDefault, problems: [ThemeProblem(file: path, .cannotReadTheme)])
        }
        return load(yaml: String(decoding: data, as: UTF8.self), file: path)
    }

    static func parse(yaml: String, file: String, base: Theme) -> ThemeLoadResult {
        let (root, problems) = YAMLReader.compose(yaml, file: file, maxBytes: maxBytes)
        guard let root else { return ThemeLoadResult(theme: base, problems: problems) }
        let reader = YAMLReader(file: file)
        var theme = base
        theme.name = (file as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
        guard let top = reader.mapping(root, "theme", allowed: ["name", "description", "palette", "styles"], required: ["styles"]) else {
            return ThemeLoadResult(theme: base, problems: reader.problems)
        }
        if let n = top["name"], let name = reader.string(n, "name") { theme.name = name }
        if let d = top["description"] { _ = reader.string(d, "description") }

        var palette: [String: Color] = [:]
        if let p = top["palette"], let map = reader.mapping(p, "palette", allowed: Set(paletteKeys(p))) {
            for (name, node) in map.sorted(by: { $0.key < $1.key }) {
                if name == "default" || ansiNames[name] != nil {
                    reader.report(node, .builtinColourName(name))
                } else if name.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) == nil {
                    reader.report(node, .badPaletteName(name))
                } else if let color = color(node, "palette.\(name)", palette: [:], reader) {
                    palette[name] = color
                }
            }
        }

        if let s = top["styles"],
           let map = reader.mapping(s, "styles", allowed: Set(ThemeElement.allCases.map(\.rawValue))) {
            for (name, node) in map {
                guard let element = ThemeElement(rawValue: name) else { continue }
                if let style = style(node, "styles.\(name)", palette: palette, reader) { theme.styles[element] = style }
            }
        }
        return ThemeLoadResult(theme: theme, problems: reader.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    private static func paletteKeys(_ node: YAMLNode) -> [String] {
        node.mapping?.compactMap { $0.key.string } ?? []
    }

    static func style(_ node: YAMLNode, _ what: String, palette: [String: Color], _ reader: YAMLReader) -> Style? {
        guard let map = reader.mapping(node, what, allowed: ["fg", "bg", "bold", "underline", "reverse", "dim"]) else { return nil }
        var style = Style()
        if let n = map["fg"] { guard let c = color(n, "\(what).fg", palette: palette, reader) else { return nil }; style.foreground = c }
        if let n = map["bg"] { guard let c = color(n, "\(what).bg", palette: palette, reader) else { return nil }; style.background = c }
        let flags: [(String, TextAttributes)] = [("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim)]
        for (key, attribute) in flags {
            if let n = map[key] {
                guard let on = reader.bool(n, "\(what).\(key)") else { return nil }
                if on { style.attributes.insert(attribute) }
            }
        }
        return style
    }

    /// `default`, an ANSI name, a palette name, `#rrggbb`, or 0–255.
    static func color(_ node: YAMLNode, _ what: String, palette: [String: Color], _ reader: YAMLReader) -> Color? {
        guard let text = reader.string(node, what) else { return nil }
        if let c = parseColor(text, palette: palette) { return c }
        reader.report(node, .notAColour(what: what, value: text))
        return nil
    }

    public static func parseColor(_ text: String, palette: [String: Color] = [:]) -> Color? {
        if text == "default" { return .default }
        if let n = ansiNames[text] { return .ansi(n) }
        if let c = palette[text] { return c }
        if let n = Int(text), (0...255).contains(n) { return .indexed(UInt8(n)) }
        if text.count == 7, text.hasPrefix("#"), let v = UInt32(text.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        }
        return nil
    }
}
