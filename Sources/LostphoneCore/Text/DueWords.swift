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

    /// `in 3 days`, `overdue by 2 h`, `in 25 min` (`还有 3 天`, `已逾期 2 小时`): the time left, or
    /// how late, in words.
    public static func relative(_ due: Timestamp, now: Timestamp, _ language: Language) -> String {
        let seconds = due.date.timeIntervalSince(now.date)
        // Under half a minute either way rounds to no minutes: said as now, not "in 0 min".
        if abs(seconds) < 30 { return language.pick(zh: "现在到期", en: "due now") }
        let span = amount(abs(seconds), language)
        switch language {
        case .zh: return seconds >= 0 ? "还有 \(span)" : "已逾期 \(span)"
        case .en: return seconds >= 0 ? "in \(span)" : "overdue by \(span)"
        }
    }

    /// In the unit a person would say, rounded to the nearest: days from a day and a half, hours
    /// from 90 minutes, else minutes (`3 days`, `5 h`, `12 min`; `3 天`, `5 小时`, `12 分钟`).
    static func amount(_ seconds: TimeInterval, _ language: Language) -> String {
        let days = Int((seconds / 86_400).rounded()), hours = Int((seconds / 3600).rounded()), minutes = Int((seconds / 60).rounded())
        switch language {
        case .zh:
            if seconds >= 36 * 3600 { return "\(days) 天" }
            if seconds >= 90 * 60 { return "\(hours) 小时" }
            return "\(minutes) 分钟"
        case .en:
            if seconds >= 36 * 3600 { return "\(days) days" }
            if seconds >= 90 * 60 { return "\(hours) h" }
            return "\(minutes) min"
        }
    }

    /// `lostphone due`'s heading and the reports' section: one name for the list everywhere.
    public static let heading = LocalizedText(zh: "待办事项", en: "What is due")
    public static let none = LocalizedText(zh: "目前没有待办事项。", en: "Nothing is due.")
    public static let due = LocalizedText(zh: "截止", en: "due")
    public static let doneOn = LocalizedText(zh: "完成于", en: "done")
    public static let contact = LocalizedText(zh: "联系", en: "contact")
    public static let key = LocalizedText(zh: "编号", en: "key")
    /// The insurance claim's follow-up, from the profile's claim window.
    public static func claimWindowTitle(_ window: DueOffset) -> LocalizedText {
        let n = window.amount
        return switch window.unit {
        case .weeks: LocalizedText(zh: "申请保险理赔：保单的理赔期限（丢失后 \(n) 周）截止", en: "Make the insurance claim: the policy's window (\(n) weeks from the loss) ends")
        case .months: LocalizedText(zh: "申请保险理赔：保单的理赔期限（丢失后 \(n) 个月）截止", en: "Make the insurance claim: the policy's window (\(n) months from the loss) ends")
        default: LocalizedText(zh: "申请保险理赔：保单的理赔期限（丢失后 \(n) 天）截止", en: "Make the insurance claim: the policy's window (\(n) days from the loss) ends")
        }
    }
    public static let claimWindowWhy = LocalizedText(
        zh: "理赔期限来自你的资料（lostphone prepare --claim-within），从丢失时间算起；以保单为准。",
        en: "The claim window is the one in your profile (lostphone prepare --claim-within), counted from the lost-at time; your policy is what counts.")

    /// The reports' section's columns.
    public static let columnDue = LocalizedText(zh: "截止时间", en: "Due")
    public static let columnLeft = LocalizedText(zh: "剩余 / 逾期", en: "Time left")
    public static let columnWhat = LocalizedText(zh: "事项", en: "What")
    public static let columnWhose = LocalizedText(zh: "步骤 · 服务商", en: "Step · provider")
    public static let columnContact = LocalizedText(zh: "联系方式", en: "Contact")
    /// The Due tab's name on the tab line.
    public static let tab = LocalizedText(zh: "待办", en: "Due")
    /// The Due tab with nothing in it: what would put something there.
    public static let nothingDue = LocalizedText(
        zh: "目前没有待办事项。有期限的步骤记录后会列在这里（电话挂失储蓄卡后：5 天内到网点书面挂失），线路受阻时记下的重试时间、用 lostphone due --add 添加的事项也会列在这里。",
        en: "Nothing is due. Deadlines appear here once a step that has one is recorded (a debit card reported by phone: the written report within 5 days), with a time to try a blocked line again, or with lostphone due --add.")
    public static let closedNote = LocalizedText(zh: "已完成（记录于 lostphone due --done）", en: "Done (recorded with lostphone due --done)")

    /// `2 due · 1 overdue` for the header; empty when nothing is due soon or late.
    public static func count(overdue: Int, dueSoon: Int, _ language: Language) -> String {
        // Put together here, not with `[String].joined`: the header calls this for the first
        // frame, and the standard library's unspecialized `joined` asked the runtime for an
        // associated type by name there (0.2 ms).
        let soon = dueSoon > 0 ? (language == .zh ? "\(dueSoon) 项即将到期" : "\(dueSoon) due") : ""
        let late = overdue > 0 ? (language == .zh ? "\(overdue) 项已逾期" : "\(overdue) overdue") : ""
        return soon.isEmpty || late.isEmpty ? soon + late : soon + " · " + late
    }
}
