import Foundation
import Testing
@testable import LostphoneCore

/// The journal's direct line reader (`EventLine`) must give what `JSONDecoder` gives, or leave
/// the line to it: never a different event.
@Suite struct EventLineTests {
    /// Every event lostphone writes, with every field set somewhere: the encoder's own lines.
    static let events: [Event] = {
        let t = Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!
        let later = Timestamp(parsing: "2026-11-25T09:30:00.250+08:00")!
        let events: [Event] = [
            Event(seq: 1, at: t, .opened(.init(journalVersion: 2, preparedEvents: 0, playbook: "cn-mainland", playbookVersion: 3))),
            Event(seq: 2, at: t, .details(.init(lostAt: later, device: DeviceDetails(
                model: "iPhone 12 \"Pro\"", imei: "356938035643809", number: "+86 138 0000 0000", owner: "王小明",
                insurer: "平安", policy: "P-1/2", claimWithin: "30d")))),
            Event(seq: 3, at: later, happenedAt: t, .move(.init(step: "sim", from: .pending, to: .blocked, provider: "china-mobile", due: later))),
            Event(seq: 4, at: later, .note(.init(step: "bank", provider: "icbc", text: "受理号 A1\\n二行", closes: "e3"))),
            Event(seq: 5, at: later, .note(.init(step: "bank", text: "back\\slash and / and é"))),
            Event(seq: 6, at: later, prepared: true, .mine(.init(step: "bank", provider: "icbc", mine: false))),
            Event(seq: 7, at: later, .undo(.init(step: "bank", from: .done, to: .blocked, provider: "icbc", undoes: 6,
                                                 legacy: .init(previousProvider: "x", previousNote: "old")))),
            Event(seq: 8, at: later, .noneOfMine(step: "lending")),
            Event(seq: 9, at: later, .resolved),
        ]
        return events
    }()

    /// Their lines, as the journal holds them (without the newline).
    static let written: [Data] = events.map { Journal.encode($0).dropLast() }

    /// The lines above set every field an event has, so a field added to `Event.Wire` and not to them
    /// (nor, then, to the direct reader) fails here rather than going silently to the slow path.
    @Test func theWrittenLinesSetEveryFieldOfAnEvent() throws {
        let fields = Set(Mirror(reflecting: Event.Wire(seq: 1, at: Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!, kind: .opened))
            .children.compactMap(\.label))
        var keys = Set<String>()
        for line in Self.written {
            let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
            keys.formUnion(object.keys)
        }
        #expect(fields.count > 20)
        #expect(fields.subtracting(keys).isEmpty, "fields no written line sets: \(fields.subtracting(keys).sorted())")
    }

    static func viaDecoder(_ line: Data) -> Event? { try? JSONDecoder().decode(Event.self, from: line) }
    static func direct(_ line: Data) -> Event? { line.withUnsafeBytes { EventLine.decode($0) } }

    @Test func everyLineLostphoneWritesWithoutEscapesIsReadDirectlyToTheSameEvent() throws {
        for line in Self.written {
            let expected = try #require(Self.viaDecoder(line))
            let text = String(decoding: line, as: UTF8.self)
            if text.contains("\\") {
                #expect(Self.direct(line) == nil, "a line with an escape is left to JSONDecoder: \(text)")
            } else {
                #expect(Self.direct(line) == expected, "read differently: \(text)")
            }
        }
        // The fixture journals of earlier versions, line by line.
        let folder = repoRoot.appendingPathComponent("Tests/LostphoneCoreTests/Fixtures/journals").path
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".jsonl") {
            let data = try #require(FileManager.default.contents(atPath: folder + "/" + file))
            for line in data.split(separator: 0x0A) {
                let direct = Self.direct(Data(line))
                #expect(direct == nil || direct == Self.viaDecoder(Data(line)), "\(file): \(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    /// Damaged lines: every byte changed, removed or doubled, and a few thousand random edits.
    /// Whatever the direct reader accepts, JSONDecoder must decode to the same event.
    @Test func aDamagedLineIsNeverReadDifferentlyFromJSONDecoder() {
        var damage = DamagedBytes(seed: 29, replacements: Array("{}[]\":,\\ 0-19.eEtrufalsn\u{7F}".utf8) + [0x00, 0x0D, 0xC3, 0xE7, 0xFF])
        var accepted = 0, checked = 0
        for line in Self.written {
            for variant in damage.variants(of: [UInt8](line), randomEdits: 500) {
                let data = Data(variant)
                checked += 1
                guard let direct = Self.direct(data) else { continue }
                accepted += 1
                #expect(Self.viaDecoder(data) == direct, "read differently from JSONDecoder: \(String(decoding: data, as: UTF8.self))")
                #expect(DuplicateKeys.first(in: data[...]) == nil, "a key twice was read: \(String(decoding: data, as: UTF8.self))")
            }
        }
        #expect(accepted > 0 && accepted < checked, "the damaged lines should be partly accepted (\(accepted) of \(checked))")
    }

    @Test func whatTheDirectReaderLeavesOutJSONDecoderStillJudges() throws {
        // An unknown key (JSONDecoder ignores it), a fraction, a key twice: left to the decoder path.
        let extra = Data(#"{"at":"2026-11-24T21:00:00.000+08:00","kind":"resolved","seq":2,"extra":1}"#.utf8)
        #expect(Self.direct(extra) == nil)
        #expect(Self.viaDecoder(extra)?.kind == .resolved)
        let twice = Data(#"{"at":"2026-11-24T21:00:00.000+08:00","kind":"resolved","seq":2,"seq":3}"#.utf8)
        #expect(Self.direct(twice) == nil)
        #expect(throws: JournalError.self) { try Journal.decode(twice[...], path: "j", number: 2) }
    }
}
