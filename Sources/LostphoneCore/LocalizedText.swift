/// A text in each of the playbook's languages.
public struct LocalizedText: Hashable, Sendable {
    public var values: [Language: String]

    public init(_ values: [Language: String]) { self.values = values }
    public init(zh: String, en: String) { self.values = [.zh: zh, .en: en] }

    /// The text in `language`, falling back to the other language rather than showing nothing.
    public func text(_ language: Language) -> String {
        if let v = values[language] { return v }
        return values[language.toggled] ?? ""
    }

    public subscript(_ language: Language) -> String { text(language) }
}
