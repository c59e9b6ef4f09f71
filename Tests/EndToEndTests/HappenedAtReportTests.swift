import Foundation
import Testing

/// #25 item 1 on the command line: `record wechat done --at -20m` (it happened 20 minutes before
/// it was recorded, and before lostphone was opened), then `status` and every report format show
/// the happened time first, the recorded one after it, and a negative duration, never 0.
@Suite(.offThePool) final class HappenedAtReportTests {
    private let homes = TemporaryHomes()

    @Test(arguments: ["en", "zh"])
    func aBackDatedStepShowsItsHappenedTimeAndANegativeDurationEverywhere(language: String) throws {
        let home = try homes.make("happened")
        let env = homeEnvironment(home)
        let recorded = try runBinary(["record", "wechat", "done", "--at", "-20m"], environment: env)
        #expect(recorded.status == 0, "\(recorded.err)")
        // "… (happened at 2026-12-04 20:48:06 +00:00)."
        let happened = try #require(recorded.out.range(of: "happened at ").map { String(recorded.out[$0.upperBound...].prefix(25)) })
        #expect(happened.count == 25, "the happened time: \(recorded.out)")
        let before = language == "zh" ? "打开 lostphone 之前" : "before you opened lostphone"
        let recordedWord = language == "zh" ? "记录于" : "recorded"

        let status = try runBinary(["status", "--lang", language], environment: env)
        let lines = status.out.split(separator: "\n")
        let row = try #require(lines.firstIndex { $0.contains("[x]") && $0.contains(happened) }, "status:\n\(status.out)")
        #expect(lines[row].contains(recordedWord), "status: the recorded time follows: \(lines[row])")
        #expect(lines[row + 1].contains(before), "status: the signed duration: \(lines[row + 1])")

        for format in ["md", "txt", "html"] {
            let r = try runBinary(["export", "--format", format, "--lang", language, "-o", "-"], environment: env)
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.contains(happened), "\(format): the happened time")
            #expect(r.out.contains(recordedWord), "\(format): the recorded time beside it")
            #expect(r.out.contains(before), "\(format): the negative duration")
            // No clamped zero: "0m 00s" / "0分00秒" with no digit before it.
            #expect(r.out.range(of: "(?<![0-9])0(m |分)00(s|秒)", options: .regularExpression) == nil, "\(format): no clamped zero")
        }
        let json = try runBinary(["export", "--format", "json", "--lang", language, "-o", "-"], environment: env)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let wechat = try #require((object["durations"] as? [[String: Any]])?.first { $0["step"] as? String == "wechat" })
        let seconds = try #require(wechat["secondsAfterStart"] as? Int)
        #expect((-1201 ... -1199).contains(seconds), "JSON: about -1200 s, not 0: \(seconds)")
        #expect(wechat["secondsAfterLoss"] is NSNull)
    }
}
