import Foundation
import Testing
@testable import LostphoneCore

/// What the full screen's start reads from libc instead of Foundation (for its first frame's
/// time) gives what Foundation gave.
@Suite struct StartPathLibcTests {
    @Test func theEnvironmentIsWhatProcessInfoSays() {
        let ours = ProcessEnvironment.current()
        let foundation = ProcessInfo.processInfo.environment
        #expect(!ours.isEmpty)
        #expect(ours == foundation)
    }

    @Test func anEntryIsCutAtItsFirstEqualsSignAndTheFirstOfTwoWins() {
        var env: [String: String] = [:]
        for entry in ["A=b=c", "EMPTY=", "NOEQUALS", "A=second", "=x", "LANG=zh_CN.UTF-8"] {
            ProcessEnvironment.add(entry, to: &env)
        }
        #expect(env == ["A": "b=c", "EMPTY": "", "": "x", "LANG": "zh_CN.UTF-8"])
    }

    @Test func aFoldersNamesAreFoundationsWithoutDotAndDotDot() throws {
        let dir = TempDir()
        for name in ["b.jsonl", ".hidden", "名字.yaml", "a b", "z"] {
            #expect(FileManager.default.createFile(atPath: dir.file(name), contents: Data()))
        }
        try FileManager.default.createDirectory(atPath: dir.file("sub"), withIntermediateDirectories: false)
        let ours = DirectoryNames.of(dir.path)
        #expect(ours.sorted() == (try FileManager.default.contentsOfDirectory(atPath: dir.path)).sorted())
        #expect(ours.count == 6)
        #expect(!ours.contains(".") && !ours.contains(".."))
    }

    @Test func noFolderHasNoNames() {
        let dir = TempDir()
        #expect(DirectoryNames.of(dir.file("missing")).isEmpty)
        #expect(FileManager.default.createFile(atPath: dir.file("plain"), contents: Data("x".utf8)))
        #expect(DirectoryNames.of(dir.file("plain")).isEmpty)
    }

    @Test func aPathIsCutWhereURLCutsIt() {
        for path in ["/home/p/.config/lostphone/screen-20261124-210000.json", "/x", "/usr/bin/lostphone", "rel/dir/file.json", "file.json"] {
            let split = PathName.split(path)
            let url = URL(fileURLWithPath: path)
            #expect(String(split.file) == url.lastPathComponent)
            #expect(String(split.folder) + String(split.file) == path)
            if path.hasPrefix("/") { #expect(PathName.folder(of: path) == url.deletingLastPathComponent().path) }
        }
        #expect(PathName.folder(of: "file.json") == "")
        #expect(IncidentSession.id(of: "/s/lostphone/20261124-210000-2.jsonl") == "20261124-210000-2")
        #expect(IncidentSession.id(of: "20261124-210000.jsonl") == "20261124-210000")
    }

    @Test func aTemporaryFileSitsBesideItsTargetAsURLPlacedIt() {
        for path in ["/home/p/.config/lostphone/screen-20261124-210000.json", "/x", "rel/dir/file.json", "file.json"] {
            let url = URL(fileURLWithPath: path)
            let temp = AtomicFile.temporaryPath(for: path)
            #expect(temp.hasPrefix(String(PathName.split(path).folder) + "." + url.lastPathComponent + ".tmp-\(getpid())-"))
            #expect(AtomicFile.pid(inTemporaryName: String(PathName.split(temp).file)) == getpid())
            #expect(URL(fileURLWithPath: temp).deletingLastPathComponent().path == url.deletingLastPathComponent().path)
        }
    }
}

/// `FileBytes`, which reads the small files of a start without Foundation's file machinery.
@Suite struct FileBytesTests {
    @Test func aWholeFileAndItsTailAreItsBytes() throws {
        let dir = TempDir()
        let bytes = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        #expect(FileManager.default.createFile(atPath: dir.file("f"), contents: bytes))
        #expect(FileBytes.read(dir.file("f"), limit: 10_000) == bytes)
        #expect(FileBytes.read(dir.file("f"), limit: 9_999) == nil)
        #expect(FileBytes.tail(dir.file("f"), bytes: 100) == bytes.suffix(100))
        #expect(FileBytes.tail(dir.file("f"), bytes: 20_000) == bytes)
        #expect(FileManager.default.createFile(atPath: dir.file("empty"), contents: Data()))
        #expect(FileBytes.read(dir.file("empty"), limit: 10) == Data())
    }

