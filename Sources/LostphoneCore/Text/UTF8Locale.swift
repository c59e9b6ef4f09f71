#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Making sure CJK text can be measured and drawn even when `LANG` and `LC_ALL` are unset or `C`.
public enum UTF8Locale {
    /// The UTF-8 locales tried, in order, when the environment's own is not UTF-8.
    public static let utf8Fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]

    /// Applies the environment's character type (`LC_CTYPE`, all that `wcwidth` and ncurses read);
    /// if it is not UTF-8, switches to the first UTF-8 locale that exists. Returns the `LC_CTYPE`
    /// in force, or nil when no UTF-8 locale could be set. Only the character type: the other
    /// categories (numbers, time, messages) stay "C", which nothing here reads, and loading
    /// them was a dozen files opened before the first frame.
    @discardableResult
    public static func ensureUTF8CharacterType() -> String? {
        setlocale(LC_CTYPE, "")
        if currentCodesetIsUTF8() { return currentCharacterType() }
        for name in utf8Fallbacks where setlocale(LC_CTYPE, name) != nil {
            if currentCodesetIsUTF8() { return name }
        }
        return nil
    }

    public static func currentCharacterType() -> String? {
        guard let p = setlocale(LC_CTYPE, nil) else { return nil }
        return String(cString: p)
    }

    public static func currentCodesetIsUTF8() -> Bool {
        guard let p = nl_langinfo(nl_item(CODESET)) else { return false }
        let cs = String(cString: p).lowercased()
        return cs == "utf-8" || cs == "utf8"
    }
}
