import Foundation
import Testing

/// Finding 1 of the user test on the command line: `record … --at` before the state a step is
/// in, and `details --lost-at` after the first action, are refused with exit status 1, a
/// message saying what happened and what to do, and nothing written.
@Suite(.offThePool) final class EventOrderCommandLineTests {
    private let homes = TemporaryHomes()

    private func journal(_ home: URL) throws -> Data {
        let folder = home.appendingPathComponent("state/lostphone")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".jsonl") })
        return try Data(contentsOf: folder.appendingPathComponent(name))
    }

    @Test func aStateChangeBackDatedBeforeTheStateItLeavesIsRefused() throws {
        let env = homeEnvironment(try homes.make("order"))
        let blocked = try runBinary(["record", "wechat", "blocked"], environment: env)
        #expect(blocked.status == 0, "\(blocked.err)")
        let before = try journal(URL(fileURLWithPath: env["HOME"]!))
        let en = try runBinary(["record", "wechat", "done", "--at", "-30m", "--lang", "en"], environment: env)
        #expect(en.status == 1, "refused: \(en.out)")
        #expect(en.err.contains("“Freeze WeChat” became blocked at ") && en.err.contains("can't have happened earlier")
                && en.err.contains("Give --at ") && en.err.contains("Nothing was recorded."), "\(en.err)")
        let zh = try runBinary(["record", "wechat", "done", "--at", "-30m", "--lang", "zh"], environment: env)
        #expect(zh.status == 1 && zh.err.contains("「冻结微信」于 ") && zh.err.contains("记为“受阻”，之后的变化不可能更早")
                && zh.err.contains("没有记录任何内容。"), "\(zh.err)")
        #expect(try journal(URL(fileURLWithPath: env["HOME"]!)) == before, "nothing written")
        let now = try runBinary(["record", "wechat", "done"], environment: env)
        #expect(now.status == 0, "done now, after blocked, is in order: \(now.err)")
    }

    @Test func aLostAtLaterThanTheFirstActionIsRefused() throws {
        let env = homeEnvironment(try homes.make("order"))
        let done = try runBinary(["record", "police", "done", "--at", "-20m"], environment: env)
        #expect(done.status == 0, "\(done.err)")
        let before = try journal(URL(fileURLWithPath: env["HOME"]!))
        let late = try runBinary(["details", "--lost-at", "-10m", "--lang", "en"], environment: env)
        #expect(late.status == 1, "refused: \(late.out)")
        #expect(late.err.contains("can't be later than the first thing recorded: “Report to the police” done at ")
                && late.err.contains("Give --lost-at ") && late.err.contains("Nothing was recorded."), "\(late.err)")
        #expect(try journal(URL(fileURLWithPath: env["HOME"]!)) == before, "nothing written")
        let earlier = try runBinary(["details", "--lost-at", "-1h", "--lang", "en"], environment: env)
        #expect(earlier.status == 0, "a loss before the first action is in order: \(earlier.err)")
    }
}
