import LostphoneCore
import TerminalKit

/// The form of `i`: when the phone was lost, then the incident's device fields (Core's
/// `DeviceField.incidentFields`: whose it is, its number, model and IMEI, the insurer and policy).
public struct DetailsForm: Hashable, Sendable {
    /// A row of the form: the time the phone was lost (the incident's, not a device field, so
    /// not a `DeviceField`), or one of the device fields the incident holds.
    public enum Field: Hashable, Sendable {
        case lostAt
        case device(DeviceField)

        /// The rows in the order shown: the lost-at time, then the incident's fields in Core's order.
        public static let all: [Field] = [.lostAt] + DeviceField.incidentFields.map(Field.device)

        /// The row's place in `all`.
        public var index: Int { Field.all.firstIndex(of: self) ?? 0 }
    }

    /// The texts typed, one per row of `Field.all`.
    public var fields: [TextInput]
    public var focus: Field = .lostAt
    public var error: String?

    /// The form filled with what the incident holds, shown selected: typing replaces it, arrows edit it.
    public init(lostAt: String = "", device: DeviceDetails = DeviceDetails()) {
        fields = Field.all.map { field in
            switch field {
            case .lostAt: TextInput(lostAt, limit: 40, selected: true)
            case .device(let f): TextInput(f.value(in: device) ?? "", limit: f.formLimit, selected: true)
            }
        }
    }

    public subscript(_ field: Field) -> TextInput {
        get { fields[field.index] }
        set { fields[field.index] = newValue }
    }

    /// A field's text without surrounding spaces, nil when empty.
    public func value(_ field: Field) -> String? {
        let t = self[field].text.trimmingWhitespace()
        return t.isEmpty ? nil : t
    }
}

extension DeviceField {
    /// How long a text the form's field takes: a number or IMEI is short, a name or policy longer.
    var formLimit: Int {
        switch self {
        case .number, .imei: 40
        default: 80
        }
    }
}
