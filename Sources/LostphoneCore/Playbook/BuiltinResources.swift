/// The files compiled into the binary, so a copied binary works alone.
public enum BuiltinResources {
    /// The `cn-mainland` playbook, as YAML text: the source of the compiled playbook
    /// (`BuiltinPlaybook`), kept for `lostphone check`, the fuzzer's seeds and the tests.
    public static var playbookYAML: String { String(decoding: playbookBytes, as: UTF8.self) }
    /// The same, as bytes.
    public static var playbookBytes: [UInt8] { PackageResources.cn_mainland_yaml }
    /// The default theme, as YAML text.
    public static var defaultThemeYAML: String { BuiltinThemes.yaml(named: "default") ?? "" }
}

/// The built-in `cn-mainland` playbook as Swift values, generated from its YAML by
/// `scripts/generate-builtins.sh` (BuiltinPlaybook+Generated.swift): a start builds it without
/// parsing, and a YAML that does not load stops the script and fails the tests, never a start.
enum BuiltinPlaybook {
    static let playbook = make()

    /// A text in both languages, as the generated file spells every text.
    static func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }
}
