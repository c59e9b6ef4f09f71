/// A text in each of the playbook's languages.
///
/// One field per language rather than a dictionary: a playbook holds tens of thousands of texts
/// and every frame looks some up, and a dictionary per text cost most of the time it took to
/// read a compiled playbook.
public struct LocalizedText: Hashable, Sendable {
    private var zh: String?
    private var en: String?

    public init(_ values: [Language: String]) {
        zh = values[.zh]
        en = values[.en]
    }

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// A message of the program's own vocabulary in both languages, so whoever shows it later
    /// picks the person's language then (the screen's `L` may change it in between).
    public init(saying text: (Language) -> String) {
        self.init(zh: text(.zh), en: text(.en))
    }

    /// The texts a playbook gives, one language possibly missing.
    init(zh: String?, en: String?) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language` exactly, nil when it has none.
    public func value(_ language: Language) -> String? {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    /// The texts present, by language.
    public var values: [Language: String] {
        var result: [Language: String] = [:]
        for language in Language.allCases { result[language] = value(language) }
        return result
    }

    /// The text in `language`, falling back to the other language rather than showing nothing.
    public func text(_ language: Language) -> String {
        value(language) ?? value(language.toggled) ?? ""
    }

    public subscript(_ language: Language) -> String { text(language) }
}
