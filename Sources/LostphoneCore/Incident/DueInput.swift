import Foundation

/// Reading a deadline a person types: a time to come, where `TimeInput` reads one that has
/// passed. `15:00` (today, or tomorrow if that has passed), `12-20 18:00`, `2026-12-20 18:00`,
/// `2026-12-20` (the end of that day), `+30m`, `+2h`, `+3d`, `+1w`, or a full ISO 8601 timestamp.
public enum DueInput {
    /// The forms accepted, for messages and help.
    public static let forms = "15:00, 12-20 18:00, 2026-12-20, +30m, +2h, +3d"

    public static func parse(_ text: String, now: Timestamp) -> Timestamp? {
        let t = text.trimmingWhitespace().replacingOccurrences(of: "：", with: ":")
        if t.hasPrefix("+"), let offset = DueOffset(parsing: String(t.dropFirst())) { return offset.after(now) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = now.timeZone
        // A date alone is due at the end of that day.
        let dateOnly = t.split(separator: "-").map { Int($0) }
        if !t.contains(":"), dateOnly.count == 3, let y = dateOnly[0], let m = dateOnly[1], let d = dateOnly[2] {
            var c = DateComponents(); c.year = y; c.month = m; c.day = d; c.hour = 23; c.minute = 59
            guard (1...12).contains(m), (1...31).contains(d), let date = calendar.date(from: c),
                  calendar.component(.day, from: date) == d else { return nil }
            return Timestamp(date, timeZone: now.timeZone)
        }
        guard let time = TimeInput.parse(t, now: now) else { return nil }
        // `15:00` typed at 16:00 means tomorrow: TimeInput read it as today or yesterday.
        if !t.contains("-") && !t.contains("T") && time.date <= now.date {
            var candidate = time.date
            while candidate <= now.date { candidate = calendar.date(byAdding: .day, value: 1, to: candidate) ?? now.date.addingTimeInterval(86_400) }
            return Timestamp(candidate, timeZone: now.timeZone)
        }
        return time
    }
}
