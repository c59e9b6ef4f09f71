import Foundation
import Testing

/// What is wrong in a playbook, a theme, the profile or a report's file is said in the person's
/// language on the command line: `--lang`, else the language `L` remembered, else the locale.
@Suite(.offThePool) final class FileProblemLanguageTests {
    private let homes = TemporaryHomes()

    /// A playbook with a version of 0: the first problem is on line 2, column 10.
    func brokenPlaybook(in home: URL) throws -> URL {
        let file = home.appendingPathComponent("broken.yaml")
        let yaml = """
        id: broken
        version: 0
        languages: [zh, en]
        title: {zh: 测试, en: Test}
        source: {publisher: {zh: 我, en: me}}
        panes:
          - id: urgent
            title: {zh: 紧急, en: Urgent}
            steps:
              - id: sim
                title: {zh: 挂失, en: SIM}
                priority: 1

        """
        try yaml.write(to: file, atomically: false, encoding: .utf8)
        return file
    }

    @Test func checkSaysAPlaybooksProblemsInChineseWithLangZh() throws {
        let h = try homes.make("words")
        let file = try brokenPlaybook(in: h)
        let zh = try runBinary(["check", "--lang", "zh", file.path], environment: homeEnvironment(h))
        #expect(zh.status == 1)
        #expect(zh.out.contains("\(file.path):2:10: version 必须是 1 或更大"), "\(zh.out)")
        #expect(zh.err.contains("lostphone check：1 个文件中有 1 个有问题。"), "\(zh.err)")
        #expect(!zh.out.contains("must be"), "\(zh.out)")

        let en = try runBinary(["check", "--lang", "en", file.path], environment: homeEnvironment(h))
        #expect(en.status == 1)
        #expect(en.out.contains("\(file.path):2:10: version must be 1 or more"), "\(en.out)")
        #expect(en.err.contains("lostphone check: 1 of 1 file(s) have problems."), "\(en.err)")
    }

    @Test func aChineseLocaleIsEnoughForCheck() throws {
        let h = try homes.make("words")
        let file = try brokenPlaybook(in: h)
        var env = homeEnvironment(h)
        env["LANG"] = "zh_CN.UTF-8"
        let r = try runBinary(["check", file.path], environment: env)
        #expect(r.status == 1)
        #expect(r.out.contains("version 必须是 1 或更大"), "\(r.out)")
    }

    @Test func aBrokenPlaybookStopsTheGuideWithItsProblemsInChinese() throws {
        let h = try homes.make("words")
        let file = try brokenPlaybook(in: h)
        let r = try runBinary(["guide", "--lang", "zh", "--playbook", file.path], environment: homeEnvironment(h))
        #expect(r.status == 1)
        #expect(r.err.contains("\(file.path):2:10: version 必须是 1 或更大"), "\(r.err)")
        #expect(r.err.contains("lostphone：指南 \(file.path) 有 1 处问题"), "\(r.err)")
    }

    @Test func aDamagedProfileIsNamedInChineseByPrepare() throws {
        let h = try homes.make("words")
        let folder = h.appendingPathComponent("config/lostphone")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "version: one\n".write(to: folder.appendingPathComponent("profile.yaml"), atomically: false, encoding: .utf8)
        let r = try runBinary(["prepare", "--lang", "zh", "--show"], environment: homeEnvironment(h))
        #expect(r.status == 1)
        #expect(r.err.contains("profile.yaml:1:10: version 必须是整数"), "\(r.err)")
        #expect(try String(contentsOf: folder.appendingPathComponent("profile.yaml"), encoding: .utf8) == "version: one\n")
    }

    @Test func aBrokenThemeFileIsCountedInChineseByThemes() throws {
        let h = try homes.make("words")
        let folder = h.appendingPathComponent("config/lostphone/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "styles:\n  text: {fg: \"#12\"}\n".write(to: folder.appendingPathComponent("mine.yaml"), atomically: false, encoding: .utf8)
        let r = try runBinary(["themes", "--lang", "zh"], environment: homeEnvironment(h))
        #expect(r.status == 0)
        #expect(r.out.contains("（1 处问题：lostphone check \(folder.path)/mine.yaml）"), "\(r.out)")
        #expect(r.out.contains("查找顺序："), "\(r.out)")
        #expect(r.out.contains("你的  \(folder.path)/mine.yaml"), "\(r.out)")
    }

    @Test func exportRefusesToReplaceAReportInChinese() throws {
        let h = try homes.make("words")
        let dir = h.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try (#"{"at":"2026-11-24T21:00:00.000+08:00","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"# + "\n")
            .write(to: dir.appendingPathComponent("20261124-210000.jsonl"), atomically: false, encoding: .utf8)
        let existing = h.appendingPathComponent("report.md")
        try "mine\n".write(to: existing, atomically: false, encoding: .utf8)
        let r = try runBinary(["export", "--lang", "zh", "-o", existing.path], environment: homeEnvironment(h))
        #expect(r.status == 1)
        #expect(r.err.contains("lostphone export: \(existing.path) 已存在；要替换它请加 --force，或用 -o 换一个名字。"), "\(r.err)")
        #expect(try String(contentsOf: existing, encoding: .utf8) == "mine\n")

        let written = h.appendingPathComponent("new.md")
        let done = try runBinary(["export", "--lang", "zh", "-o", written.path], environment: homeEnvironment(h))
        #expect(done.status == 0)
        #expect(done.err.contains("报告已写入 \(written.path)（只有你能读取）。"), "\(done.err)")
    }

    /// The full screen starts with the default theme and says why in the person's language.
    @Test(.enabled(if: TmuxSession.available)) func aThemeThatIsNotThereIsSaidInChineseOnTheFullScreen() throws {
        let t = try TmuxSession(width: 120, arguments: ["--lang", "zh", "--theme", "no-such-theme"])
        try t.expectScreen(contains: "no-such-theme: 没有这个名字的主题")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }
}
