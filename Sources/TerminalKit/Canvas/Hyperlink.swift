import LostphoneCore

/// OSC 8 hyperlinks (https://gist.github.com/egmontkob/eb114294efbcd5adb1944c9f3cb5feda): the
/// terminal makes text clickable, so a web contact opens in the browser of the machine the person
/// sits at, over SSH too. The addresses come from a playbook file anyone can edit, so only
/// `http` and `https` links are made, and never one that could end the sequence early.
public enum Hyperlink {
    /// Terminals limit the length of a link's URL (VTE and kitty to 2083 bytes, as browsers once
    /// did); a longer address stays plain text.
    public static let maxURLBytes = 2083

    /// The address with its scheme: `https://` added when it has none (`weixin110.qq.com`).
    public static func withScheme(_ address: String) -> String {
        let lower = address.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? address : "https://" + address
    }

    /// The URL a web contact links to, or nil when the address cannot be a safe link: a control
    /// character anywhere (ESC, BEL, the C1 string terminator would end the sequence and let the
    /// rest act on the terminal), or too long. Any other byte outside printable ASCII (a space, a
    /// Chinese path) is percent-encoded, as OSC 8 requires.
    public static func url(forWebAddress address: String) -> String? {
        guard !address.isEmpty, !Sanitize.hasControlCharacters(address) else { return nil }
        var url = ""
        for byte in withScheme(address).utf8 {
            if byte > 0x20 && byte < 0x7F {
                url.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                url += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return url.utf8.count <= maxURLBytes ? url : nil
    }

    /// `ESC ] 8 ; ; URL ESC \`: what follows links to `url`, until `close`. Nil, so nothing is
    /// linked, unless every byte of `url` is printable ASCII.
    public static func open(_ url: String) -> String? {
        guard !url.isEmpty, url.utf8.count <= maxURLBytes, url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return "\u{1B}]8;;" + url + "\u{1B}\\"
    }

    /// `ESC ] 8 ; ; ESC \`: ends the link.
    public static let close = "\u{1B}]8;;\u{1B}\\"

    /// Whether to write hyperlinks. `LOSTPHONE_HYPERLINKS=0` turns them off and `1` on, whatever
    /// the terminal. Otherwise they are on, except where the terminal may show the sequence as
    /// text or has no browser to open: the Linux console (older kernels print the rest of an OSC
    /// string they do not know), a VT100 and its kind, `ansi`, `dumb` and Emacs' terminals. A
    /// terminal that does not know OSC 8 but parses OSC strings as ECMA-48 says drops it, and
    /// the text shows as it would without it.
    public static func enabled(environment: [String: String]) -> Bool {
        switch environment["LOSTPHONE_HYPERLINKS"] {
        case "0": return false
        case "1": return true
        default: break
        }
        guard let term = environment["TERM"]?.lowercased(), !term.isEmpty else { return false }
        if term == "linux" || term.hasPrefix("linux-") { return false }
        if term.hasPrefix("vt"), let next = term.dropFirst(2).first, next.isNumber { return false }
        if term == "ansi" || term.hasPrefix("ansi-") || term == "dumb" { return false }
        if term.hasPrefix("eterm") || term == "emacs" { return false }
        return true
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
