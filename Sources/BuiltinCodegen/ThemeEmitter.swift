import LostphoneCore

/// Writes the shipped themes as Swift source: one function per theme setting every style the
/// theme file gives (after its palette and the default theme beneath it are applied), so no
/// theme is parsed at start. The emitted file extends `BuiltinThemes`.
public enum ThemeEmitter {
    public static func swift(_ themes: [(file: String, theme: Theme)], from folder: String) -> String {
        var out = PlaybookEmitter.header(folder)
        out += "extension BuiltinThemes {\n"
        out += "    /// The shipped themes, default first: each name (its file's, without `.yaml`) and its maker.\n"
        out += "    static let compiled: [(name: String, make: @Sendable () -> Theme)] = [\n"
        for (i, entry) in themes.enumerated() {
            out += "        (\(SwiftSource.literal(entry.file)), theme\(i)),\n"
        }
        out += "    ]\n"
        for (i, entry) in themes.enumerated() {
            out += "\n    /// \(entry.file).yaml\n"
            out += "    private static func theme\(i)() -> Theme {\n"
            out += "        var s: [ThemeElement: Style] = [:]\n"
            for element in ThemeElement.allCases {
                guard let style = entry.theme.styles[element] else { continue }
                out += "        s[.\(element)] = \(self.style(style))\n"
            }
            out += "        return Theme(name: \(SwiftSource.literal(entry.theme.name)), styles: s)\n"
            out += "    }\n"
        }
        return out + "}\n"
    }

    static func style(_ s: Style) -> String {
        var attributes: [String] = []
        if s.attributes.contains(.bold) { attributes.append(".bold") }
        if s.attributes.contains(.underline) { attributes.append(".underline") }
        if s.attributes.contains(.reverse) { attributes.append(".reverse") }
        if s.attributes.contains(.dim) { attributes.append(".dim") }
        return "Style(" + SwiftSource.arguments([
            ("foreground", color(s.foreground), s.foreground == .default),
            ("background", color(s.background), s.background == .default),
            ("attributes", "[\(attributes.joined(separator: ", "))]", attributes.isEmpty),
        ]) + ")"
    }

    static func color(_ c: Color) -> String {
        switch c {
        case .default: ".default"
        case .ansi(let n): ".ansi(\(n))"
        case .indexed(let n): ".indexed(\(n))"
        case .rgb(let r, let g, let b): ".rgb(\(r), \(g), \(b))"
        }
    }
}
