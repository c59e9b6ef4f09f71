import Foundation

/// A time said briefly, where a row has little room (the full screen's list, details and
/// timeline): today's as a clock (`18:18`), another day's with its date (`12-03 23:59`), another
/// year's with the year (`2025-12-03 23:59`). "Today" is the day of `now` in the time's own zone,
/// the zone it was recorded in. The reports say the same times in full (`Report.when`).
public enum ShortTime {
    /// `18:18`, `12-03 23:59` or `2025-12-03 23:59` (with seconds: `18:18:00`, …).
    public static func text(_ t: Timestamp, today now: Timestamp, seconds: Bool = false) -> String {
        let clock = TimeInput.clock(t, seconds: seconds)
        let s = t.text
        guard s.count >= 19 else { return s }
        let day = s.prefix(10)
        let nowDay = now.offsetSuffix == t.offsetSuffix ? now.text.prefix(10) : Timestamp(now.date, timeZone: t.timeZone).text.prefix(10)
        if day == nowDay { return clock }
        return (day.prefix(4) == nowDay.prefix(4) ? String(day.dropFirst(5)) : String(day)) + " " + clock
    }

    /// When something was done, as the person said it: the happened time, then the recorded
    /// time as a muted aside where it is another minute (`18:18`, `(recorded 18:38)`); the
    /// recorded time alone when no other was given. The aside is nil where there is none.
    public static func when(happened: Timestamp?, recorded: Timestamp, today now: Timestamp, words: Words,
                            seconds: Bool = false) -> (time: String, recorded: String?) {
        guard let happened, !sameMinute(happened, recorded) else {
            return (text(happened ?? recorded, today: now, seconds: seconds), nil)
        }
        return (text(happened, today: now, seconds: seconds),
                words.paren(words[.recorded] + " " + text(recorded, today: now)))
    }

    /// Whether two times fall in the same minute: a time given to the minute and recorded
    /// within it needs no aside.
    static func sameMinute(_ a: Timestamp, _ b: Timestamp) -> Bool {
        (a.date.timeIntervalSince1970 / 60).rounded(.down) == (b.date.timeIntervalSince1970 / 60).rounded(.down)
    }
}
