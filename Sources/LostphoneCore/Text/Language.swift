/// A language the playbook and the screen can speak.
public enum Language: String, Codable, CaseIterable, Sendable, Hashable {
    case zh
    case en

    /// The language a locale string such as `zh_CN.UTF-8` or `en_GB` asks for: `zh*` is Chinese,
    /// anything else English.
    public static func fromLocale(_ identifier: String?) -> Language {
        guard let id = identifier?.lowercased(), !id.isEmpty else { return .en }
        return id.hasPrefix("zh") ? .zh : .en
    }

    /// The text of the two given in this language: the vocabularies name both at once, so
    /// neither can be missing.
    public func pick(zh: String, en: String) -> String {
        switch self {
        case .zh: zh
        case .en: en
        }
    }

    /// The other language, for the `L` key.
    public var toggled: Language { self == .zh ? .en : .zh }
}
