import LostphoneCore
import TerminalKit

/// A text field of the profile's form: the phone, its owner, the insurance and an emergency
/// contact. Each reads and writes its own part of a `Profile`.
public enum PrepareField: CaseIterable, Hashable, Sendable {
    case model, imei, number, owner, insurer, policy, claimWithin, emergencyContact

    /// The label before the value.
    public func label(_ words: Words) -> String {
        switch self {
        case .model: words[.fieldModel]
        case .imei: words[.imei]
        case .number: words[.fieldNumber]
        case .owner: words[.fieldOwner]
        case .insurer: Self.capitalized(words[.insurer])
        case .policy: Self.capitalized(words[.policy])
        case .claimWithin: Self.capitalized(words[.profile(.claimWithin)])
        case .emergencyContact: Self.capitalized(words[.emergencyContact])
        }
    }

    public func value(in profile: Profile) -> String? { profile.value(field) }

    public func set(_ value: String?, in profile: inout Profile) { profile.set(field, value) }

    /// The one field type this is a field of: its validator is the form's.
    public var field: DeviceField {
        switch self {
        case .model: .model
        case .imei: .imei
        case .number: .number
        case .owner: .owner
        case .insurer: .insurer
        case .policy: .policy
        case .claimWithin: .claimWithin
        case .emergencyContact: .emergencyContact
        }
    }

    /// What the field keeps for `text` (nil: emptied), or why it is refused: the one validator
    /// (`DeviceField.accept`) that `prepare`'s flags, `i` and `lostphone details` use too.
    public func accept(_ text: String, _ words: Words) -> Result<String?, FieldRefusal> {
        field.accept(text).mapError { FieldRefusal(message: $0.reasonText(words)) }
    }

    private static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

/// Why a field's text was not kept, in words for the person.
public struct FieldRefusal: Error, Hashable, Sendable {
    public var message: String
}
