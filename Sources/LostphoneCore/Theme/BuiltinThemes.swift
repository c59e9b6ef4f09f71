/// The theme files shipped in `Themes/`, compiled into the binary so `t` and `--theme NAME`
/// work from any folder and in a copied or static binary: as Swift values generated from the
/// files (BuiltinThemes+Generated.swift, `scripts/generate-builtins.sh`), and as the files' text.
/// A file of the same name in the user's config folder, beside the binary or in `Themes/` of the
/// working directory wins.
public enum BuiltinThemes {
    /// The names of the shipped themes, default first.
    public static var names: [String] { compiled.map(\.name) }

    /// The YAML text of the shipped theme `name`, or nil.
    public static func yaml(named name: String) -> String? {
        let bytes: [UInt8]? = switch name {
        case "default": PackageResources.default_yaml
        case "gruvbox-dark": PackageResources.gruvbox_dark_yaml
        case "high-contrast": PackageResources.high_contrast_yaml
        case "light": PackageResources.light_yaml
        case "monochrome": PackageResources.monochrome_yaml
        case "solarized-dark": PackageResources.solarized_dark_yaml
        default: nil
        }
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The shipped theme `name`, built from the compiled values; nil for another name.
    public static func theme(named name: String) -> Theme? {
        compiled.first { $0.name == name }?.make()
    }

    /// Loads the shipped theme `name` (it has no problems: the tests load every file).
    public static func load(_ name: String) -> ThemeLoadResult? {
        theme(named: name).map { ThemeLoadResult(theme: $0, problems: []) }
    }
}
