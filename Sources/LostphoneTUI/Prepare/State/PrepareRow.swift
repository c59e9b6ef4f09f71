import LostphoneCore
import TerminalKit

/// A part of the form that Tab jumps to, with its heading.
public enum PrepareSection: Hashable, Sendable {
    /// A profile choice of the playbook (`carrier`, `bank`, `app`, `platform`, `account`, `brand`).
    case choice(String)
    case phone
    case insurance
    case checklist

    public func title(_ words: Words) -> String {
        switch self {
        case .choice(let id): words[.choiceTitle(id)]
        case .phone: words[.formPhone]
        case .insurance: words[.formInsurance]
        case .checklist: words[.checklist]
        }
    }
}

/// One line of the form's list, in the playbook's order: a section's heading, then its
/// checkboxes or fields.
public enum PrepareRow: Hashable, Sendable {
    case heading(PrepareSection)
    /// A checkbox: an option of a profile choice.
    case option(choice: String, option: String)
    case field(PrepareField)
    /// A checkbox: a prevention tip, done on a date.
    case tip(StepID)

    /// Whether the selection can rest on it (a heading is only a title).
    public var isSelectable: Bool {
        if case .heading = self { return false }
        return true
    }

    /// The form's rows for `playbook`: its profile choices, the phone, the insurance and an
    /// emergency contact, then the prevention tips.
    public static func rows(for playbook: Playbook) -> [PrepareRow] {
        var rows: [PrepareRow] = []
        for choice in playbook.profileChoices where !choice.options.isEmpty {
            rows.append(.heading(.choice(choice.id)))
            rows += choice.options.map { .option(choice: choice.id, option: $0.id) }
        }
        rows.append(.heading(.phone))
        rows += [PrepareField.model, .imei, .number, .owner].map { .field($0) }
        rows.append(.heading(.insurance))
        rows += [PrepareField.insurer, .policy, .claimWithin, .emergencyContact].map { .field($0) }
        let tips = playbook.tipSteps
        if !tips.isEmpty {
            rows.append(.heading(.checklist))
            rows += tips.map { .tip($0.id) }
        }
        return rows
    }
}
