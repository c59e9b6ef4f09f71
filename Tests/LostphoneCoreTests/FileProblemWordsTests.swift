import Foundation
import Testing
@testable import LostphoneCore

/// Every problem found in a playbook, a theme or the profile file, and every reason a report
/// file was not written, is said in both languages: the Chinese is Chinese (what stays English
/// is what is quoted from the file or is the file format's own word), the English is English.
@Suite struct FileProblemWordsTests {
    /// One of each kind; `k` stands for the place in the file, `v` for a value quoted from it.
    static let kinds: [FileProblemKind] = [
        .tooLarge(bytes: 20, limit: 10), .tooLarge(bytes: 20, limit: 10, notRead: true), .grewWhileRead(limit: 10), .empty,
        .aliasBudget(limit: 1_000_000), .invalidYAML(detail: "v"), .duplicateKeys(["v", "v"]), .unreadableText(detail: "v"),
        .notUTF8, .cannotReadPlaybook, .cannotReadTheme, .cannotRead(reason: "v", checkPermissions: true),
        .cannotRead(reason: "v", checkPermissions: false), .symbolicLink, .notARegularFile, .hardLink(names: 2),
        .notAMapping(what: "k"), .keyNotAWord(what: "k"), .unknownKey(what: "k", key: "v", allowed: ["id", "title"]),
        .missingKey(what: "k", key: "v"), .notAList(what: "k"), .notAText(what: "k"), .controlCharacter(what: "k", scalar: 0x1B),
        .notAWholeNumber(what: "k"), .notTrueOrFalse(what: "k", value: nil), .notTrueOrFalse(what: "k", value: "v"),
        .notAPlaybook, .unsupportedLanguage("v"), .languageListedTwice("v"), .noLanguage, .versionTooLow, .noPanes,
        .tooManyPanes(limit: 4), .paneIDTwice("v"), .badIdentifier(what: "k", value: "v"), .textMissing(what: "k", language: "en"),
        .textEmpty(what: "k", language: "en"), .notAPlaybookLanguage(what: "k", key: "v"), .notADate(what: "k"),
        .notAWebAddress(what: "k"), .badPaneKind, .noSteps, .needsPriority(step: "v"), .tipHasPriority(step: "v"),
        .stepIDUsed("v", line: 3), .priorityOutOfRange, .providerIDTwice("v"), .groupWithoutProviders, .choiceWithProviders,
        .onlyWith(key: "choice-name", other: "choice"), .pressWithoutPhone, .readAtWithoutPage, .requiresListedTwice("v"),
        .requiresEmpty, .requiresWithoutWhy, .followUpSharedWithProvider(id: "v", provider: "v"), .requiresUnknownStep("v"),
        .requiresCycle(["v", "v", "v"]), .followUpsEmpty, .followUpIDTwice("v"), .badAfter("v"), .badDue("v"),
        .closedByUnknownStep("v"), .groupMismatch(group: "v", step: "v", missing: ["v"], extra: ["v"], reference: "v", line: 3),
        .groupMismatch(group: "v", step: "v", missing: [], extra: ["v"], reference: "v", line: 3),
        .contactKinds(found: []), .contactKinds(found: ["phone", "web"]), .badPhone("v"), .badWeb("v"), .badPress("v"),
        .confirmedWithoutPage(key: "confirmed"), .badPage(key: "page", value: "v"), .badSource("v"),
        .unreadableStyle(element: "text", contrast: 1), .builtinColourName("v"), .badPaletteName("v"),
        .notAColour(what: "k", value: "v"), .noSuchThemeFile, .noSuchTheme(known: ["default", "light"]),
        .profileTooNew(version: 3, reads: 1), .field(what: "k", FieldProblem(field: .imei, reason: .imeiLength(14))),
        .notATime(what: "k", value: "v"),
    ]

