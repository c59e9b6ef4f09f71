import Foundation
import Testing
@testable import LostphoneCore

// Damaged playbooks, themes and journals, generated here: cut short, mutated at random with a
// fixed seed, oversized, or broken in one known place. Each must end in a clear problem (file,
// line, message), a JournalError naming the line, or a JournalRecovery for a torn last line;
// a crash or a hang would fail the whole run. The tests count work, never time.

// MARK: - helpers

private func bytes(at path: String) -> Data? { FileManager.default.contents(atPath: path) }

private func overwrite(_ path: String, with data: Data) throws {
    try data.write(to: URL(fileURLWithPath: path))
}

/// Checks that `problems` tell a person what is wrong and where: at least one, each with a
/// message free of control characters, a line within the file (0 for the whole file) and a
/// column that is not negative.
private func expectClearProblems(_ problems: [FileProblem], for text: String, file: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!problems.isEmpty, "refused without naming a problem", sourceLocation: sourceLocation)
    let lines = YAMLLines.count(in: text)
    for p in problems {
        #expect(p.file == file, sourceLocation: sourceLocation)
        #expect(!p.message.trimmingCharacters(in: .whitespaces).isEmpty, "\(p)", sourceLocation: sourceLocation)
        #expect(!Sanitize.hasControlCharacters(p.message), "\(Sanitize.visible(p.description))", sourceLocation: sourceLocation)
        #expect((0...lines + 1).contains(p.line), "line \(p.line) of \(lines): \(p)", sourceLocation: sourceLocation)
        #expect(p.column >= 0, "\(p)", sourceLocation: sourceLocation)
        #expect(p.description.hasPrefix(p.line > 0 ? "\(file):\(p.line):\(p.column): " : "\(file): "), sourceLocation: sourceLocation)
    }
}

/// Tokens that mean something to YAML or JSON, and bytes that are not UTF-8.
private let significantTokens: [[UInt8]] = [
    ": ", "- ", "&a ", "*a", "{", "}", "[", "]", "\t", "\u{1B}[31m", "\u{0}", "\"", "'", "#", "\n", "\r",
    "|", ">", "? ", "---\n", "!!binary ", "\"\\e[2J\"", ",", "null", "\"seq\":", "\"kind\":\"undo\"", "\\u0000", "1e309",
].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x80]]

/// `input` with one to four seeded edits: bit flips, inserted or deleted bytes, a duplicated
/// chunk, a cut, or a significant token.
private func scramble(_ input: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
    func below(_ n: Int) -> Int { Int(rng.next() % UInt64(max(n, 1))) }
    var b = input
    for _ in 0..<(1 + below(4)) {
        switch below(7) {
        case 0:
            if !b.isEmpty { let i = below(b.count); b[i] ^= UInt8(1) << UInt8(below(8)) }
        case 1:
            b.insert(UInt8(truncatingIfNeeded: rng.next()), at: below(b.count + 1))
        case 2:
            if !b.isEmpty { let i = below(b.count); b.removeSubrange(i..<min(b.count, i + 1 + below(16))) }
        case 3:
            if !b.isEmpty { let i = below(b.count); let chunk = b[i..<min(b.count, i + 1 + below(64))]; b.insert(contentsOf: chunk, at: below(b.count + 1)) }
        case 4:
            b.removeSubrange(below(b.count + 1)...)
        default:
            b.insert(contentsOf: significantTokens[below(significantTokens.count)], at: below(b.count + 1))
        }
    }
    return b
}

private func shippedThemeTexts() throws -> [(name: String, text: String)] {
    let directory = repoRoot.appendingPathComponent("Themes").path
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
    return try names.map { ($0, try String(contentsOfFile: directory + "/" + $0, encoding: .utf8)) }
}

