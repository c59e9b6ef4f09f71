/// The files compiled into the binary, so a copied binary works alone.
public enum BuiltinResources {
    /// The `cn-mainland` playbook, as YAML text.
    public static var playbookYAML: String { String(decoding: PackageResources.cn_mainland_yaml, as: UTF8.self) }
    /// The default theme, as YAML text.
    public static var defaultThemeYAML: String { String(decoding: PackageResources.default_theme_yaml, as: UTF8.self) }
}
