import Foundation

/// Something the playbook says must follow a step's outcome, by a deadline: a debit card frozen
/// by phone must be reported in writing at a branch within 5 days, or the freeze lapses. The
/// clock starts when the step (or each of its providers) reaches `after`, at the time the person
/// says it happened; the follow-up closes when `closedBy` is settled for the same provider.
public struct FollowUpRule: Sendable, Hashable {
    /// Unique within its step; with the step and provider it names the follow-up everywhere
    /// (the calendar's UID included), so it must not change between editions.
    public var id: String
    /// The state of the step or provider that starts the clock.
    public var after: StepState
    /// How long after that the follow-up is due.
    public var due: DueOffset
    public var title: LocalizedText
    public var why: LocalizedText?
    /// Where the deadline comes from (a regulation, a provider's page).
    public var source: ContactSource?
    /// The step that, settled (done or skipped), closes the follow-up; for the same provider when
    /// that step lists it. Nil: it closes only when the person says it is done.
    public var closedBy: StepID?

    public init(id: String, after: StepState = .done, due: DueOffset, title: LocalizedText, why: LocalizedText? = nil,
                source: ContactSource? = nil, closedBy: StepID? = nil) {
        self.id = id; self.after = after; self.due = due; self.title = title; self.why = why
        self.source = source; self.closedBy = closedBy
    }
}

/// A length of time as a playbook writes it: `30m`, `24h`, `5d`, `2w`, `6mo` (calendar months).
public struct DueOffset: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case minutes = "m", hours = "h", days = "d", weeks = "w", months = "mo"
    }
    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) { self.amount = amount; self.unit = unit }

    /// `5d` and the like; nil for anything else (no sign, no spaces, no mixed units).
    public init?(parsing text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let amount = Int(digits), amount > 0,
              let unit = Unit(rawValue: String(text.dropFirst(digits.count))) else { return nil }
        self.amount = amount; self.unit = unit
    }

    public var description: String { "\(amount)\(unit.rawValue)" }

    /// The moment `amount` units after `time`, in the zone `time` was written in (so 5 days after
    /// 14:35 is 14:35 five days later, whatever daylight saving does).
    public func after(_ time: Timestamp) -> Timestamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = time.timeZone
        let component: Calendar.Component = switch unit {
        case .minutes: .minute
        case .hours: .hour
        case .days: .day
        case .weeks: .weekOfYear
        case .months: .month
        }
        let date = calendar.date(byAdding: component, value: amount, to: time.date) ?? time.date
        return Timestamp(date, timeZone: time.timeZone)
    }
}
