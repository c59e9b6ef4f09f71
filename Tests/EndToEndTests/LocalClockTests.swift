import Foundation
import Testing

/// The clock reads libc's local time (`localtime_r`), not Foundation's zone data: the time a
/// command records must be the moment it ran, written in the zone `TZ` names, with its offset,
/// as Foundation would write it, in every zone (a half-hour one and one west of UTC included).
@Suite(.offThePool) struct LocalClockTests {
    let homes = TemporaryHomes()

    @Test(arguments: ["Asia/Shanghai", "America/New_York", "Asia/Kolkata", "UTC"])
    func aRecordedTimeIsTheMomentInTheZoneTZNames(zone: String) throws {
        let home = try homes.make("clock")
        var env = homeEnvironment(home)
        env["TZ"] = zone
        let before = Date()
        let result = try runBinary(["note", "--lang", "en", "police", "case 7"], environment: env)
        let after = Date()
        #expect(result.status == 0, "\(result.err)")
        let folder = home.appendingPathComponent("state/lostphone")
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".jsonl") })
        let lines = try String(contentsOf: folder.appendingPathComponent(journal), encoding: .utf8).split(separator: "\n")
        let last = try JSONSerialization.jsonObject(with: Data(try #require(lines.last).utf8)) as? [String: Any]
        let at = try #require(last?["at"] as? String)

        // The same moment, written by Foundation in that zone.
        let date = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(at)
        #expect(date.timeIntervalSince(before) >= -0.002 && after.timeIntervalSince(date) >= -0.002, "\(at) is not when the command ran")
        let tz = try #require(TimeZone(identifier: zone))
        let offset = tz.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let suffix = sign + String(format: "%02d:%02d", abs(offset) / 3600, abs(offset) % 3600 / 60)
        #expect(at.hasSuffix(suffix), "\(at) in \(zone) should end with \(suffix)")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tz
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let wall = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        #expect(at.hasPrefix(wall), "\(at) in \(zone): Foundation says \(wall)")
    }
}
