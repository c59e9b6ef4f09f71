import Foundation
import Testing

/// The command line before any command: `-V`, a mistyped command, the hidden key table the
/// manual page is made from, and the completions the shells ask the binary for.
@Suite(.offThePool) final class TopLevelTests {
    private let homes = TemporaryHomes()

    func home() throws -> URL { try homes.make("top") }

    @Test func dashCapitalVIsDashDashVersion() throws {
        let env = homeEnvironment(try home())
        let long = try runBinary(["--version"], environment: env)
        let short = try runBinary(["-V"], environment: env)
        #expect(long.status == 0 && short.status == 0)
        #expect(short.out == long.out)
        #expect(long.out.hasPrefix("lostphone "))
    }

    @Test func aMistypedCommandIsNamedWithTheListAndExits64() throws {
        let env = homeEnvironment(try home())
        for arguments in [["frob"], ["--lang", "en", "frob"], ["--theme", "light", "frob", "--new"]] {
            let r = try runBinary(arguments, environment: env)
            #expect(r.status == 64, "\(arguments)")
            #expect(r.err.contains("unknown command 'frob'"), "\(r.err)")
            for command in ["open", "record", "export", "prepare", "guide"] {
                #expect(r.err.contains(command), "the list names \(command): \(r.err)")
            }
            #expect(!r.err.contains("key-table"), "the hidden command is not offered")
        }
        var chinese = env
        chinese["LANG"] = "zh_CN.UTF-8"
        let zh = try runBinary(["frob"], environment: chinese)
        #expect(zh.status == 64 && zh.err.contains("没有“frob”这个命令") && zh.err.contains("export"), "\(zh.err)")
        // An option's value is not taken for a command, and a real command still runs.
        let guide = try runBinary(["guide", "--lang", "en"], environment: env)
        #expect(guide.status == 0)
    }

    @Test func theKeyTableForTheManualIsTheProgramsOwn() throws {
        let r = try runBinary(["key-table", "--format", "man"], environment: homeEnvironment(try home()))
        #expect(r.status == 0)
        #expect(r.out.hasPrefix(".Bl -tag"))
        #expect(r.out.contains(".It Sy \"d  Space\""), "\(r.out)")
        #expect(r.out.contains(".It Sy \"Up Down  k j\""), "arrows spelled out: \(r.out)")
        let lines = r.out.split(separator: "\n")
        #expect(!lines.contains { $0.unicodeScalars.contains { $0.value > 0x7f } && $0.hasPrefix(".It") }, "no arrows left in the keys")
        // Every key of the help overlay is there: the same count of rows.
        let text = try runBinary(["key-table"], environment: homeEnvironment(try home()))
        #expect(lines.filter { $0.hasPrefix(".It ") }.count == text.out.split(separator: "\n").count)
    }

    @Test func completionAsksTheBinaryForStepsProvidersAndIncidents() throws {
        let h = try home()
        let env = homeEnvironment(h)
        #expect(try runBinary(["record", "sim", "done", "--provider", "china-mobile"], environment: env).status == 0)
        let steps = try runBinary(["---completion", "record", "--", "positional@0", "2", "0", "lostphone", "record", ""], environment: env)
        #expect(steps.out.split(separator: "\n").contains("wechat"), "\(steps.out) \(steps.err)")
        let providers = try runBinary(["---completion", "record", "--", "--provider", "5", "0", "lostphone", "record", "bank", "done", "--provider", ""],
                                      environment: env)
        let offered = providers.out.split(separator: "\n")
        #expect(offered.contains("icbc") && !offered.contains("china-mobile"), "\(providers.out) \(providers.err)")
        let incidents = try runBinary(["---completion", "export", "--", "--incident", "3", "0", "lostphone", "export", "--incident", ""], environment: env)
        #expect(incidents.out.split(separator: "\n").count == 1 && incidents.out.hasPrefix("20"), "\(incidents.out) \(incidents.err)")
        // Asked at the top (the full screen's own options), answered by `open`.
        let themes = try runBinary(["---completion", "--", "--theme", "2", "0", "lostphone", "--theme", ""], environment: env)
        #expect(themes.out.split(separator: "\n").contains("gruvbox-dark"), "\(themes.out) \(themes.err)")
    }

    @Test func theScriptsOfferTheFullScreensOptionsAtTheTop() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try runBinary(["--generate-completion-script", shell], environment: homeEnvironment(try home()))
            #expect(r.status == 0)
            // fish names options without their dashes (-l state-dir, 'state-dir=').
            for option in ["--theme", "--state-dir", "--new", "--incident"] {
                let name = shell == "fish" ? String(option.dropFirst(2)) : option
                #expect(r.out.contains(name), "\(shell) offers \(option)")
            }
            // Offered at the top, before any command: not only in `open`'s part of the script.
            let top = r.out.components(separatedBy: "\n").filter { $0.contains("--new") || $0.contains("'new'") || $0.contains("-l new") }
            #expect(top.count >= 2, "\(shell) offers --new at the top and in open: \(top)")
            #expect(!r.out.contains("key-table"), "\(shell) hides key-table")
        }
    }
}