/// Writes a journal of twelve events (details, moves, notes, undos, resolved) and returns its
/// bytes and events.
private func writeSampleJournal(to path: String) throws -> (Data, [Event]) {
    var (incident, first) = Incident.open(id: "damaged", playbook: PlaybookLoader.builtin(), at: t0)
    let journal = try Journal.create(path: path, first: first)
    let commands: [IncidentCommand] = [
        .details(lostAt: at(-1800), device: DeviceDetails(model: "iPhone 15", imei: "356938035643809")),
        .move("sim", to: .inProgress, provider: "china-mobile"),
        .note("sim", "受理号 A1, agent 王", provider: "china-mobile"),
        .move("sim", to: .done, provider: "china-mobile"),
        .move("bank", to: .blocked, provider: "icbc"),
        .undo,
        .move("bank", to: .done, provider: "icbc"),
        .move("wechat", to: .skipped, provider: nil),
        .note("police", "case 2026-1124", provider: nil),
        .undo,
        .resolve,
    ]
    for (n, command) in commands.enumerated() {
        let event = try incident.event(for: command, at: at(n + 1))
        try journal.append(event)
        try incident.apply(event)
    }
    journal.close()
    return (try #require(bytes(at: path)), Array(incident.events))
}

/// The offsets just past each newline: where line n + 1 starts.
private func lineEnds(_ data: Data) -> [Int] {
    data.indices.filter { data[$0] == 0x0A }.map { $0 + 1 }
}

/// The lines of `data` without their newlines (the journal always ends in one).
private func journalLines(_ data: Data) -> [Data] {
    data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Data($0) }
}

private func joinLines(_ lines: [Data]) -> Data {
    lines.reduce(into: Data()) { $0.append($1); $0.append(0x0A) }
}

