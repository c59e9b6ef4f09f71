import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A moment as recorded in the journal: ISO 8601 with milliseconds and the local UTC offset
/// (`2026-11-24T21:48:13.123+08:00`). The text is kept exactly as written so a replayed journal
/// shows the same times that were on screen.
public struct Timestamp: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let date: Date
    public let text: String

    /// Formats `date` in `timeZone`.
    public init(_ date: Date, timeZone: TimeZone = .current) {
        // Round to the millisecond so date and text agree after a round trip.
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        self.date = Date(timeIntervalSince1970: ms / 1000)
        self.text = Timestamp.format(self.date, timeZone: timeZone)
    }

    /// Parses an ISO 8601 timestamp, with or without fractional seconds; nil if it is not one.
    public init?(parsing text: String) {
        guard let date = Timestamp.parse(text) else { return nil }
        self.date = date
        self.text = text
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let t = Timestamp(parsing: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 timestamp: \(s)")
        }
        self = t
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }

    /// The fixed-offset zone the text was written in (`+08:00`); UTC when it has none.
    public var timeZone: TimeZone {
        guard let offset = offsetSuffix else { return TimeZone(secondsFromGMT: 0)! }
        let digits = offset.filter(\.isNumber)
        let hours = Int(digits.prefix(2)) ?? 0, minutes = Int(digits.suffix(2)) ?? 0
        let seconds = (hours * 3600 + minutes * 60) * (offset.hasPrefix("-") ? -1 : 1)
        return TimeZone(secondsFromGMT: seconds) ?? TimeZone(secondsFromGMT: 0)!
    }

    /// The UTC offset the text ends with (`+08:00`, `-0500`), if any.
    public var offsetSuffix: Substring? {
        for length in [6, 5] where text.count > length {
            let tail = text.suffix(length)
            let chars = Array(tail)
            guard chars[0] == "+" || chars[0] == "-" else { continue }
            func digit(_ i: Int) -> Bool { chars[i].isASCII && chars[i].isNumber }
            let shapeOK = length == 6 ? chars[3] == ":" && [1, 2, 4, 5].allSatisfy(digit) : [1, 2, 3, 4].allSatisfy(digit)
            if shapeOK { return tail }
        }
        return nil
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.date < b.date }
    public static func == (a: Timestamp, b: Timestamp) -> Bool { a.text == b.text && a.date == b.date }
    public func hash(into h: inout Hasher) { h.combine(text) }
    public var description: String { text }

    static func format(_ date: Date, timeZone: TimeZone) -> String {
        // Written by hand: Foundation's ISO 8601 styles write `Z` or `+0800`, and the journal
        // always carries an explicit `+08:00`.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let ms = min(999, Int((Double(c.nanosecond ?? 0) / 1_000_000).rounded()))
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let oh = abs(offset) / 3600, om = (abs(offset) % 3600) / 60
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0, ms)
            + sign + String(format: "%02d:%02d", oh, om)
    }

    static func parse(_ text: String) -> Date? {
        // The journal's own shape, read by hand (a journal holds one or more per event, and
        // Foundation's parser made most of the time of opening a long one); anything else, as
        // before, by Foundation.
        var text = text
        if let date = text.withUTF8({ parseJournalShape($0) }) { return date }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let d = try? withFraction.parse(text) { return d }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}

extension Timestamp {
    /// `YYYY-MM-DDTHH:MM:SS[.f, .ff or .fff](Z|±HH:MM|±HHMM)`, as the journal writes it, to the
    /// same `Date` that `Timestamp(date)` makes (whole milliseconds over 1000); nil for any other
    /// shape or an impossible date, which `parse` then gives to Foundation.
    static func parseJournalShape(_ u: UnsafeBufferPointer<UInt8>) -> Date? {
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= u.count else { return nil }
            var value = 0
            for i in at..<(at + count) {
                let digit = Int(u[i]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        func byte(_ at: Int, _ ascii: Unicode.Scalar) -> Bool { at < u.count && u[at] == UInt8(ascii: ascii) }
        guard u.count >= 20, let year = number(0, 4), byte(4, "-"), let month = number(5, 2), byte(7, "-"),
              let day = number(8, 2), byte(10, "T"), let hour = number(11, 2), byte(13, ":"),
              let minute = number(14, 2), byte(16, ":"), let second = number(17, 2) else { return nil }
        var i = 19
        var millis = 0
        if byte(i, ".") {
            i += 1
            var digits = 0
            while i < u.count, u[i] >= 48 && u[i] <= 57 {
                guard digits < 3 else { return nil }
                millis = millis * 10 + Int(u[i]) - 48
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<3 { millis *= 10 }
        }
        var offset = 0
        if byte(i, "Z") && i + 1 == u.count {
            offset = 0
        } else if byte(i, "+") || byte(i, "-") {
            let sign = u[i] == UInt8(ascii: "-") ? -1 : 1
            guard let oh = number(i + 1, 2) else { return nil }
            let om: Int?
            if byte(i + 3, ":") { om = number(i + 4, 2); guard i + 6 == u.count else { return nil } }
            else { om = number(i + 3, 2); guard i + 5 == u.count else { return nil } }
            guard let om, oh <= 23, om <= 59 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day >= 1, day <= monthDays[month - 1],
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        // Days from 1970-01-01 to the civil date (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds * 1000 + millis) / 1000)
    }

    #if canImport(Glibc)
    /// Now, in the local zone as libc has it (`TZ`, else /etc/localtime): the same text as
    /// `Timestamp(Date())`, without Foundation loading its own time-zone data at start.
    static func localNow() -> Timestamp? {
        var spec = timespec()
        guard clock_gettime(CLOCK_REALTIME, &spec) == 0 else { return nil }
        let totalMillis = Int64(spec.tv_sec) * 1000 + (Int64(spec.tv_nsec) + 500_000) / 1_000_000
        var seconds = time_t(totalMillis / 1000)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return nil }
        let offset = Int(parts.tm_gmtoff)
        let sign = offset < 0 ? "-" : "+"
        // Without String(format:), which goes through Foundation's CFString formatting.
        let d = zeroPadded
        let text = d(Int(parts.tm_year) + 1900, 4) + "-" + d(Int(parts.tm_mon) + 1, 2) + "-" + d(Int(parts.tm_mday), 2)
            + "T" + d(Int(parts.tm_hour), 2) + ":" + d(Int(parts.tm_min), 2) + ":" + d(Int(parts.tm_sec), 2)
            + "." + d(Int(totalMillis % 1000), 3) + sign + d(abs(offset) / 3600, 2) + ":" + d((abs(offset) % 3600) / 60, 2)
        return Timestamp(date: Date(timeIntervalSince1970: Double(totalMillis) / 1000), text: text)
    }
    #else
    static func localNow() -> Timestamp? { nil }
    #endif

    /// `n` in decimal with zeros before it to `width` digits, as `String(format: "%0<width>d", n)`
    /// writes it.
    static func zeroPadded(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
        return (n < 0 ? "-" : "") + zeros + digits
    }

    init(date: Date, text: String) {
        self.date = date
        self.text = text
    }
}

/// The source of "now", injected so tests fix the time.
public protocol WallClock: Sendable {
    func now() -> Timestamp
}

/// The real clock, in the local time zone.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Timestamp { Timestamp.localNow() ?? Timestamp(Date()) }
}
