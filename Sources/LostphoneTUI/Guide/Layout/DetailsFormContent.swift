import LostphoneCore
import TerminalKit

/// What the form of `i` shows: a labelled row per field (the lost-at time with its hint below
/// it), and under them the hint or what was refused, wrapped to the screen.
struct DetailsFormContent: Hashable, Sendable {
    struct Row: Hashable, Sendable {
        var label: String
        var field: TextInput
        var focused: Bool
        /// A line under the field (the forms the lost-at time takes).
        var hint: String?
    }

    var title: String
    var rows: [Row]
    var footer: [String]
    var isError: Bool

    static func make(_ state: AppState, _ form: DetailsForm) -> DetailsFormContent {
        let w = state.words
        // A refusal (a wrong IMEI says why and where to find the real one) wraps below the
        // fields, the box growing to hold it.
        let footer = form.error.map { TextWidth.wrap($0, to: max(10, min(60, state.display.width - 6))) } ?? [w[.detailsHint]]
        let rows = DetailsForm.Field.all.map { field in
            switch field {
            case .lostAt:
                Row(label: w.capitalized(.lostAt), field: form[field], focused: form.focus == field, hint: w[.detailsLostAtHint])
            case .device(let device):
                // The field's name as Core says it everywhere, capitalized as a label.
                Row(label: device.name(w).prefix(1).uppercased() + device.name(w).dropFirst(), field: form[field],
                    focused: form.focus == field, hint: nil)
            }
        }
        return DetailsFormContent(title: w[.detailsTitle], rows: rows, footer: footer, isError: form.error != nil)
    }
}