/// Opens a damaged journal expecting a JournalError on `line`, and checks that the file and
/// its directory were left exactly as they were.
private func expectRefusedUntouched(_ path: String, in dir: TempDir, line: Int,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
    let before = bytes(at: path)
    let namesBefore = dir.names
    do {
        let (journal, events, _) = try Journal.open(path: path)
        journal.close()
        Issue.record("opened with \(events.count) events; expected an error on line \(line)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix(line > 0 ? "\(path):\(line): " : "\(path): "), "\(error)", sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    }
    #expect(bytes(at: path) == before, "the file was changed", sourceLocation: sourceLocation)
    #expect(dir.names == namesBefore, "files appeared: \(dir.names)", sourceLocation: sourceLocation)
}

/// Damaged input of every kind the program reads; `swift test --filter DamagedInputTests`.
@Suite struct DamagedInputTests {}

// MARK: - playbooks

extension DamagedInputTests {
    @Suite struct Playbooks {
        let full = BuiltinResources.playbookYAML
        var stepCount: Int { PlaybookLoader.builtin().panes.reduce(0) { $0 + $1.steps.count } }

        @Test func aPlaybookCutShortIsRefusedUnlessTheCutFallsBetweenWholeEntries() {
            let data = Array(full.utf8)
            var refused = 0
            for cut in stride(from: 0, to: data.count, by: 997) {
                let text = String(decoding: data[..<cut], as: UTF8.self)
                switch PlaybookLoader.load(yaml: text, file: "cut.yaml") {
                case .failure(let errors):
                    refused += 1
                    expectClearProblems(errors.problems, for: text, file: "cut.yaml")
                case .success(let playbook):
                    // YAML has no end marker: a cut after a whole entry leaves a shorter playbook
                    // that is valid. It must then hold whole lines only and fewer steps.
                    // (A cut just before a line break leaves that line whole.)
                    let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                    let endsALine = cut < data.count && data[cut] == UInt8(ascii: "\n")
                    // A cut inside a comment loses only the comment.
                    let inComment = lastLine.drop { $0 == " " }.hasPrefix("#")
                    #expect(endsALine || inComment || lastLine.allSatisfy { $0 == " " }, "accepted a cut inside a line at \(cut): …\(text.suffix(60))")
                    #expect(playbook.panes.reduce(0) { $0 + $1.steps.count } < stepCount, "cut at \(cut) lost nothing")
                }
            }
            #expect(refused >= 18, "only \(refused) of \(data.count / 997 + 1) cuts were refused")
        }

        @Test func seededMutationsOfTheBuiltInPlaybookAreRefusedWithAPositionOrStillValid() {
            var rng = SplitMix(seed: 0x5EED_0001)
            var refused = 0
            for n in 0..<200 {
                let text = String(decoding: scramble(Array(full.utf8), &rng), as: UTF8.self)
                switch PlaybookLoader.load(yaml: text, file: "m\(n).yaml") {
                case .failure(let errors):
                    refused += 1
                    expectClearProblems(errors.problems, for: text, file: "m\(n).yaml")
                case .success(let playbook):
                    #expect(!playbook.panes.isEmpty && playbook.panes.allSatisfy { !$0.steps.isEmpty })
                }
            }
            #expect(refused >= 100, "only \(refused) of 200 mutations were refused: the mutations do too little")
        }

        @Test func aPlaybookOverTheSizeLimitIsRefusedAsAWholeFileProblem() {
            var text = full + "\n# "
            text += String(repeating: "x", count: PlaybookLoader.maxBytes + 1 - text.utf8.count) + "\n"
            #expect(text.utf8.count > PlaybookLoader.maxBytes)
            guard case .failure(let errors) = PlaybookLoader.load(yaml: text, file: "big.yaml") else {
                Issue.record("an oversized playbook was accepted"); return
            }
            expectClearProblems(errors.problems, for: text, file: "big.yaml")
            #expect(errors.problems.count == 1)
            #expect(errors.problems.first?.line == 0)
            #expect(errors.problems.first?.message.contains("more than the \(PlaybookLoader.maxBytes) allowed") == true)
        }

        @Test func aPlaybookExactlyAtTheSizeLimitStillLoads() {
            var text = full + "\n# "
            text += String(repeating: "x", count: PlaybookLoader.maxBytes - 1 - text.utf8.count) + "\n"
            #expect(text.utf8.count == PlaybookLoader.maxBytes)
            guard case .success = PlaybookLoader.load(yaml: text, file: "edge.yaml") else {
                Issue.record("a playbook of exactly maxBytes was refused"); return
            }
        }

        @Test(arguments: [
            ("panes: [\n", "not valid YAML"),
            ("id: x\nid: y\n", "duplicate key"),
            ("id: &a x\nversion: *b\n", "undefined alias"),
            ("\tid: x\n", "not valid YAML"),
            ("---\nid: x\n---\nid: y\n", "another document"),
            ("", "empty"),
            ("- just\n- a list\n", "must be a mapping"),
        ])
        func brokenYAMLInAPlaybookIsReportedWithAPosition(yaml: String, expected: String) {
            guard case .failure(let errors) = PlaybookLoader.load(yaml: yaml, file: "bad.yaml") else {
                Issue.record("accepted: \(yaml)"); return
            }
            expectClearProblems(errors.problems, for: yaml, file: "bad.yaml")
            #expect(errors.problems.contains { $0.message.contains(expected) }, "\(errors.problems)")
            #expect(errors.problems.allSatisfy { $0.line >= 1 }, "\(errors.problems)")
        }

        @Test(arguments: ["\n", "\r\n"])
        func aRawControlCharacterIsReportedOnItsOwnLine(lineEnd: String) {
            // libyaml's reader stops at a raw control character with an offset, not a mark; the
            // problem must still point at its line and column, with LF or CRLF line ends.
            let lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, atStart) in [(39, false), (199, true)] {
                var damaged = lines
                damaged[index] = atStart ? "\u{1B}" + lines[index] : lines[index] + "\u{1B}[31m"
                let text = damaged.joined(separator: lineEnd)
                guard case .failure(let errors) = PlaybookLoader.load(yaml: text, file: "esc.yaml") else {
                    Issue.record("a raw escape character was accepted"); continue
                }
                expectClearProblems(errors.problems, for: text, file: "esc.yaml")
                #expect(errors.problems.count == 1)
                #expect(errors.problems.first?.line == index + 1, "\(errors.problems)")
                #expect(errors.problems.first?.column == (atStart ? 1 : lines[index].unicodeScalars.count + 1), "\(errors.problems)")
            }
        }
    }
}

// MARK: - themes

extension DamagedInputTests {
    @Suite struct Themes {
        @Test func seededMutationsOfTheShippedThemesFallBackToTheDefaultWithAPosition() throws {
            let themes = try shippedThemeTexts()
            try #require(themes.count >= 6)
            var rng = SplitMix(seed: 0x5EED_0002)
            var refused = 0
            for n in 0..<200 {
                let (name, source) = themes[n % themes.count]
                let text = String(decoding: scramble(Array(source.utf8), &rng), as: UTF8.self)
                let result = ThemeLoader.load(yaml: text, file: name)
                if !result.problems.isEmpty {
                    refused += 1
                    expectClearProblems(result.problems, for: text, file: name)
                    #expect(result.theme == ThemeLoader.builtinDefault, "a damaged \(name) was half applied")
                }
            }
            #expect(refused >= 80, "only \(refused) of 200 mutations were refused: the mutations do too little")
        }

        @Test func aThemeCutShortAnywhereLoadsOrFallsBackToTheDefault() throws {
            for (name, source) in try shippedThemeTexts() {
                let data = Array(source.utf8)
                var refused = 0
                for cut in stride(from: 0, to: data.count, by: 37) {
                    let text = String(decoding: data[..<cut], as: UTF8.self)
                    let result = ThemeLoader.load(yaml: text, file: name)
                    if !result.problems.isEmpty {
                        refused += 1
                        expectClearProblems(result.problems, for: text, file: name)
                        #expect(result.theme == ThemeLoader.builtinDefault)
                    }
                }
                #expect(refused > 0, "no cut of \(name) was refused")
            }
        }

        @Test func aThemeOverTheSizeLimitIsRefusedAndTheDefaultKept() {
            var text = BuiltinResources.defaultThemeYAML + "\n# "
            text += String(repeating: "x", count: ThemeLoader.maxBytes + 1 - text.utf8.count) + "\n"
            #expect(text.utf8.count > ThemeLoader.maxBytes)
            let result = ThemeLoader.load(yaml: text, file: "big.yaml")
            expectClearProblems(result.problems, for: text, file: "big.yaml")
            #expect(result.problems.count == 1)
            #expect(result.problems.first?.line == 0)
            #expect(result.problems.first?.message.contains("more than the \(ThemeLoader.maxBytes) allowed") == true)
            #expect(result.theme == ThemeLoader.builtinDefault)
        }

        @Test func everyBadColourIsNamedOnItsOwnLine() {
            let bad = ["#12345", "#1234567", "#gggggg", "256", "-1", "bright-purple", "Red", "rgb(1,2,3)", "", "0x10", "#-12345"]
            let elements = ThemeElement.allCases
            var yaml = "palette:\n  good: \"#00ff00\"\n  broken: \"#zzzzzz\"\nstyles:\n"
            for (i, value) in bad.enumerated() {
                yaml += "  \(elements[i].rawValue): {fg: \"\(value)\", bg: good}\n"
            }
            let result = ThemeLoader.load(yaml: yaml, file: "colours.yaml")
            expectClearProblems(result.problems, for: yaml, file: "colours.yaml")
            #expect(result.problems.count == bad.count + 1, "\(result.problems)")
            #expect(result.problems.contains { $0.line == 3 && $0.message.contains("`#zzzzzz` is not a colour") }, "\(result.problems)")
            for (i, value) in bad.enumerated() {
                #expect(result.problems.contains { $0.line == 5 + i && $0.message.contains("`\(value)` is not a colour") },
                        "no problem for \(value) on line \(5 + i): \(result.problems)")
            }
            #expect(result.theme == ThemeLoader.builtinDefault)
        }

        @Test func unknownElementsAndStyleKeysAreNamedWithTheirLine() {
            let yaml = "styles:\n  text: {fg: red}\n  sparkle: {fg: red}\n  Step-Done: {bold: true}\n  muted: {colour: red, fg: blue}\nextra: 1\n"
            let result = ThemeLoader.load(yaml: yaml, file: "unknown.yaml")
            expectClearProblems(result.problems, for: yaml, file: "unknown.yaml")
            let expected = [(3, "unknown key `sparkle`"), (4, "unknown key `Step-Done`"), (5, "unknown key `colour`"), (6, "unknown key `extra`")]
            #expect(result.problems.count == expected.count, "\(result.problems)")
            for (line, text) in expected {
                #expect(result.problems.contains { $0.line == line && $0.message.contains(text) }, "no \(text) on line \(line): \(result.problems)")
            }
            #expect(result.theme == ThemeLoader.builtinDefault)
        }

        @Test(arguments: [
            "styles: {text: [\n",
            "styles:\n  text: {fg: red\n",
            "styles:\n  text: {fg: red}\n\tmuted: {fg: red}\n",
            "styles: *nowhere\n",
            "styles:\n  text: {fg: red}\n  text: {fg: blue}\n",
            "styles:\n  text: {fg: red}\n  - muted\n",
            "styles: \"unterminated\n",
            "? [a, b]\n: c\nstyles: {}\n",
            "---\nstyles: {}\n---\nstyles: {}\n",
            "",
            "# only a comment\n",
            "styles: [text, muted]\n",
            "name: [x]\nstyles: {}\n",
        ])
        func aThemeThatIsNotAValidThemeFileNamesAPosition(yaml: String) {
            let result = ThemeLoader.load(yaml: yaml, file: "broken.yaml")
            expectClearProblems(result.problems, for: yaml, file: "broken.yaml")
            #expect(result.problems.allSatisfy { $0.line >= 1 }, "\(result.problems)")
            #expect(result.theme == ThemeLoader.builtinDefault)
        }

        @Test func aDuplicateKeyWithAnEscapeSequenceIsShownVisibly() {
            // `lostphone check` prints problems as they are: a key spelled with YAML escapes
            // (\e, \a) must not reach the terminal as a real escape sequence (a new window title).
            let yaml = "styles: {}\n\"\\e]0;owned\\a\": 1\n\"\\e]0;owned\\a\": 2\n"
            let result = ThemeLoader.load(yaml: yaml, file: "dup.yaml")
            #expect(result.problems.count == 1)
            #expect(result.problems.first?.message.hasPrefix("duplicate key") == true, "\(result.problems)")
            #expect(result.problems.allSatisfy { !Sanitize.hasControlCharacters($0.message) },
                    "\(result.problems.map { Sanitize.visible($0.description) })")
        }
    }
}

