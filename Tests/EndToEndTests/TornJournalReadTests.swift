import Foundation
import Testing

/// The commands that only read (`status`, `export`, `next`, `due`, `details`) cannot repair a
/// journal whose last line a crash cut off, but they say so on standard error, in the person's
/// language, with what to do; the file stays as it was and standard output keeps its format,
/// which scripts parse.
@Suite(.offThePool) final class TornJournalReadTests {
    private let homes = TemporaryHomes()

    static let opened = #"{"at":"2026-11-24T21:00:00.000+08:00","journalVersion":2,"kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#
    static let move = #"{"at":"2026-11-24T21:04:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":2,"step":"sim","to":"done"}"#
    /// An undo of that move, cut off by a crash before its end.
    static let torn = #"{"at":"2026-11-24T21:05:00.000+08:00","from":"done","kind":"undo","prov"#

    static let readers: [[String]] = [
        ["status"], ["status", "--json"], ["export", "--format", "md", "-o", "-"], ["export", "--format", "json", "-o", "-"],
        ["next"], ["next", "--json"], ["due"], ["details"], ["incidents"],
    ]

    func journal(_ text: String) throws -> (home: URL, journal: URL) {
        let home = try homes.make("torn-read")
        let dir = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let journal = dir.appendingPathComponent("20261124-210000.jsonl")
        try text.write(to: journal, atomically: false, encoding: .utf8)
        return (home, journal)
    }

    @Test(arguments: ["en", "zh"])
    func everyReadOnlyCommandSaysTheLastLineWasCutOffAndChangesNothing(language: String) throws {
        let text = Self.opened + "\n" + Self.move + "\n" + Self.torn
        let (home, journal) = try journal(text)
        for reader in Self.readers {
            let r = try runBinary(reader + ["--lang", language], environment: homeEnvironment(home))
            let what = reader.joined(separator: " ")
            #expect(r.status == 0, "\(what): \(r)")
            #expect(r.err.contains(journal.path) && r.err.contains("\(Self.torn.utf8.count)"), "\(what) names the file and the bytes: \(r.err)")
            if language == "en" {
                #expect(r.err.contains("cut off") && r.err.contains("left out") && r.err.contains("keeps a copy"), "\(what): \(r.err)")
            } else {
                #expect(r.err.contains("截断") && r.err.contains("没有算进") && r.err.contains("副本"), "\(what): \(r.err)")
                #expect(!r.err.contains("cut off"), "no English reaches a Chinese reader: \(r.err)")
            }
            #expect(!r.out.contains("cut off") && !r.out.contains("截断"), "standard output keeps its format: \(what)")
            if reader.contains("--json") {
                #expect((try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) != nil, "\(what) prints JSON only:\n\(r.out)")
            }
        }
        #expect(try String(contentsOf: journal, encoding: .utf8) == text, "a read-only command changed the journal")
        #expect(try FileManager.default.contentsOfDirectory(atPath: journal.deletingLastPathComponent().path) == [journal.lastPathComponent],
                "no copy is made by a command that only reads")
    }

    /// A whole journal, and one whose last event lacks only its newline (read as the event it
    /// is), are read without a word.
    @Test func aWholeJournalOrAMissingNewlineIsReadSilently() throws {
        for text in [Self.opened + "\n" + Self.move + "\n", Self.opened + "\n" + Self.move] {
            let (home, _) = try journal(text)
            for reader in Self.readers {
                let r = try runBinary(reader + ["--lang", "en"], environment: homeEnvironment(home))
                #expect(r.status == 0 && r.err.isEmpty, "\(reader): \(r.err)")
            }
        }
    }
}