    /// Each kind's place in the enum: the switch is exhaustive, so a new kind does not compile
    /// until it is named here, and `everyKindIsInTheList` then wants a sample of it.
    static func ordinal(_ kind: FileProblemKind) -> Int {
        switch kind {
        case .tooLarge: 0
        case .grewWhileRead: 1
        case .empty: 2
        case .aliasBudget: 3
        case .invalidYAML: 4
        case .duplicateKeys: 5
        case .unreadableText: 6
        case .notUTF8: 7
        case .cannotReadPlaybook: 8
        case .cannotReadTheme: 9
        case .cannotRead: 10
        case .symbolicLink: 11
        case .notARegularFile: 12
        case .hardLink: 13
        case .notAMapping: 14
        case .keyNotAWord: 15
        case .unknownKey: 16
        case .missingKey: 17
        case .notAList: 18
        case .notAText: 19
        case .controlCharacter: 20
        case .notAWholeNumber: 21
        case .notTrueOrFalse: 22
        case .notAPlaybook: 23
        case .unsupportedLanguage: 24
        case .languageListedTwice: 25
        case .noLanguage: 26
        case .versionTooLow: 27
        case .noPanes: 28
        case .tooManyPanes: 29
        case .paneIDTwice: 30
        case .badIdentifier: 31
        case .textMissing: 32
        case .textEmpty: 33
        case .notAPlaybookLanguage: 34
        case .notADate: 35
        case .notAWebAddress: 36
        case .badPaneKind: 37
        case .noSteps: 38
        case .needsPriority: 39
        case .tipHasPriority: 40
        case .stepIDUsed: 41
        case .priorityOutOfRange: 42
        case .providerIDTwice: 43
        case .groupWithoutProviders: 44
        case .choiceWithProviders: 45
        case .onlyWith: 46
        case .pressWithoutPhone: 47
        case .readAtWithoutPage: 48
        case .requiresListedTwice: 49
        case .requiresEmpty: 50
        case .requiresWithoutWhy: 51
        case .followUpSharedWithProvider: 52
        case .requiresUnknownStep: 53
        case .requiresCycle: 54
        case .followUpsEmpty: 55
        case .followUpIDTwice: 56
        case .badAfter: 57
        case .badDue: 58
        case .closedByUnknownStep: 59
        case .groupMismatch: 60
        case .contactKinds: 61
        case .badPhone: 62
        case .badWeb: 63
        case .badPress: 64
        case .confirmedWithoutPage: 65
        case .badPage: 66
        case .badSource: 67
        case .unreadableStyle: 68
        case .builtinColourName: 69
        case .badPaletteName: 70
        case .notAColour: 71
        case .noSuchThemeFile: 72
        case .noSuchTheme: 73
        case .profileTooNew: 74
        case .field: 75
        case .notATime: 76
        }
    }

    @Test func everyKindIsInTheList() {
        let covered = Set(Self.kinds.map(Self.ordinal))
        #expect(covered == Set(0...76), "no sample of kinds \(Set(0...76).subtracting(covered).sorted())")
    }

    /// The words a Chinese message may keep in Latin letters: the file formats' own keys and
    /// values (which the file holds in English), commands, units and examples to copy.
    static let formatWords: Set<String> = [
        "k", "v", "id", "title", "zh", "en", "languages", "version", "panes", "kind", "actions", "tips", "steps", "priority",
        "group", "choice", "choice-name", "requires", "requires-why", "follow-ups", "after", "due", "closed-by", "contact",
        "phone", "web", "path", "press", "confirmed", "page", "read-at", "source", "article", "styles", "text", "palette",
        "default", "light", "bright-red", "true", "false", "YAML", "UTF-8", "lostphone", "themes", "check", "done", "blocked",
        "skipped", "inProgress", "m", "h", "d", "w", "mo", "YYYY-MM-DD", "rrggbb", "ANSI", "name", "http", "https",
        "weixin110.qq.com", "www.icloud.com", "support.apple.com", "HT208491", "icbc.com.cn", "third-party", "guides",
        "U+001B", "IMEI", "k.en", "styles.text", "30m", "24h", "5d", "2w", "6mo",
    ]