// MARK: - journals

extension DamagedInputTests {
    @Suite struct Journals {
        @Test func aJournalCutAtAnyByteKeepsItsWholeLinesAndSetsTheTailApart() throws {
            let dir = TempDir()
            let (data, events) = try writeSampleJournal(to: dir.file("sample.jsonl"))
            let ends = lineEnds(data)
            #expect(ends.count == events.count)
            for cut in 0...data.count {
                let whole = ends.filter { $0 <= cut }.count
                let start = whole == 0 ? 0 : ends[whole - 1]
                let parsed = try Journal.parse(data.prefix(cut), path: "cut.jsonl")
                #expect(parsed.events == Array(events.prefix(whole)), "cut at \(cut)")
                #expect(parsed.wholeLength == start, "cut at \(cut)")
                #expect(parsed.tail == data[start..<cut], "cut at \(cut)")
            }
        }

        @Test func openingAJournalCutShortRepairsATornTailAndKeepsTheOriginal() throws {
            let dir = TempDir()
            let (data, events) = try writeSampleJournal(to: dir.file("sample.jsonl"))
            let ends = lineEnds(data)
            let firstEnd = ends[0]
            // Every 7th byte, and both sides of every newline.
            let cuts = Set(Array(stride(from: firstEnd, through: data.count, by: 7)) + ends.flatMap { [$0 - 2, $0 - 1, $0] })
                .filter { $0 >= firstEnd }.sorted()
            var recovered = 0
            for cut in cuts {
                let path = dir.file("cut-\(cut).jsonl")
                let damaged = data.prefix(cut)
                try overwrite(path, with: damaged)
                let whole = ends.filter { $0 <= cut }.count
                let (journal, read, recovery) = try Journal.open(path: path)
                journal.close()
                if ends.contains(cut) {
                    #expect(recovery == nil, "cut at a line end \(cut)")
                    #expect(read == Array(events.prefix(whole)))
                    #expect(bytes(at: path) == damaged)
                } else {
                    recovered += 1
                    let r = try #require(recovery, "no recovery for a cut at \(cut)")
                    #expect(r.message.contains(r.backupPath), "\(r.message)")
                    #expect(bytes(at: r.backupPath) == damaged, "the backup is not the original")
                    #expect(mode(r.backupPath) == 0o600)
                    if ends.contains(cut + 1) {
                        // Only the newline was lost: the event is whole and kept.
                        #expect(read == Array(events.prefix(whole + 1)), "cut at \(cut)")
                        #expect(bytes(at: path) == data.prefix(cut + 1))
                    } else {
                        #expect(read == Array(events.prefix(whole)), "cut at \(cut)")
                        #expect(bytes(at: path) == data.prefix(ends[whole - 1]))
                    }
                    try FileManager.default.removeItem(atPath: r.backupPath)
                }
                #expect(throws: Never.self, "cut at \(cut)") { _ = try Incident.replay(read) }
                try FileManager.default.removeItem(atPath: path)
            }
            #expect(recovered >= 100, "only \(recovered) torn cuts")
        }

