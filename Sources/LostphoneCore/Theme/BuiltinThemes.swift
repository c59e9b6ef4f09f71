/// The theme files shipped in `Themes/`, compiled into the binary so `t` and `--theme NAME`
/// work from any folder and in a copied or static binary. A file of the same name in the
/// user's config folder, beside the binary or in `Themes/` of the working directory wins.
public enum BuiltinThemes {
    /// Each shipped theme's name (its file name without `.yaml`) and YAML text, default first.
    public static let files: [(name: String, yaml: String)] = [
        ("default", PackageResources.default_yaml),
        ("gruvbox-dark", PackageResources.gruvbox_dark_yaml),
        ("high-contrast", PackageResources.high_contrast_yaml),
        ("light", PackageResources.light_yaml),
        ("monochrome", PackageResources.monochrome_yaml),
        ("solarized-dark", PackageResources.solarized_dark_yaml),
    ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }

    /// The names of the shipped themes, default first.
    public static var names: [String] { files.map(\.name) }

    /// The YAML text of the shipped theme `name`, or nil.
    public static func yaml(named name: String) -> String? {
        files.first { $0.name == name }?.yaml
    }

    /// Loads the shipped theme `name`; problems name it as `<built-in>/NAME.yaml`.
    public static func load(_ name: String) -> ThemeLoadResult? {
        guard let yaml = yaml(named: name) else { return nil }
        if name == "default" { return ThemeLoadResult(theme: ThemeLoader.builtinDefault, problems: []) }
        return ThemeLoader.load(yaml: yaml, file: "<built-in>/\(name).yaml")
    }
}
