import Foundation

/// Reading a time a person types (the lost-at time, when something happened): `14:30` (today,
/// or yesterday if that is still to come), `11-24 14:30`, `2026-11-24 14:30`, `-20m`, `-1h30m` or
/// `-2d` (that long ago), or a full ISO 8601 timestamp. Showing recorded times the same way.
public enum TimeInput {
    /// Times are read in the zone `now` was recorded in (the person's local time). Nil when the
    /// text is not a time; a time in the future is returned as it is, for the caller to refuse
    /// with its own words (`isInFuture`).
    public static func parse(_ text: String, now: Timestamp, timeZone zone: TimeZone? = nil) -> Timestamp? {
        let timeZone = zone ?? now.timeZone
        let t = text.trimmingWhitespace().replacingOccurrences(of: "：", with: ":")
        if let iso = Timestamp(parsing: t) { return iso }
        if let ago = secondsAgo(t) { return Timestamp(now.date.addingTimeInterval(-ago), timeZone: timeZone) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.dateComponents([.year, .month, .day], from: now.date)
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard let timePart = parts.last else { return nil }
        let hm = timePart.split(separator: ":").map { Int($0) }
        guard hm.count == 2 || hm.count == 3, let hour = hm[0], let minute = hm[1],
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        var c = DateComponents()
        c.hour = hour; c.minute = minute; c.second = hm.count == 3 ? (hm[2] ?? 0) : 0
        switch parts.count {
        case 1:
            c.year = today.year; c.month = today.month; c.day = today.day
        case 2:
            let d = parts[0].split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
            if d.count == 3, let y = d[0], let m = d[1], let day = d[2] {
                c.year = y; c.month = m; c.day = day
            } else if d.count == 2, let m = d[0], let day = d[1] {
                c.year = today.year; c.month = m; c.day = day
            } else { return nil }
        default: return nil
        }
        guard let month = c.month, (1...12).contains(month), let day = c.day, (1...31).contains(day),
              var date = calendar.date(from: c),
              calendar.component(.day, from: date) == day else { return nil }
        // "14:30" typed at 09:00 means yesterday afternoon: a phone is never lost in the future.
        if parts.count == 1 && date > now.date, let y = calendar.date(byAdding: .day, value: -1, to: date) { date = y }
        return Timestamp(date, timeZone: timeZone)
    }

    /// Whether `time` is later than `now` (a minute's grace for a clock typed to the minute).
    public static func isInFuture(_ time: Timestamp, now: Timestamp) -> Bool {
        time.date > now.date.addingTimeInterval(60)
    }

    /// `-20m`, `-2h`, `-1h30m`, `-2d`: how many seconds ago; nil for anything else.
    static func secondsAgo(_ text: String) -> TimeInterval? {
        guard text.hasPrefix("-"), text.count > 2 else { return nil }
        var total = 0.0, number = ""
        for c in text.dropFirst() {
            if c.isASCII && c.isNumber { number.append(c); continue }
            guard let n = Double(number) else { return nil }
            switch c {
            case "d": total += n * 86_400
            case "h": total += n * 3600
            case "m": total += n * 60
            default: return nil
            }
            number = ""
        }
        return number.isEmpty ? total : nil
    }

    /// `2026-11-24 14:30`, the form the person typed, from a recorded timestamp.
    public static func display(_ t: Timestamp) -> String {
        let s = t.text
        guard s.count >= 16 else { return s }
        return String(s.prefix(10)) + " " + String(s.dropFirst(11).prefix(5))
    }

    /// `14:30:05`, the clock time of a recorded timestamp as it was recorded.
    public static func clock(_ t: Timestamp, seconds: Bool = true) -> String {
        let s = t.text
        guard s.count >= 19 else { return s }
        return String(s.dropFirst(11).prefix(seconds ? 8 : 5))
    }

    /// `00:12:34`, or `2d 03:04:05` past a day.
    public static func elapsed(from start: Timestamp, to now: Timestamp) -> String {
        let total = max(0, Int(now.date.timeIntervalSince(start.date)))
        let d = total / 86400, h = (total % 86400) / 3600, m = (total % 3600) / 60, s = total % 60
        // Without String(format:): this is on the header of every frame, the first one included.
        let hms = Timestamp.zeroPadded(h, 2) + ":" + Timestamp.zeroPadded(m, 2) + ":" + Timestamp.zeroPadded(s, 2)
        return d > 0 ? "\(d)d \(hms)" : hms
    }
}
