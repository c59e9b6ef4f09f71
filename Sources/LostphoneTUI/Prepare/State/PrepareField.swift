import LostphoneCore
import TerminalKit

/// A text field of the profile's form: the phone, its owner, the insurance and an emergency
/// contact. Each reads and writes its own part of a `Profile`.
public enum PrepareField: CaseIterable, Hashable, Sendable {
    case model, imei, number, owner, insurer, policy, emergencyContact

    /// The label before the value.
    public func label(_ words: Words) -> String {
        switch self {
        case .model: words[.fieldModel]
        case .imei: words[.imei]
        case .number: words[.fieldNumber]
        case .owner: words[.fieldOwner]
        case .insurer: Self.capitalized(words[.insurer])
        case .policy: Self.capitalized(words[.policy])
        case .emergencyContact: Self.capitalized(words[.emergencyContact])
        }
    }

    public func value(in profile: Profile) -> String? {
        switch self {
        case .model: profile.device.model
        case .imei: profile.device.imei
        case .number: profile.device.number
        case .owner: profile.device.owner
        case .insurer: profile.insurer
        case .policy: profile.policy
        case .emergencyContact: profile.emergencyContact
        }
    }

    public func set(_ value: String?, in profile: inout Profile) {
        switch self {
        case .model: profile.device.model = value
        case .imei: profile.device.imei = value
        case .number: profile.device.number = value
        case .owner: profile.device.owner = value
        case .insurer: profile.insurer = value
        case .policy: profile.policy = value
        case .emergencyContact: profile.emergencyContact = value
        }
    }

    /// What the field keeps for `text` (nil: emptied), or why it is refused: an IMEI whose
    /// check digit does not match, with where to find the real one; a control, bidirectional
    /// or invisible character anywhere. Spaces around it are dropped.
    public func accept(_ text: String, _ words: Words) -> Result<String?, FieldRefusal> {
        let trimmed = text.trimmingWhitespace()
        if let bad = text.unicodeScalars.first(where: EventLimits.isRefusedInNote) {
            let code = "U+" + String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)
            return .failure(FieldRefusal(message: words[.formControlCharacter(code)]))
        }
        guard !trimmed.isEmpty else { return .success(nil) }
        if self == .imei {
            if let problem = IMEI.problem(trimmed, words) {
                return .failure(FieldRefusal(message: words.sentences(problem, words[.imeiWhere])))
            }
            return .success(IMEI.normalized(trimmed))
        }
        return .success(trimmed)
    }

    private static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

/// Why a field's text was not kept, in words for the person.
public struct FieldRefusal: Error, Hashable, Sendable {
    public var message: String
}

private extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
