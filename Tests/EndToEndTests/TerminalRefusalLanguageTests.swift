import Foundation
import Testing

/// Where the full screen cannot start, the refusal and the commands to use instead are said in
/// the person's language, chosen as for the screen: `--lang`, else the remembered choice, else
/// the locale.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct TerminalRefusalLanguageTests {
    @Test func noTerminalIsRefusedInChinese() throws {
        let scratch = NSTemporaryDirectory() + "/lostphone-notty-zh-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let env = ["HOME": scratch, "TERM": "xterm-256color", "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": scratch + "/state"]
        for (arguments, locale) in [(["--lang", "zh"], "C.UTF-8"), ([], "zh_CN.UTF-8")] {
            var e = env
            e["LANG"] = locale
            let r = try runBinary(arguments, environment: e)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.err.contains("lostphone：无法打开全屏界面：标准输入不是终端。"), "\(arguments): \(r.err)")
            #expect(r.err.contains("不用全屏，也可以") && r.err.contains("lostphone export    导出给警方、银行或保险公司的报告"), "\(r.err)")
            // Recording works without the full screen too, and the refusal says how (the user
            // test found only the reading commands named).
            #expect(r.err.contains("lostphone record    记下一项的状态") && r.err.contains("lostphone note ") && r.err.contains("lostphone next "), "\(r.err)")
            #expect(!r.err.contains("cannot open"), "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: scratch + "/state"), "nothing is created without a terminal")
        }
        // And in English when that is the language.
        let en = try runBinary(["--lang", "en"], environment: env)
        #expect(en.err.contains("lostphone: cannot open the full screen: standard input is not a terminal."), "\(en.err)")
    }

    @Test func anUnknownTerminalTypeIsNamedInChinese() throws {
        let t = try TmuxSession(arguments: ["--lang", "zh"], environment: ["TERM": "no-such-terminal-xyz"])
        try t.expectScreen(contains: "EXITED:2", "这里不认识终端类型 'no-such-terminal-xyz'", "lostphone guide")
    }
}
