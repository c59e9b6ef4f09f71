/// Reads the plain part of JSON that lostphone's own files hold: strings without escapes, whole
/// numbers, booleans and null, between the punctuation of objects. The journal's line reader
/// (`EventLine`) and the screen memory's (`ScreenMemoryReader`) use it: `JSONDecoder` made most
/// of the time of opening a long journal, and its first use in a run a part of the start to the
/// first frame. Each returns nil where the bytes are anything else, and the caller leaves the
/// whole line or file to `JSONDecoder`, which reads it or says what is wrong.
struct PlainJSONReader {
    let bytes: UnsafeRawBufferPointer
    /// Whether a line feed is space between tokens: not on a journal line, which a line feed ends.
    let lineFeedIsSpace: Bool
    var i = 0

    init(bytes: UnsafeRawBufferPointer, lineFeedIsSpace: Bool) {
        self.bytes = bytes
        self.lineFeedIsSpace = lineFeedIsSpace
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || (lineFeedIsSpace && bytes[i] == 0x0A) { i += 1 }
    }

    mutating func take(_ b: UInt8) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == b else { return false }
        i += 1
        return true
    }

    /// A string without escapes or control characters, as valid UTF-8.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let text = UTF8Text.valid(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
                i += 1
                return text
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            i += 1
        }
        return nil
    }

    /// A whole number as JSON writes one (no leading zeros, no fraction, no exponent).
    mutating func int() -> Int? {
        skipSpace()
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        let start = i
        var value = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
            guard !o1, !o2 else { return nil }
            value = a
            i += 1
        }
        let digits = i - start
        guard digits > 0, digits == 1 || bytes[start] != 0x30, !(negative && value == 0) else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") { return nil }
        return negative ? -value : value
    }

    mutating func word(_ w: StaticString) -> Bool {
        skipSpace()
        let n = w.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != w.utf8Start[k] { return false }
        i += n
        return true
    }

    mutating func bool() -> Bool? {
        if word("true") { return true }
        if word("false") { return false }
        return nil
    }

    /// `null`, which every optional key may hold (as absent); the caller checks the key may.
    mutating func null() -> Bool { word("null") }
}
