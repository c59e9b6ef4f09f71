import Foundation

/// The words of follow-ups (`lostphone due`, the calendar, the report), each in both languages at
/// once, so neither can be missing.
public enum DueWords {
    public static func tryAgain(_ name: String) -> LocalizedText {
        LocalizedText(zh: "再试一次：\(name)", en: "Try again: \(name)")
    }

    public static func status(_ status: FollowUp.Status) -> LocalizedText {
        switch status {
        case .overdue: LocalizedText(zh: "已逾期", en: "overdue")
        case .dueSoon: LocalizedText(zh: "即将到期", en: "due soon")
        case .later: LocalizedText(zh: "待办", en: "later")
        case .done: LocalizedText(zh: "已完成", en: "done")
        }
    }

    /// `in 3 days`, `2 hours overdue`, `in 25 min`: the time left, or how late, in words.
    public static func relative(_ due: Timestamp, now: Timestamp, _ language: Language) -> String {
        let seconds = due.date.timeIntervalSince(now.date)
        let span = amount(abs(seconds), language)
        switch language {
        case .zh: return seconds >= 0 ? "还有\(span)" : "已逾期\(span)"
        case .en: return seconds >= 0 ? "in \(span)" : "\(span) overdue"
        }
    }

    /// In the unit a person would say, rounded to the nearest: days from a day and a half, hours
    /// from 90 minutes, else minutes (`3 days`, `5 hours`, `12 min`; `3天`, `5小时`, `12分钟`).
    static func amount(_ seconds: TimeInterval, _ language: Language) -> String {
        let days = Int((seconds / 86_400).rounded()), hours = Int((seconds / 3600).rounded()), minutes = Int((seconds / 60).rounded())
        switch language {
        case .zh:
            if seconds >= 36 * 3600 { return "\(days)天" }
            if seconds >= 90 * 60 { return "\(hours)小时" }
            return "\(minutes)分钟"
        case .en:
            if seconds >= 36 * 3600 { return "\(days) days" }
            if seconds >= 90 * 60 { return "\(hours) hours" }
            return minutes == 1 ? "1 min" : "\(minutes) min"
        }
    }

    public static let heading = LocalizedText(zh: "待跟进", en: "What is due")
    public static let none = LocalizedText(zh: "目前没有待跟进的事项。", en: "Nothing is due.")
    public static let due = LocalizedText(zh: "截止", en: "due")
    public static let doneOn = LocalizedText(zh: "完成于", en: "done")
    public static let contact = LocalizedText(zh: "联系", en: "contact")
    public static let key = LocalizedText(zh: "编号", en: "key")
    public static let closedNote = LocalizedText(zh: "已完成（记录于 lostphone due --done）", en: "Done (recorded with lostphone due --done)")

    /// `2 due · 1 overdue` for the header; empty when nothing is due soon or late.
    public static func count(overdue: Int, dueSoon: Int, _ language: Language) -> String {
        var parts: [String] = []
        switch language {
        case .zh:
            if dueSoon > 0 { parts.append("\(dueSoon) 项即将到期") }
            if overdue > 0 { parts.append("\(overdue) 项已逾期") }
        case .en:
            if dueSoon > 0 { parts.append("\(dueSoon) due") }
            if overdue > 0 { parts.append("\(overdue) overdue") }
        }
        return parts.joined(separator: " · ")
    }
}
