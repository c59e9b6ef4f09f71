import Foundation
import Testing
@testable import LostphoneCore

@Suite struct PlaybookCacheTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/example-playbook.yaml").path

    /// Every field the compiled form carries, set (the built-in playbook leaves some empty).
    static let everyField = Playbook(
        id: "every", version: 7, languages: [.en, .zh], title: LocalizedText(zh: "全部", en: "All"),
        source: PlaybookSource(publisher: LocalizedText(zh: "出处", en: "Source"), title: LocalizedText(zh: "题", en: "Title"),
                               date: "2020-11-26", url: "https://example.org/a"),
        panes: [
            Pane(id: "urgent", kind: .actions, title: LocalizedText(zh: "紧急", en: "Urgent"), steps: [
                Step(id: "sim", title: LocalizedText(zh: "挂失", en: "Suspend"), priority: -3, why: LocalizedText(zh: "因", en: "Why"),
                     instructions: [LocalizedText(zh: "一", en: "One"), LocalizedText([.en: "English only"])],
                     contacts: [Contact(kind: .path(LocalizedText(zh: "我 → 设置", en: "Me → Settings")), label: LocalizedText(zh: "标", en: "Label"),
                                        press: "9#", source: "https://example.org", confirmed: true)],
                     warning: LocalizedText(zh: "警", en: "Warn"),
                     providers: [Provider(id: "p", name: LocalizedText(zh: "甲", en: "A"), instructions: [LocalizedText(zh: "二", en: "Two")],
                                          contacts: [Contact(kind: .phone("400-820-5555")), Contact(kind: .web("weixin110.qq.com"))],
                                          note: LocalizedText(zh: "注", en: "Note"), warning: LocalizedText(zh: "险", en: "Risk"))]),
            ]),
            Pane(id: "tips", kind: .tips, title: LocalizedText(zh: "提示", en: "Tips"), steps: [Step(id: "t1", title: LocalizedText(zh: "", en: ""))]),
        ])

    @Test(arguments: ["built-in", "example", "every field"])
    func theCompiledFormRoundTrips(_ which: String) throws {
        let playbook: Playbook
        switch which {
        case "built-in": playbook = PlaybookLoader.builtin()
        case "example": playbook = try PlaybookLoader.load(contentsOf: Self.example).get()
        default: playbook = Self.everyField
        }
        var writer = ByteWriter()
        playbook.write(to: &writer)
        let back = try writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            let p = try Playbook(reading: &reader)
            #expect(reader.isAtEnd)
            return p
        }
        #expect(back == playbook)
    }

    /// A cache in `dir`, a copy of the example playbook, and that playbook read from the YAML.
    func example(in dir: TempDir) throws -> (PlaybookCache, String, Playbook) {
        let file = dir.file("p.yaml")
        try FileManager.default.copyItem(atPath: Self.example, toPath: file)
        return (PlaybookCache(directory: dir.file("cache")), file, try PlaybookLoader.load(contentsOf: file).get())
    }

    @Test func aCleanPlaybookIsCachedAndReadBackFromTheCache() throws {
        let dir = TempDir()
        let (cache, file, fresh) = try example(in: dir)

        #expect(try cache.load(contentsOf: file).get() == fresh)
        let source = try #require(FileManager.default.contents(atPath: file))
        let entry = cache.entryPath(for: source)
        #expect(mode(entry) == 0o600)
        #expect(mode(dir.file("cache")) == 0o700)
        #expect(PlaybookCache.read(entry: entry, source: source) == fresh)
        #expect(try cache.load(contentsOf: file).get() == fresh)
    }

    @Test func theBuiltInPlaybookIsCachedOnlyWhenTheEntryIsWritten() throws {
        let dir = TempDir()
        let cache = PlaybookCache(directory: dir.file("cache"))
        let (first, entry) = cache.readBuiltin()
        #expect(first == PlaybookLoader.builtin())
        #expect(!FileManager.default.fileExists(atPath: dir.file("cache")), "reading writes nothing")
        let pending = try #require(entry)
        pending.write()
        let (second, again) = cache.readBuiltin()
        #expect(second == PlaybookLoader.builtin())
        #expect(again != nil && again?.store == nil, "served from the cache, which is only marked used")
    }

    @Test func readingTouchesNothingUntilTheEntryIsWritten() throws {
        let dir = TempDir()
        let (cache, file, _) = try example(in: dir)
        _ = try cache.load(contentsOf: file).get()
        let entry = cache.entryPath(for: try #require(FileManager.default.contents(atPath: file)))
        let old = Date(timeIntervalSinceNow: -5000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: entry)
        func modified() -> Date? { (try? FileManager.default.attributesOfItem(atPath: entry))?[.modificationDate] as? Date }
        let (result, pending) = cache.read(contentsOf: file)
        _ = try result.get()
        #expect(abs((modified() ?? .distantPast).timeIntervalSince(old)) < 1, "a hit read before the terminal check leaves the entry as it was")
        try #require(pending).write()
        #expect((modified() ?? old) > old.addingTimeInterval(4000), "written: marked used now")
    }

    @Test func anEditedPlaybookIsReadAfreshNeverFromTheCache() throws {
        let dir = TempDir()
        let cache = PlaybookCache(directory: dir.file("cache"))
        let file = dir.file("p.yaml")
        let yaml = try String(contentsOfFile: Self.example, encoding: .utf8)
        try yaml.write(toFile: file, atomically: false, encoding: .utf8)
        let before = try cache.load(contentsOf: file).get()
        let oldEntry = cache.entryPath(for: Data(yaml.utf8))

        // Same length, one number changed.
        let edited = yaml.replacingOccurrences(of: "version: 2", with: "version: 3")
        #expect(edited != yaml && edited.utf8.count == yaml.utf8.count)
        try edited.write(toFile: file, atomically: false, encoding: .utf8)
        // Even an entry under the new content's name that holds the old playbook (a hash
        // collision) is refused: the entry's bytes must equal the file's.
        try FileManager.default.copyItem(atPath: oldEntry, toPath: cache.entryPath(for: Data(edited.utf8)))
        let after = try cache.load(contentsOf: file).get()
        #expect(after.version == 3)
        #expect(after == (try PlaybookLoader.load(contentsOf: file).get()))
        #expect(before.version == 2)
    }

    @Test func aPlaybookWithProblemsIsNeverCachedAndItsProblemsAreReportedEveryTime() throws {
        let dir = TempDir()
        let cache = PlaybookCache(directory: dir.file("cache"))
        let file = dir.file("bad.yaml")
        try "id: bad\nversion: one\n".write(toFile: file, atomically: false, encoding: .utf8)
        for _ in 0..<2 {
            guard case .failure(let errors) = cache.load(contentsOf: file) else {
                Issue.record("a broken playbook loaded"); return
            }
            #expect(!errors.problems.isEmpty)
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir.file("cache"))) ?? []).isEmpty)
    }

    @Test func aDamagedEntryIsIgnoredAndTheYAMLRead() throws {
        let dir = TempDir()
        let (cache, file, fresh) = try example(in: dir)
        _ = cache.load(contentsOf: file)
        let source = try #require(FileManager.default.contents(atPath: file))
        let entry = cache.entryPath(for: source)
        let good = try #require(FileManager.default.contents(atPath: entry))
        var rng = SplitMix(seed: 0xCAC4E)
        var refused = 0
        for n in 0..<300 {
            var bytes = [UInt8](good)
            if n % 3 == 0 {
                bytes.removeSubrange(Int(rng.next() % UInt64(bytes.count))...)   // cut short
            } else {
                // Flip a bit in the compiled part (past the header, the hash and the source copy).
                var copyLength = ByteWriter()
                copyLength.int(source.count)
                let start = PlaybookCache.format.utf8.count + 8 + copyLength.bytes.count + source.count
                bytes[start + Int(rng.next() % UInt64(bytes.count - start))] ^= UInt8(1) << UInt8(rng.next() % 8)
            }
            if PlaybookCache.read(entry: "", source: source) != nil { Issue.record("read an empty path") }
            try Data(bytes).write(to: URL(fileURLWithPath: entry))
            if PlaybookCache.read(entry: entry, source: source) == nil { refused += 1 }
            // Whatever the entry holds, loading never traps and gives exactly the file's playbook.
            #expect(try cache.load(contentsOf: file).get() == fresh)
            try good.write(to: URL(fileURLWithPath: entry))
        }
        #expect(refused == 300, "the body hash catches every change")
    }

    @Test func theCacheKeepsOnlyTheMostRecentlyUsedEntries() throws {
        let dir = TempDir()
        let (cache, file, _) = try example(in: dir)
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        func version(_ n: Int) -> String { yaml.replacingOccurrences(of: "version: 2", with: "version: \(n + 10)") }
        var entries: [String] = []
        for n in 0..<(PlaybookCache.maximumEntries + 3) {
            if n == PlaybookCache.maximumEntries {
                // Version 0, the oldest entry, is used again: that keeps it.
                try version(0).write(toFile: file, atomically: false, encoding: .utf8)
                #expect(try cache.load(contentsOf: file).get().version == 10)
            }
            try version(n).write(toFile: file, atomically: false, encoding: .utf8)
            entries.append(cache.entryPath(for: Data(version(n).utf8)))
            #expect(try cache.load(contentsOf: file).get().version == n + 10)
            // Written n seconds apart, the first oldest.
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(n - 1000))], ofItemAtPath: entries[n])
        }
        let kept = Set(((try? FileManager.default.contentsOfDirectory(atPath: dir.file("cache"))) ?? []).map { dir.file("cache/" + $0) })
        #expect(kept.count == PlaybookCache.maximumEntries)
        #expect(kept.contains(entries[0]), "an entry used again is kept")
        #expect(kept.contains(entries.last!), "the one just written is kept")
        #expect(!kept.contains(entries[1]) && !kept.contains(entries[2]) && !kept.contains(entries[3]), "the least recently used go")
    }

    @Test func anUnwritableCacheOnlyMeansTheYAMLIsReadEachTime() throws {
        let dir = TempDir()
        try "not a directory".write(toFile: dir.file("cache"), atomically: false, encoding: .utf8)
        let cache = PlaybookCache(directory: dir.file("cache") + "/playbooks")
        #expect(try cache.load(contentsOf: Self.example).get() == (try PlaybookLoader.load(contentsOf: Self.example).get()))
    }

    @Test func everyDirectoryFollowsXDGAndIgnoresARelativeValue() {
        let set = ["XDG_CACHE_HOME": "/c", "XDG_STATE_HOME": "/s", "XDG_CONFIG_HOME": "/f", "HOME": "/h"]
        let relative = ["XDG_CACHE_HOME": "c", "XDG_STATE_HOME": "s", "XDG_CONFIG_HOME": "", "HOME": "/h"]
        #expect(PlaybookCache.defaultDirectory(environment: set) == "/c/lostphone/playbooks")
        #expect(PlaybookCache.defaultDirectory(environment: relative) == "/h/.cache/lostphone/playbooks")
        #expect(IncidentStore.defaultDirectory(environment: set) == "/s/lostphone")
        #expect(IncidentStore.defaultDirectory(environment: relative) == "/h/.local/state/lostphone")
        #expect(XDGDirectory.config.lostphone("themes", environment: set) == "/f/lostphone/themes")
        #expect(XDGDirectory.config.lostphone(environment: relative) == "/h/.config/lostphone")
    }

    @Test func theHashNoticesAnyOneByteChange() {
        let base = [UInt8](repeating: 0x61, count: 37)
        var seen: Set<UInt64> = [ContentHash.of(base)]
        for i in base.indices {
            var changed = base
            changed[i] = 0x62
            seen.insert(ContentHash.of(changed))
        }
        #expect(seen.count == base.count + 1)
        #expect(ContentHash.of(base) == ContentHash.of(base))
        #expect(ContentHash.of([UInt8]()) != ContentHash.of([UInt8(0)]), "length counts")
        #expect(ContentHash.hex(0xab).count == 16)
    }
}

