import Foundation

/// JSONDecoder takes the last of two equal keys in an object without a word; a journal line
/// with one key twice was not written by lostphone, and would read differently in other tools.
enum DuplicateKeys {
    /// The first key that stands twice at the top level of the JSON object in `line`, or nil.
    /// Only the top level is looked at: journal events are flat.
    static func first(in line: Data.SubSequence) -> String? {
        var seen = Set<String>()
        var depth = 0, inString = false, escaped = false, isKey = false
        var start = line.startIndex
        var previous: UInt8 = 0
        for i in line.indices {
            let b = line[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") {
                    inString = false
                    previous = b
                    if isKey {
                        let key = name(line[start..<i])
                        if !seen.insert(key).inserted { return key }
                    }
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                inString = true
                start = i + 1
                // At the top level, a string right after `{` or `,` is a key.
                isKey = depth == 1 && (previous == UInt8(ascii: "{") || previous == UInt8(ascii: ","))
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): continue
            default: break
            }
            previous = b
        }
        return nil
    }

    /// A key's text, its escapes (`"se\u0071"`) resolved so that they cannot hide a repeat.
    private static func name(_ raw: Data.SubSequence) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        let quoted = Data([UInt8(ascii: "\"")]) + raw + Data([UInt8(ascii: "\"")])
        return (try? JSONDecoder().decode(String.self, from: quoted)) ?? String(decoding: raw, as: UTF8.self)
    }
}
