/// The shapes of a playbook's ids, numbers and voice-menu keys, checked byte by byte: a loaded
/// playbook checks several per step, and a regular expression per check made most of the
/// validation's time on a 10,000-step playbook. Each says exactly what the pattern beside it
/// in `PlaybookLoader` says (a test compares them on generated strings).
enum PlaybookPatterns {
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLowerOrDigit(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x61 && b <= 0x7A) }

    /// `^[a-z0-9][a-z0-9-]{0,63}$`
    static func isIdentifier(_ text: String) -> Bool {
        let u = text.utf8
        guard let first = u.first, u.count <= 64, isLowerOrDigit(first) else { return false }
        return u.allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// `^\+?[0-9]{2,}(-[0-9]{2,})*$`: digits in groups of two or more joined by single hyphens.
    static func isPhoneNumber(_ text: String) -> Bool {
        var u = Substring(text).utf8
        if u.first == UInt8(ascii: "+") { u = u.dropFirst() }
        var group = 0
        for b in u {
            if isDigit(b) { group += 1 }
            else if b == UInt8(ascii: "-") && group >= 2 { group = 0 }
            else { return false }
        }
        return group >= 2
    }

    /// `^[0-9*#]{1,4}$`
    static func isPress(_ text: String) -> Bool {
        let u = text.utf8
        return (1...4).contains(u.count) && u.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "#") }
    }

    /// `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
    static func isDate(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count == 10 else { return false }
        return u.indices.allSatisfy { i in i == 4 || i == 7 ? u[i] == UInt8(ascii: "-") : isDigit(u[i]) }
    }
}