    @Test func aMissingFileOrAFolderIsNothing() {
        let dir = TempDir()
        #expect(FileBytes.read(dir.file("missing"), limit: 10) == nil)
        #expect(FileBytes.tail(dir.path, bytes: 10) == nil)
    }

    @Test func theRememberedLanguageIsReadTrimmedAndNothingElse() {
        let dir = TempDir()
        let preferences = Preferences(directory: dir.path)
        #expect(preferences.language == nil)
        #expect(FileManager.default.createFile(atPath: dir.file("language"), contents: Data(" zh \n".utf8)))
        #expect(preferences.language == .zh)
        #expect(FileManager.default.createFile(atPath: dir.file("theme"), contents: Data([0xFF, 0xFE])))
        #expect(preferences.theme == nil)
    }
}

/// The header's count of what is due, put together without `joined`.
@Suite struct DueCountWordsTests {
    @Test func eachPartShowsOnlyWhenThereIsSomething() {
        #expect(DueWords.count(overdue: 0, dueSoon: 0, .en) == "")
        #expect(DueWords.count(overdue: 0, dueSoon: 2, .en) == "2 due")
        #expect(DueWords.count(overdue: 3, dueSoon: 0, .en) == "3 overdue")
        #expect(DueWords.count(overdue: 1, dueSoon: 1, .en) == "1 due · 1 overdue")
        #expect(DueWords.count(overdue: 1, dueSoon: 1, .zh) == "1 项即将到期 · 1 项已逾期")
        #expect(DueWords.count(overdue: 4, dueSoon: 0, .zh) == "4 项已逾期")
    }
}

/// The journal's and the preferences' strings checked for UTF-8 without the generic initialiser.
@Suite struct UTF8TextTests {
    /// `UTF8Text.valid` answers what `String(validating:as:)` answers: on hand-picked edges
    /// (overlong forms, surrogates, past U+10FFFF, truncated sequences, and an invalid three
    /// bytes that one U+FFFD of the same length replaces) and on 20,000 random byte strings
    /// built from valid pieces and stray bytes.
    @Test func validUTF8IsWhatStringValidatingSays() {
        func check(_ bytes: [UInt8]) {
            let expected = String(validating: bytes, as: UTF8.self)
            let ours = bytes.withUnsafeBytes { UTF8Text.valid($0) }
            #expect(ours == expected, "bytes \(bytes)")
            #expect(UTF8Text.valid(Data(bytes)) == expected)
        }
        let edges: [[UInt8]] = [
            [], Array("plain ascii".utf8), Array("冻结 SIM 卡 ☎ 🆘".utf8),
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],     // overlong
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],                         // surrogates
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],     // past the range
            [0xE5, 0x86], [0xF0, 0x9F, 0x98], [0x41, 0xF0, 0x9F, 0x98, 0x41], // truncated
            [0x80], [0xBF, 0x41], [0xEF, 0xBF, 0xBD],                       // stray; U+FFFD itself
            [0x00], [0x7F],
        ]
        edges.forEach(check)
        var rng = SplitMix(seed: 0x5EED_00F8)
        let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("冻".utf8), Array("🆘".utf8),
                                 [0x80], [0xC3], [0xE5, 0x86], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xFE]]
        var invalid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 8) {
                let p = pieces[Int(rng.next() % UInt64(pieces.count))]
                // Mostly valid pieces, so that valid and invalid strings both come often.
                bytes += rng.next() % 4 == 0 ? p : pieces[Int(rng.next() % 4)]
            }
            if String(validating: bytes, as: UTF8.self) == nil { invalid += 1 }
            check(bytes)
        }
        #expect(invalid > 2_000 && invalid < 18_000)
    }
}
