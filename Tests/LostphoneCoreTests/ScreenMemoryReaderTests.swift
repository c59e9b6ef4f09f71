import Foundation
import Testing
@testable import LostphoneCore

/// The screen memory's direct reader (`ScreenMemoryReader`) must give what `JSONDecoder` gives,
/// or leave the file to it: never a different memory, and `Preferences.screen(for:)` the same.
@Suite final class ScreenMemoryReaderTests {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-memory-reader-\(UUID().uuidString)").path
    deinit { try? FileManager.default.removeItem(atPath: directory) }

    static func viaDecoder(_ data: Data) -> ScreenMemory? { try? JSONDecoder().decode(ScreenMemory.self, from: data) }

    /// Memories of every shape the screen leaves: ids of any text (CJK, emoji, a quote, a
    /// backslash, a slash, a control character, combining marks), empty and full maps, numbers
    /// up to the largest, with and without a timeline event.
    static let memories: [ScreenMemory] = {
        var rng: UInt64 = 5
        func next() -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int(rng >> 33) }
        let pieces = ["sim", "bank", "china-mobile", "20261124-210000", "_", ".", "9", "王小明", "招商银行", "中国移动",
                      "备注", "📱", "é", "e\u{301}", " ", "\"", "\\", "/", "\n", "\u{7F}", "ß"]
        func text() -> String { (0..<(next() % 4)).map { _ in pieces[next() % (next() % 20 == 0 ? pieces.count : 14)] }.joined() }
        func number() -> Int {
            switch next() % 5 {
            case 0: return 0
            case 1: return Int.max
            case 2: return -Int.max
            case 3: return -(next() % 1000)
            default: return next() << 31 | next()
            }
        }
        func map<Value>(_ value: () -> Value) -> [String: Value] {
            Dictionary((0..<(next() % 4)).map { _ in (text(), value()) }, uniquingKeysWith: { a, _ in a })
        }
        return (0..<400).map { _ in
            ScreenMemory(incident: text(), opened: text(), seq: number(), pane: text(), selected: map(text), top: map(number),
                         timelineEvent: next() % 2 == 0 ? nil : number(), detailOpen: next() % 2 == 0, detailScroll: number(),
                         providers: map(text), groups: map(text))
        }
    }()

    @Test func everyMemoryWrittenWithoutAnEscapeIsReadDirectlyAsJSONDecoderReadsIt() throws {
        var direct = 0
        for memory in Self.memories {
            let data = try #require(Preferences.encode(memory))
            let text = String(decoding: data, as: UTF8.self)
            #expect(Self.viaDecoder(data) == memory, "JSONDecoder reads back another memory: \(text)")
            // JSONEncoder leaves a nil timeline event out rather than writing null.
            #expect(text.contains("\"timelineEvent\"") == (memory.timelineEvent != nil), "\(text)")
            if text.contains("\\") {
                #expect(ScreenMemoryReader.decode(data) == nil, "a memory with an escape is left to JSONDecoder: \(text)")
            } else {
                #expect(ScreenMemoryReader.decode(data) == Self.viaDecoder(data), "read differently: \(text)")
                direct += 1
            }
        }
        #expect(direct > Self.memories.count / 2, "only \(direct) of \(Self.memories.count) memories were read directly")
    }

    /// JSON's spaces, tabs, carriage returns and line feeds between tokens, as a pretty-printing
    /// encoder or a person's editor leaves them.
    @Test func spaceBetweenTokensIsReadDirectly() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        var read = 0
        for memory in Self.memories {
            let pretty = try encoder.encode(memory)
            guard !pretty.contains(UInt8(ascii: "\\")) else { continue }
            // A line feed in the output is never inside a string (it would be escaped).
            let spaced = Data(pretty.flatMap { $0 == 0x0A ? [0x0D, 0x0A, 0x09] : [$0] } + [0x0A, 0x20])
            for data in [pretty, spaced] {
                #expect(ScreenMemoryReader.decode(data) == memory, "\(String(decoding: data, as: UTF8.self))")
                #expect(Self.viaDecoder(data) == memory)
            }
            read += 1
        }
        #expect(read > 100)
    }

    static let incident = ScreenMemoryTests.incident(at: "2026-11-24T21:00:00.000+08:00")
    /// A memory of the test incident as `remember` writes it.
    static let written = #"{"detailOpen":false,"detailScroll":0,"groups":{"brand":"apple"},"incident":"20261124-210000","opened":"2026-11-24T21:00:00.000+08:00","pane":"locate","providers":{"erase":"apple"},"selected":{"locate":"erase"},"seq":1,"timelineEvent":1,"top":{"locate":3}}"#

    @Test func theWrittenMemoryIsWhatRememberWrites() throws {
        let memory = ScreenMemory(incident: Self.incident.id, opened: Self.incident.startedAt.text, seq: 1, pane: "locate",
                                  selected: ["locate": "erase"], top: ["locate": 3], timelineEvent: 1, detailOpen: false,
                                  detailScroll: 0, providers: ["erase": "apple"], groups: ["brand": "apple"])
        #expect(String(decoding: try #require(Preferences.encode(memory)), as: UTF8.self) == Self.written)
    }

    static func edited(_ from: String, _ to: String) -> Data {
        precondition(written.contains(from), from)
        return Data(written.replacingOccurrences(of: from, with: to).utf8)
    }

    /// Files of the test incident the direct reader must leave to JSONDecoder, which reads some
    /// of them (an escape, a key it ignores, a fraction it takes as whole) and refuses the rest.
    static let leftToTheDecoder: [(String, Data)] = [
        ("an escape", edited(#""pane":"locate""#, #""pane":"lo\u0063ate""#)),
        ("an escaped slash", edited(#""erase":"apple""#, #""erase":"a\/pple""#)),
        ("an escape in a key", edited(#""seq":1"#, #""s\u0065q":1"#)),
        ("a key twice", edited(#""seq":1"#, #""seq":1,"seq":2"#)),
        ("a key twice in a map", edited(#"{"brand":"apple"}"#, #"{"brand":"apple","brand":"huawei"}"#)),
        ("a key twice in a map, composed and decomposed", edited(#"{"brand":"apple"}"#, "{\"\u{E9}\":\"apple\",\"e\u{301}\":\"huawei\"}")),
        ("an unknown key", edited(#""seq":1"#, #""seq":1,"extra":1"#)),
        ("a fraction", edited(#""seq":1"#, #""seq":1.0"#)),
        ("a half", edited(#""seq":1"#, #""seq":1.5"#)),
        ("an exponent", edited(#""seq":1"#, #""seq":1e0"#)),
        ("a fraction in a map", edited(#""locate":3"#, #""locate":3.0"#)),
        ("a leading zero", edited(#""seq":1"#, #""seq":01"#)),
        ("minus zero", edited(#""seq":1"#, #""seq":-0"#)),
        ("the smallest whole number", edited(#""seq":1"#, #""seq":-9223372036854775808"#)),
        ("a number too large", edited(#""seq":1"#, #""seq":9223372036854775808"#)),
        ("a missing key", edited(#""pane":"locate","#, "")),
        ("a missing map", edited(#""top":{"locate":3}"#, #""tops":{}"#)),
        ("trailing garbage", Data((written + "x").utf8)),
        ("a second object", Data((written + "{}").utf8)),
        ("a trailing comma", edited(#""top":{"locate":3}"#, #""top":{"locate":3},"#)),
        ("a trailing comma in a map", edited(#"{"brand":"apple"}"#, #"{"brand":"apple",}"#)),
        ("a string for a number", edited(#""seq":1"#, #""seq":"1""#)),
        ("a number for a boolean", edited(#""detailOpen":false"#, #""detailOpen":0"#)),
        ("null for a string", edited(#""pane":"locate""#, #""pane":null"#)),
        ("null for a map", edited(#""groups":{"brand":"apple"}"#, #""groups":null"#)),
        ("a list for a map", edited(#"{"locate":"erase"}"#, #"["erase"]"#)),
        ("a string in the numbers' map", edited(#""locate":3"#, #""locate":"3""#)),
        ("a number in the strings' map", edited(#""erase":"apple""#, #""erase":7"#)),
        ("a string for the timeline event", edited(#""timelineEvent":1"#, #""timelineEvent":"1""#)),
        ("true for the timeline event", edited(#""timelineEvent":1"#, #""timelineEvent":true"#)),
        ("a map nested in a map", edited(#"{"brand":"apple"}"#, #"{"brand":{"x":"apple"}}"#)),
        ("nested too deep", edited(#""seq":1"#, #""seq":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))),
        ("a control character in a string", edited(#""pane":"locate""#, "\"pane\":\"lo\tcate\"")),
        ("a byte order mark", Data([0xEF, 0xBB, 0xBF] + Array(written.utf8))),
        ("an empty file", Data()),
        ("an empty object", Data("{}".utf8)),
        ("null", Data("null".utf8)),
        ("invalid UTF-8", Data(Array(#"{"detailOpen":false,"detailScroll":0,"groups":{"brand":""#.utf8) + [0xFF, 0xE4, 0xB8, 0x22]
                              + Array(written.drop(while: { $0 != "}" }).utf8))),
        ("a cut file", Data(written.utf8.dropLast(9))),
    ]

    @Test(arguments: leftToTheDecoder)
    func whatTheDirectReaderLeavesOutIsReadAsJSONDecoderReadsIt(_ name: String, _ data: Data) throws {
        #expect(ScreenMemoryReader.decode(data) == nil, "read directly: \(name)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: directory + "/screen-\(Self.incident.id).json"))
        let expected = Self.viaDecoder(data).flatMap { $0.incident == Self.incident.id && $0.opened == Self.incident.startedAt.text ? $0 : nil }
        #expect(Preferences(directory: directory).screen(for: Self.incident) == expected, "\(name)")
    }

    /// The list above holds files JSONDecoder reads, so the fall back is seen to work.
    @Test func someOfWhatIsLeftToJSONDecoderIsRead() {
        let read = Self.leftToTheDecoder.filter { Self.viaDecoder($0.1) != nil }.map(\.0)
        #expect(read.count >= 4, "\(read)")
    }

    @Test(arguments: [
        ("as written", Data(written.utf8)),
        ("no timeline event", edited(#","timelineEvent":1"#, "")),
        ("a null timeline event", edited(#""timelineEvent":1"#, #""timelineEvent":null"#)),
        ("keys in another order", edited(#""detailOpen":false,"detailScroll":0,"#, "").dropLast() + Data(#","detailScroll":0,"detailOpen":false}"#.utf8)),
        ("empty maps", edited(#"{"brand":"apple"}"#, "{}")),
        ("a line feed at the end", Data((written + "\n").utf8)),
    ])
    func aMemoryAsWrittenIsReadDirectlyAndGivenToItsIncident(_ name: String, _ data: Data) throws {
        let direct = try #require(ScreenMemoryReader.decode(data), "\(name)")
        #expect(direct == Self.viaDecoder(data), "\(name)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: directory + "/screen-\(Self.incident.id).json"))
        #expect(Preferences(directory: directory).screen(for: Self.incident) == direct, "\(name)")
    }

    /// Damaged files: every byte changed, removed or doubled, and a few thousand random edits.
    /// Whatever the direct reader accepts, JSONDecoder must read to the same memory.
    @Test func aDamagedMemoryIsNeverReadDifferentlyFromJSONDecoder() throws {
        var damage = DamagedBytes(seed: 29, replacements: Array("{}[]\":,\\ 0-19.eEtrufalsn\u{7F}".utf8) + [0x00, 0x0A, 0x0D, 0xC3, 0xE7, 0xFF])
        var accepted = 0, checked = 0
        let samples = try [Data(Self.written.utf8)] + Self.memories.prefix(20).map { try #require(Preferences.encode($0)) }
        for sample in samples {
            for variant in damage.variants(of: [UInt8](sample), randomEdits: 300) {
                let data = Data(variant)
                checked += 1
                guard let direct = ScreenMemoryReader.decode(data) else { continue }
                accepted += 1
                #expect(Self.viaDecoder(data) == direct, "read differently from JSONDecoder: \(String(decoding: data, as: UTF8.self))")
            }
        }
        #expect(accepted > 0 && accepted < checked, "the damaged files should be partly accepted (\(accepted) of \(checked))")
    }
}
