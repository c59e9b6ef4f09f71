import Foundation

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
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let d = try? withFraction.parse(text) { return d }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}

/// The source of "now", injected so tests fix the time.
public protocol WallClock: Sendable {
    func now() -> Timestamp
}

/// The real clock, in the local time zone.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Timestamp { Timestamp(Date()) }
}