@Suite struct ByteCodingTests {
    @Test func integersRoundTripAcrossTheirWholeRange() throws {
        var values: [Int] = [0, 1, -1, 63, 64, -64, -65, 127, 128, Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 62, -(1 << 62), (1 << 62) + 5]
        var rng = SplitMix(seed: 12)
        for _ in 0..<2000 { values.append(Int(truncatingIfNeeded: rng.next()) >> Int(rng.next() % 64)) }
        var w = ByteWriter()
        for v in values { w.int(v) }
        let (back, atEnd) = try w.bytes.withUnsafeBytes { bytes -> ([Int], Bool) in
            var r = ByteReader(bytes)
            let back = try values.map { _ in try r.int() }
            return (back, r.isAtEnd)
        }
        #expect(back == values)
        #expect(atEnd)
    }

    @Test func timestampsRoundTripExactly() throws {
        // .100 parsed is a date that a trip through timeIntervalSince1970 would round (found by
        // the fuzzer): the instant must come back bit for bit.
        let stamps = [t0, at(1), Timestamp(Date(timeIntervalSince1970: -1e9), timeZone: TimeZone(secondsFromGMT: -5 * 3600)!),
                      Timestamp(parsing: "2026-11-24T21:00:00.100+08:00")!, Timestamp(parsing: "2026-11-24T21:00:00.123-05:00")!]
        var w = ByteWriter()
        for t in stamps { w.timestamp(t) }
        let back = try w.bytes.withUnsafeBytes { bytes -> [Timestamp] in
            var r = ByteReader(bytes)
            return try stamps.map { _ in try r.timestamp() }
        }
        #expect(back == stamps)
        #expect(back.map(\.date) == stamps.map(\.date))
    }

    @Test func readingRandomBytesThrowsAndNeverTraps() {
        var rng = SplitMix(seed: 13)
        var refused = 0
        for _ in 0..<2000 {
            let bytes = (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let ok = bytes.withUnsafeBytes { b -> Bool in
                var r = ByteReader(b)
                return (try? Playbook(reading: &r)) != nil
            }
            if !ok { refused += 1 }
        }
        #expect(refused > 1900)
    }
}
