import Foundation
import Testing
@testable import LostphoneCore

/// The journal's timestamps are read by hand (fast) and "now" comes from libc; both must give
/// exactly what Foundation gives.
@Suite struct TimestampParsingTests {
    static let foundation = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    func fast(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { Timestamp.parseJournalShape($0) }
    }

    @Test func theJournalsShapeReadsAsFoundationReadsIt() throws {
        var generator = SystemRandomNumberGenerator()
        let zones = [0, 8 * 3600, -5 * 3600, 5 * 3600 + 45 * 60, -(9 * 3600 + 30 * 60), 14 * 3600]
        for _ in 0..<2000 {
            let seconds = Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &generator))
            let millis = Double(Int.random(in: 0...999, using: &generator))
            let zone = TimeZone(secondsFromGMT: zones.randomElement(using: &generator)!)!
            let made = Timestamp(Date(timeIntervalSince1970: seconds + millis / 1000), timeZone: zone)
            let read = try #require(fast(made.text), "\(made.text)")
            #expect(read == made.date, "\(made.text): \(read.timeIntervalSince1970) vs \(made.date.timeIntervalSince1970)")
            let byFoundation = try Self.foundation.parse(made.text)
            #expect(abs(read.timeIntervalSince1970 - byFoundation.timeIntervalSince1970) < 0.0005, "\(made.text)")
        }
    }

    @Test func otherShapesAreLeftToFoundation() {
        for text in ["2026-11-24T21:00:00Z", "2026-11-24T21:00:00.5+0800", "2026-11-24T21:00:00.12-05:00"] {
            #expect(fast(text) != nil, "\(text)")
            #expect(Timestamp(parsing: text) != nil)
        }
        for text in ["2026-02-30T10:00:00+08:00", "2026-11-24 21:00:00+08:00", "2026-11-24T24:00:00+08:00",
                     "2026-11-24T21:00:00.1234+08:00", "2026-11-24T21:00:00+08:0", "2026-11-24T21:00:00", "",
                     "2026-11-24T21:00:00.+08:00", "２026-11-24T21:00:00+08:00"] {
            #expect(fast(text) == nil, "\(text)")
        }
        // Four fraction digits: not the journal's shape, but still a timestamp, through Foundation.
        #expect(Timestamp(parsing: "2026-11-24T21:00:00.1234+08:00") != nil)
    }

    @Test func nowFromLibcIsFoundationsNow() throws {
        let before = Date()
        let now = try #require(Timestamp.localNow())
        let after = Date()
        #expect(now.date.timeIntervalSince1970 >= before.timeIntervalSince1970 - 0.001)
        #expect(now.date.timeIntervalSince1970 <= after.timeIntervalSince1970 + 0.001)
        let foundation = Timestamp(now.date, timeZone: .current)
        #expect(now.text == foundation.text)
        #expect(Timestamp(parsing: now.text) == now)
    }

    /// The clock's digits are written without String(format:); they must be what it writes.
    @Test func zeroPaddedDigitsAreWhatStringFormatWrites() {
        for width in 1...4 {
            for n in [-1234, -7, -1, 0, 1, 5, 9, 10, 59, 99, 100, 999, 1000, 2026, 12345] {
                #expect(Timestamp.zeroPadded(n, width) == String(format: "%0\(width)d", n), "\(n) to \(width)")
            }
        }
        let start = Timestamp(parsing: "2026-12-05T00:00:00.000+08:00")!
        let later = Timestamp(parsing: "2026-12-07T03:04:05.000+08:00")!
        #expect(TimeInput.elapsed(from: start, to: later) == "2d 03:04:05")
        #expect(TimeInput.elapsed(from: start, to: start) == "00:00:00")
    }
}