        @Test func aJournalCutInsideItsFirstLineIsRefusedWithAMessage() throws {
            let dir = TempDir()
            let (data, _) = try writeSampleJournal(to: dir.file("sample.jsonl"))
            let firstEnd = lineEnds(data)[0]
            for cut in stride(from: 1, to: firstEnd - 1, by: 5) {
                let path = dir.file("first-\(cut).jsonl")
                try overwrite(path, with: data.prefix(cut))
                #expect(throws: JournalError.self, "cut at \(cut)") { _ = try Journal.open(path: path) }
                #expect(try Journal.read(path: path).isEmpty)
            }
        }

        @Test func aJournalWhoseOnlyLineIsTornIsLeftAsItIs() throws {
            // With no whole event there is nothing to keep: cutting the torn line would leave an
            // empty file (and a .torn copy the error never mentions) behind a "move it aside".
            let dir = TempDir()
            let (data, _) = try writeSampleJournal(to: dir.file("sample.jsonl"))
            let path = dir.file("torn.jsonl")
            let torn = data.prefix(40)
            try overwrite(path, with: torn)
            var thrown: JournalError? = nil
            do {
                let (journal, _, _) = try Journal.open(path: path)
                journal.close()
            } catch {
                thrown = error
            }
            let error = try #require(thrown, "a journal with no whole event was opened")
            #expect(error.message.contains("no event"), "\(error)")
            #expect(bytes(at: path) == torn, "the file it threw on was changed")
            #expect(dir.names == ["sample.jsonl", "torn.jsonl"], "left behind: \(dir.names)")
        }

