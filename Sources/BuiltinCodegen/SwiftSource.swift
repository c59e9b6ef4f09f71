import LostphoneCore

/// Swift source text for values: string literals escaped so the compiler reads back exactly the
/// text the YAML gave, and the small value types of the playbook and themes.
enum SwiftSource {
    /// `text` as a Swift string literal: quotes, backslashes and every control or bidi character
    /// escaped, everything else (Chinese included) as it is.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || (0x200B...0x200F).contains(v) || (0x2028...0x202E).contains(v)
                    || (0x2066...0x2069).contains(v) || v == 0xFEFF {
                    out += "\\u{\(String(v, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func optional(_ text: String?) -> String { text.map(literal) ?? "nil" }

    /// A `LocalizedText`: `t(zh, en)` when it has both languages (the playbook helper), else the
    /// dictionary initialiser with what it has.
    static func text(_ t: LocalizedText) -> String {
        if let zh = t.value(.zh), let en = t.value(.en) { return "t(\(literal(zh)), \(literal(en)))" }
        let pairs = Language.allCases.compactMap { l in t.value(l).map { ".\(l.rawValue): \(literal($0))" } }
        return "LocalizedText([\(pairs.isEmpty ? ":" : pairs.joined(separator: ", "))])"
    }

    static func optionalText(_ t: LocalizedText?) -> String { t.map(text) ?? "nil" }

    /// An argument list, leaving out the arguments whose value is the initialiser's default.
    static func arguments(_ pairs: [(label: String, value: String, isDefault: Bool)], separator: String = ", ") -> String {
        pairs.filter { !$0.isDefault }.map { "\($0.label): \($0.value)" }.joined(separator: separator)
    }
}