    /// The runs of Latin letters (with the digits, dots, hyphens and plus signs that join them)
    /// in `text`, less what is quoted in backticks.
    static func latinWords(_ text: String) -> [String] {
        let unquoted = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
        var words: [String] = [], current = ""
        for c in unquoted {
            if c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "+" || c == "_") { current.append(c) }
            else { if !current.isEmpty { words.append(current) }; current = "" }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".-")) }
            .filter { $0.contains { $0.isLetter } }
    }

    @Test(arguments: kinds) func everyKindIsSaidInChineseAndInEnglish(_ kind: FileProblemKind) {
        let zh = kind.text(in: .zh), en = kind.text(in: .en)
        #expect(FileWordsTests.hasHan(zh) && zh != en, "\(kind): \(zh)")
        // The one Chinese an English message holds is an example of a text in each language.
        #expect(!en.isEmpty && !FileWordsTests.hasHan(en.replacingOccurrences(of: "{zh: 第三方指南", with: "")), "\(kind): \(en)")
        let english = Self.latinWords(zh).filter { !Self.formatWords.contains($0) && !$0.hasPrefix("20") }
        #expect(english.isEmpty, "English left in the Chinese of \(kind): \(english) in \(zh)")
    }

    /// The playbook's elements are named in Chinese, their keys as the file has them.
    @Test func aPlaceIsSaidWithTheElementInChineseAndTheKeyAsWritten() {
        #expect(FileProblemKind.notAText(what: "step title").text(in: .zh) == "步骤 title 必须是文本")
        #expect(FileProblemKind.notAMapping(what: "follow-up").text(in: .zh) == "后续事项必须是映射（键: 值）")
        #expect(FileProblemKind.textMissing(what: "provider name", language: "en").text(in: .zh) == "服务商 name：缺少 en 文本")
        #expect(FileProblemKind.notADate(what: "source.date").text(in: .zh) == "source.date 必须写成 YYYY-MM-DD")
        #expect(FileProblemKind.notAText(what: "playbook").text(in: .zh) == "playbook 必须是文本", "a key stays as the file has it")
        #expect(FileProblemKind.notAText(what: "step title").text(in: .en) == "step title must be a text")
    }

    /// A profile the form cannot save over names its problem in the form's language.
    @Test func aDamagedProfileIsNamedInTheLanguageOfTheRefusal() {
        let damaged = ProfileSaveProblem.damaged(FileProblem(file: "profile.yaml", line: 3, column: 1, .notAList(what: "choices")))
        #expect(damaged.text(in: .zh).hasPrefix("profile.yaml:3:1: choices 必须是列表；文件保持原样"), "\(damaged.text(in: .zh))")
        #expect(damaged.text(in: .en).hasPrefix("profile.yaml:3:1: choices must be a list; the file is left as it is"))
    }

    static let reportProblems: [ReportWriteProblem] = [
        .isADirectory(path: "/r"), .exists(path: "/r/a.md"), .cannotWriteIn(directory: "/r", reason: "EACCES"),
        .cannotWrite(path: "/r/a.md", reason: "EIO"), .cannotPlace(path: "/r/a.md", reason: "EIO", replacing: true),
        .cannotPlace(path: "/r/a.md", reason: "EIO", replacing: false), .appeared(path: "/r/a.md"),
    ]

    @Test(arguments: reportProblems) func everyReportWriteProblemIsSaidInChinese(_ problem: ReportWriteProblem) {
        let zh = problem.text(in: .zh), en = problem.text(in: .en)
        #expect(FileWordsTests.hasHan(zh) && !FileWordsTests.hasHan(en), "\(problem): \(zh)")
        let english = Self.latinWords(zh).filter { !["r", "a.md", "EACCES", "EIO", "o", "force", "report.md"].contains($0) }
        #expect(english.isEmpty, "English left in the Chinese of \(problem): \(english)")
    }

    @Test func theCommandLinesWordsAndTheThemeNoticeAreSaidInChinese() {
        let said: [(Language) -> String] = [
            FileCheckWord.playbookRefused(path: nil, count: 2).text, FileCheckWord.playbookRefused(path: "/p.yaml", count: 1).text,
            FileCheckWord.checkFailed(failed: 1, total: 2).text, FileCheckWord.themeProblems(count: 1, path: "/t.yaml").text,
            FileCheckWord.overridesBuiltin.text, FileCheckWord.themesSearched(directories: ["/a"], builtins: ["default"]).text,
            ThemeNotice.ownFileReplacesBuiltin(name: "light", path: "/t/light.yaml").text, FileCheckWord.reportWritten(path: "/r.md").text,
            FileCheckWord.origin(.user).text, FileCheckWord.origin(.installed).text, FileCheckWord.origin(.workingDirectory).text,
            FileCheckWord.origin(.builtin).text,
        ]
        for text in said {
            #expect(FileWordsTests.hasHan(text(.zh)) && !FileWordsTests.hasHan(text(.en)), "\(text(.zh))")
        }
    }

    /// The position stays first and as editors read it, in either language; what is quoted from
    /// the file is made visible and kept short in both.
    @Test func thePositionLeadsAndQuotedTextIsMadeVisibleInEitherLanguage() {
        let problem = FileProblem(file: "/p.yaml", line: 3, column: 7, .badPhone("1\u{1B}[2J" + String(repeating: "9", count: 500)))
        for language in Language.allCases {
            let text = problem.text(in: language)
            #expect(text.hasPrefix("/p.yaml:3:7: phone"), "\(text)")
            #expect(!Sanitize.hasControlCharacters(text) && text.contains("␛[2J"), "\(text)")
            #expect(problem.message(in: language).count <= 300)
        }
        // A long value is cut, not what is wrong with it.
        #expect(problem.text(in: .zh).hasSuffix("不是电话号码（数字，分组之间用 - 连接，例如 0755-83765566）"), "\(problem.text(in: .zh))")
        #expect(problem.text(in: .en).hasSuffix("is not a phone number (digits, groups joined by -, such as 0755-83765566)"))
        #expect(problem.description == problem.text(in: .en))
        #expect(FileProblem(file: "/p.yaml", .empty).text(in: .zh) == "/p.yaml: 文件是空的")
    }

    /// A real playbook's problems, as the loader raises them, read in Chinese.
    @Test func aBrokenPlaybooksProblemsAreSaidInChinese() throws {
        let yaml = """
        id: broken
        version: 0
        languages: [zh, en]
        title: {zh: 测试, en: Test}
        source: {publisher: {zh: 我, en: me}, date: yesterday}
        panes:
          - id: urgent
            title: {zh: 紧急, en: Urgent}
            steps:
              - id: sim
                title: {zh: 挂失, en: SIM}
                priority: 120
        """
        guard case .failure(let errors) = PlaybookLoader.load(yaml: yaml, file: "broken.yaml") else {
            Issue.record("a broken playbook was accepted"); return
        }
        let zh = errors.problems.map { $0.text(in: .zh) }
        #expect(zh.contains("broken.yaml:2:10: version 必须是 1 或更大"), "\(zh)")
        #expect(zh.contains("broken.yaml:5:44: source.date 必须写成 YYYY-MM-DD"), "\(zh)")
        #expect(zh.contains("broken.yaml:12:19: priority 必须在 1（最紧急）到 99 之间"), "\(zh)")
        #expect(errors.problems.map(\.description).contains("broken.yaml:2:10: version must be 1 or more"))
    }
}