        @Test func damageToAnyMiddleLineStopsAtThatLineAndChangesNothing() throws {
            let dir = TempDir()
            let path = dir.file("journal.jsonl")
            let (data, _) = try writeSampleJournal(to: path)
            let lines = journalLines(data)
            let damages: [(String, (Data) -> Data)] = [
                ("cut in half", { $0.prefix($0.count / 2) }),
                ("empty", { _ in Data() }),
                ("closing brace lost", { $0.dropLast() }),
                ("not JSON", { _ in Data("garbage".utf8) }),
                ("wrong type", { _ in Data(#"{"seq": "two"}"#.utf8) }),
                ("unknown kind", { Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: #""kind":""#, with: #""kind":"x"#).utf8) }),
                ("bad timestamp", { Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "2026-11-24T", with: "2026-13-45T").utf8) }),
                ("NUL byte", { var d = $0; d.insert(0, at: d.count / 2); return d }),
                ("two objects", { $0 + $0 }),
            ]
            for i in 1..<(lines.count - 1) {
                for (name, damage) in damages {
                    var damaged = lines
                    damaged[i] = damage(lines[i])
                    try overwrite(path, with: joinLines(damaged))
                    expectRefusedUntouched(path, in: dir, line: i + 1)
                    #expect(throws: JournalError.self, "\(name) on line \(i + 1)") { _ = try Journal.read(path: path) }
                }
            }
        }

        @Test func seededMutationsOfAMiddleLineStopAtThatLineOrStillReplay() throws {
            let dir = TempDir()
            let path = dir.file("journal.jsonl")
            let (data, _) = try writeSampleJournal(to: path)
            let lines = journalLines(data)
            var rng = SplitMix(seed: 0x5EED_0003)
            var refused = 0
            for _ in 0..<200 {
                let i = 1 + Int(rng.next() % UInt64(lines.count - 2))
                var line = scramble(Array(lines[i]), &rng)
                line = line.map { $0 == 0x0A ? 0x20 : $0 }   // one damaged line stays one line
                var damaged = lines
                damaged[i] = Data(line)
                try overwrite(path, with: joinLines(damaged))
                let before = bytes(at: path)
                do {
                    let (journal, events, recovery) = try Journal.open(path: path)
                    journal.close()
                    #expect(recovery == nil)
                    #expect(events.count == lines.count)
                    do { _ = try Incident.replay(events) } catch { #expect(!error.message.isEmpty) }
                } catch {
                    refused += 1
                    #expect(error.line == i + 1, "\(error)")
                    #expect(!error.message.isEmpty)
                }
                #expect(bytes(at: path) == before)
                #expect(dir.names == ["journal.jsonl"], "left behind: \(dir.names)")
            }
            #expect(refused >= 100, "only \(refused) of 200 mutations were refused: the mutations do too little")
        }

        @Test func aHugeGarbageLineIsRefusedWithoutQuotingIt() throws {
            let dir = TempDir()
            let path = dir.file("journal.jsonl")
            let (data, _) = try writeSampleJournal(to: path)
            var lines = journalLines(data)
            lines[2] = Data(repeating: UInt8(ascii: "x"), count: 3 << 20)
            try overwrite(path, with: joinLines(lines))
            expectRefusedUntouched(path, in: dir, line: 3)
            do {
                _ = try Journal.read(path: path)
                Issue.record("read a journal holding 3 MiB of garbage")
            } catch {
                #expect(error.description.count < 500, "the message is \(error.description.count) characters")
            }
        }

        @Test func aNoteOverFourKiBIsRefusedAndAJournalHoldingOneIsRefusedUntouched() throws {
            let dir = TempDir()
            let path = dir.file("journal.jsonl")
            let (sample, all) = try writeSampleJournal(to: path)
            // Without its closing `resolved`: nothing may be recorded after that.
            let data = joinLines(Array(journalLines(sample).dropLast()))
            try overwrite(path, with: data)
            let events = Array(all.dropLast())
            let huge = String(repeating: "受理号 A1 ", count: 2_000_000)   // 20 MB
            let incident = try Incident.replay(events)
            #expect(throws: IncidentError.self, "the state machine refuses it") {
                try incident.event(for: .note("sim", huge, provider: nil), at: at(100))
            }
            #expect(try incident.event(for: .note("sim", String(repeating: "a", count: EventLimits.maxNoteBytes), provider: nil), at: at(100)).note?.utf8.count == 4096)
            // Written by something else all the same: refused at replay, the file untouched.
            let forged = Event(seq: events.count + 1, at: at(100), .note(.init(step: "sim", provider: "china-mobile", text: huge)))
            let (journal, _, _) = try Journal.open(path: path)
            try journal.append(forged)
            journal.close()
            let before = bytes(at: path)
            let (reopened, result, _) = try Journal.openIncident(path: path, id: "damaged")
            reopened.close()
            #expect(throws: IncidentError.self) { try result.get() }
            #expect(bytes(at: path) == before)
        }

        @Test func aLineWithInvalidUTF8IsRefusedAtThatLine() throws {
            let dir = TempDir()
            let path = dir.file("journal.jsonl")
            let (data, _) = try writeSampleJournal(to: path)
            var lines = journalLines(data)
            let noteLine = try #require(lines.firstIndex { String(decoding: $0, as: UTF8.self).contains("受理号") })
            let at = try #require(lines[noteLine].range(of: Data("受理号".utf8)))
            for invalid: [UInt8] in [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x80, 0x80]] {
                var damaged = lines
                damaged[noteLine].replaceSubrange(at.lowerBound..<at.lowerBound + 3, with: invalid)
                try overwrite(path, with: joinLines(damaged))
                expectRefusedUntouched(path, in: dir, line: noteLine + 1)
            }
            // As the torn last line it is cut like any other.
            lines.append(lines[noteLine].prefix(20) + Data([0xFF, 0xFE]))
            let torn = joinLines(lines).dropLast()
            try overwrite(path, with: torn)
            let (journal, events, recovery) = try Journal.open(path: path)
            journal.close()
            #expect(events.count == lines.count - 1)
            #expect(recovery.flatMap { bytes(at: $0.backupPath) } == torn)
        }

        @Test func anEmptyJournalFileIsRefusedAndLeftAlone() throws {
            let dir = TempDir()
            let path = dir.file("empty.jsonl")
            try overwrite(path, with: Data())
            expectRefusedUntouched(path, in: dir, line: 0)
            do {
                _ = try Journal.open(path: path)
            } catch {
                #expect(error.message.contains("no event"), "\(error)")
            }
            let events = try Journal.read(path: path)
            #expect(events.isEmpty)
            #expect(throws: IncidentError.self) { _ = try Incident.replay(events) }
            #expect(try Journal.parse(Data(), path: path).wholeLength == 0)

            try overwrite(path, with: Data("\n".utf8))
            expectRefusedUntouched(path, in: dir, line: 1)
        }

        @Test func aBadTimestampOrStepIsQuotedVisiblyAndBriefly() throws {
            // Decoding and replay errors quote the journal's own text and are printed on the
            // terminal as they are: an escape sequence must arrive visible, and a 64 KiB value
            // must not make a 64 KiB message.
            let dir = TempDir()
            let path = dir.file("journal.jsonl")
            let (data, _) = try writeSampleJournal(to: path)
            var lines = journalLines(data)
            let original = String(decoding: lines[1], as: UTF8.self)
            lines[1] = Data(original.replacingOccurrences(of: "2026-11-24T", with: "\\u001b]0;owned\\u0007" + String(repeating: "9", count: 1 << 16)).utf8)
            try overwrite(path, with: joinLines(lines))
            expectRefusedUntouched(path, in: dir, line: 2)
            var error: JournalError? = nil
            do { _ = try Journal.read(path: path) } catch let e { error = e }
            let thrown = try #require(error)
            // Judged on plain values, so a failure does not print the whole message.
            let holdsControlCharacters = Sanitize.hasControlCharacters(thrown.message)
            let length = thrown.message.count
            #expect(!holdsControlCharacters, "\(Sanitize.visible(String(thrown.message.prefix(120))))…")
            #expect(length < 500, "the message is \(length) characters")

            // A step id with an escape sequence, in an event that does not fit: IncidentError.
            let (_, events) = try writeSampleJournal(to: dir.file("other.jsonl"))
            var bad = events
            guard case .move(var move) = bad[2].payload else { Issue.record("event 3 is not a move: \(bad[2].kind)"); return }
            move.step = StepID("\u{1B}]0;owned\u{7}")
            move.from = .done
            bad[2].payload = .move(move)
            var replayError: IncidentError? = nil
            do { _ = try Incident.replay(bad) } catch let e { replayError = e }
            let refused = try #require(replayError)
            #expect(!Sanitize.hasControlCharacters(refused.message), "\(Sanitize.visible(refused.message))")
        }
    }
}

// MARK: - profiles

extension DamagedInputTests {
    @Suite struct Profiles {
        let playbook = PlaybookLoader.builtin()

