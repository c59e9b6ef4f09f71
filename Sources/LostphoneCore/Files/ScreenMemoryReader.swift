import Foundation

/// Reads `screen-ID.json` the way `Preferences.remember` writes it: one object of the memory's
/// own keys, each once, holding strings without escapes, whole numbers, a boolean, `null` or
/// nothing for `timelineEvent`, and objects of strings or whole numbers by string for the maps.
/// The full screen reads it before its first frame, where `JSONDecoder`'s first use in a run was
/// 4% of the static binary's processor time to that frame (generic metadata made by mangled
/// name, dynamic casts that scan every conformance record of the binary). Anything else it does
/// not judge: it returns nil (a key it does not know, a key twice, an escape, a fraction, a value
/// of the wrong type, bytes that are not UTF-8), and the file goes to `JSONDecoder`, which reads
/// it or not. What it returns is what `JSONDecoder` gives for the same bytes (tests compare them).
enum ScreenMemoryReader {
    /// The memory in `data`, or nil to leave the file to `JSONDecoder`.
    static func decode(_ data: Data) -> ScreenMemory? {
        data.withUnsafeBytes { bytes in
            var reader = PlainJSONReader(bytes: bytes, lineFeedIsSpace: true)
            return reader.screenMemory()
        }
    }
}

extension PlainJSONReader {
    fileprivate mutating func screenMemory() -> ScreenMemory? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var incident: String?, opened: String?, pane: String?, seq: Int?, detailScroll: Int?, detailOpen: Bool?
        var timelineEvent: Int?, selected: [String: String]?, providers: [String: String]?, groups: [String: String]?
        var top: [String: Int]?
        var seen = Set<String>()
        repeat {
            guard let name = string(), take(UInt8(ascii: ":")), seen.insert(name).inserted else { return nil }
            switch name {
            case "incident": guard let v = string() else { return nil }; incident = v
            case "opened": guard let v = string() else { return nil }; opened = v
            case "pane": guard let v = string() else { return nil }; pane = v
            case "seq": guard let v = int() else { return nil }; seq = v
            case "detailScroll": guard let v = int() else { return nil }; detailScroll = v
            case "detailOpen": guard let v = bool() else { return nil }; detailOpen = v
            case "selected": guard let v = object({ $0.string() }) else { return nil }; selected = v
            case "providers": guard let v = object({ $0.string() }) else { return nil }; providers = v
            case "groups": guard let v = object({ $0.string() }) else { return nil }; groups = v
            case "top": guard let v = object({ $0.int() }) else { return nil }; top = v
            // Absent for nil (JSONEncoder leaves it out), or null, which JSONDecoder reads as nil too.
            case "timelineEvent": if null() { continue }; guard let v = int() else { return nil }; timelineEvent = v
            default: return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        skipSpace()
        guard i == bytes.count, let incident, let opened, let pane, let seq, let detailScroll, let detailOpen,
              let selected, let providers, let groups, let top else { return nil }
        return ScreenMemory(incident: incident, opened: opened, seq: seq, pane: pane, selected: selected, top: top,
                            timelineEvent: timelineEvent, detailOpen: detailOpen, detailScroll: detailScroll,
                            providers: providers, groups: groups)
    }

    /// An object of `value`s by string key, each key once.
    private mutating func object<Value>(_ value: (inout PlainJSONReader) -> Value?) -> [String: Value]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var result: [String: Value] = [:]
        if take(UInt8(ascii: "}")) { return result }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")), result[key] == nil, let v = value(&self) else { return nil }
            result[key] = v
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? result : nil
    }
}
