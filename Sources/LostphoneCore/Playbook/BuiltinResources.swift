/// The files compiled into the binary, so a copied binary works alone.
public enum BuiltinResources {
    /// The `cn-mainland` playbook, as YAML text.
    public static var playbookYAML: String { String(decoding: playbookBytes, as: UTF8.self) }
    /// The same, as bytes.
    public static var playbookBytes: [UInt8] { PackageResources.cn_mainland_yaml }
    /// The default theme, as YAML text.
    public static var defaultThemeYAML: String { BuiltinThemes.yaml(named: "default") ?? "" }
}