        var full: String {
            var p = Profile(device: DeviceDetails(model: "iPhone 15", imei: "490154203237518", number: "138 0013 8000", owner: "张三"),
                            insurer: "人保财险", policy: "PDAA2026-1", emergencyContact: "李四",
                            tips: ["tip-1": Timestamp(parsing: "2026-10-01T09:00:00.000+08:00")!])
            for choice in playbook.profileChoices { for o in choice.options.prefix(2) { p.set(choice.id, o.id, ticked: true) } }
            return ProfileFile.serialize(p, playbook: playbook)
        }

        @Test func aProfileCutShortAnywhereIsReadOrRefusedWithAPlace() {
            let data = Array(full.utf8)
            var refused = 0, read = 0
            for cut in 0..<data.count {
                let text = String(decoding: data[..<cut], as: UTF8.self)
                let load = ProfileFile.parse(yaml: text, file: "profile.yaml", playbook: playbook)
                if load.profile == nil {
                    refused += 1
                    expectClearProblems(load.problems, for: text, file: "profile.yaml")
                } else {
                    read += 1
                    #expect(load.problems.isEmpty)
                }
            }
            #expect(refused > 0 && read > 0, "refused \(refused), read \(read)")
        }

        @Test func seededMutationsAreRefusedWithAPlaceOrKeepOnlyWhatTheGuideHas() {
            var rng = SplitMix(seed: 0x5EED_0020)
            var refused = 0
            for _ in 0..<300 {
                let text = String(decoding: scramble(Array(full.utf8), &rng), as: UTF8.self)
                let load = ProfileFile.parse(yaml: text, file: "profile.yaml", playbook: playbook)
                guard let profile = load.profile else {
                    refused += 1
                    expectClearProblems(load.problems, for: text, file: "profile.yaml")
                    continue
                }
                let choices = playbook.profileChoices
                for (choice, ids) in profile.choices {
                    #expect(ids.allSatisfy { id in choices.first { $0.id == choice }?.option(id) != nil }, "\(choice): \(ids)")
                }
                if let imei = profile.device.imei { #expect(IMEI.normalized(imei) == imei) }
            }
            #expect(refused >= 100, "only \(refused) of 300 mutations were refused: the mutations do too little")
        }

        @Test func aProfileOverTheSizeLimitIsRefusedAsAWholeFileProblem() {
            let text = full + "# " + String(repeating: "x", count: ProfileFile.maxBytes) + "\n"
            let load = ProfileFile.parse(yaml: text, file: "big.yaml", playbook: playbook)
            #expect(load.profile == nil)
            expectClearProblems(load.problems, for: text, file: "big.yaml")
            #expect(load.problems.first?.line == 0)
        }
    }
}
