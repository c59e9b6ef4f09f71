/// An IMEI (the phone's serial number for the networks): 15 digits, the last a Luhn check digit
/// over the first 14 (3GPP TS 23.003). Police and carriers ask for it to block or trace a phone.
public enum IMEI {
    /// The digits of `text` with the spaces, hyphens and slashes people copy along removed, or
    /// nil when anything else is in it.
    public static func digits(_ text: String) -> String? {
        let kept = text.filter { !" -/.".contains($0) }
        guard !kept.isEmpty, kept.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return kept
    }

    /// The Luhn check digit of `body` (the first 14 digits).
    public static func checkDigit(_ body: String) -> Int {
        var sum = 0
        // From the right of the body, every first digit is doubled (the check digit comes after it).
        for (i, ch) in body.reversed().enumerated() {
            var d = ch.wholeNumberValue ?? 0
            if i % 2 == 0 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return (10 - sum % 10) % 10
    }

    /// Why `text` is not an IMEI, in words for the person; nil when it is one.
    public static func problem(_ text: String, _ words: Words) -> String? {
        guard let d = digits(text) else { return words[.imeiNotDigits] }
        guard d.count == 15 else { return words[.imeiLength(d.count)] }
        let expected = checkDigit(String(d.prefix(14)))
        guard d.last?.wholeNumberValue == expected else { return words[.imeiCheckDigit(expected)] }
        return nil
    }

    /// The IMEI as it is kept: its 15 digits, without separators; nil when it is not one.
    public static func normalized(_ text: String) -> String? {
        guard let d = digits(text), d.count == 15, d.last?.wholeNumberValue == checkDigit(String(d.prefix(14))) else { return nil }
        return d
    }
}
