/// One text about the lost phone, its owner and insurance, or the profile's emergency contact:
/// the one field type that `lostphone prepare`'s flags, its form, the guide's `i`, `lostphone
/// details` and a hand-edited profile all check with `accept`, so a text refused in one place is
/// refused in every other, for the same reason, in the same words.
public enum DeviceField: String, CaseIterable, Sendable, Hashable {
    case model, imei, number, owner, insurer, policy
    /// The policy's claim window (`30d`, `4w`, `3mo`; `30` is days): kept in the profile beside
    /// the insurer, carried into an incident's details, not asked by `i`.
    case claimWithin = "claim-within"
    /// In the profile only: an incident's details do not carry it.
    case emergencyContact = "emergency-contact"

    /// A field longer than this is not a name, number or policy: probably a paste gone wrong.
    public static let maxLength = 200

    /// The fields an incident's details hold (`i`, `lostphone details`).
    public static let incidentFields: [DeviceField] = [.owner, .number, .model, .imei, .insurer, .policy]

    /// What the field is called in a message or a listing: `phone model` / `手机型号`.
    public func name(_ w: Words) -> String {
        switch self {
        case .model: w[.phoneModel]
        case .imei: w[.imei]
        case .number: w[.lostNumber]
        case .owner: w[.owner]
        case .insurer: w[.insurer]
        case .policy: w[.policy]
        case .claimWithin: w[.profile(.claimWithin)]
        case .emergencyContact: w[.emergencyContact]
        }
    }

    /// What the field keeps for `text` (nil: emptied), or why it is refused: a control,
    /// bidirectional or invisible character anywhere (which could make a report read otherwise
    /// than it says); more than `maxLength` characters; an IMEI that is not 15 digits or whose
    /// check digit does not hold (a mistyped IMEI sends the police after another phone). Spaces
    /// around it are dropped; an IMEI is kept as its 15 digits.
    public func accept(_ text: String) -> Result<String?, FieldProblem> {
        if let bad = text.unicodeScalars.first(where: EventLimits.isRefusedInNote) {
            return .failure(FieldProblem(field: self, reason: .invisibleCharacter(bad.value)))
        }
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return .success(nil) }
        if trimmed.count > Self.maxLength {
            return .failure(FieldProblem(field: self, reason: .tooLong(trimmed.count)))
        }
        if self == .claimWithin {
            guard let offset = DeviceField.claimWindow(trimmed) else { return .failure(FieldProblem(field: self, reason: .notAClaimWindow)) }
            return .success(offset.description)
        }
        guard self == .imei else { return .success(trimmed) }
        guard let digits = IMEI.digits(trimmed) else { return .failure(FieldProblem(field: self, reason: .imeiNotDigits)) }
        guard digits.count == 15 else { return .failure(FieldProblem(field: self, reason: .imeiLength(digits.count))) }
        let expected = IMEI.checkDigit(String(digits.prefix(14)))
        guard digits.last?.wholeNumberValue == expected else { return .failure(FieldProblem(field: self, reason: .imeiCheckDigit(expected))) }
        return .success(digits)
    }

    /// The field's text in `device`.
    public func value(in device: DeviceDetails) -> String? {
        switch self {
        case .model: device.model
        case .imei: device.imei
        case .number: device.number
        case .owner: device.owner
        case .insurer: device.insurer
        case .policy: device.policy
        case .claimWithin: device.claimWithin
        case .emergencyContact: nil
        }
    }

    /// A claim window as a length of days, weeks or months (`30d`, `4w`, `3mo`; a bare number is
    /// days), up to ten years; nil for anything else (minutes and hours are not a policy's).
    public static func claimWindow(_ text: String) -> DueOffset? {
        let t = text.trimmingWhitespace()
        let offset = t.allSatisfy { $0.isASCII && $0.isNumber } ? DueOffset(parsing: t + "d") : DueOffset(parsing: t)
        guard let offset, [.days, .weeks, .months].contains(offset.unit) else { return nil }
        let days = switch offset.unit { case .weeks: offset.amount * 7; case .months: offset.amount * 31; default: offset.amount }
        return days <= 3660 ? offset : nil
    }

    /// Sets or removes the field's text in `device` (the emergency contact is not a device's).
    public func set(_ value: String?, in device: inout DeviceDetails) {
        switch self {
        case .model: device.model = value
        case .imei: device.imei = value
        case .number: device.number = value
        case .owner: device.owner = value
        case .insurer: device.insurer = value
        case .policy: device.policy = value
        case .claimWithin: device.claimWithin = value
        case .emergencyContact: break
        }
    }
}

/// Why a field's text was refused, as a value: said in the person's language by `text`.
public struct FieldProblem: Error, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The code point of the first control, bidirectional or invisible character.
        case invisibleCharacter(UInt32)
        /// How many characters it has (more than `DeviceField.maxLength`).
        case tooLong(Int)
        case imeiNotDigits
        /// How many digits it has (not 15).
        case imeiLength(Int)
        /// The check digit the first 14 digits give.
        case imeiCheckDigit(Int)
        /// A claim window that is not a number of days, weeks or months.
        case notAClaimWindow
    }

    public var field: DeviceField
    public var reason: Reason

    public init(field: DeviceField, reason: Reason) { self.field = field; self.reason = reason }

    /// `U+202E`: a code point as a person can look it up.
    public static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// What is wrong and what to do, naming the field: `IMEI: An IMEI has 15 digits; this has
    /// 14. Dial *#06# …`.
    public func text(_ w: Words) -> String { w.label(field: field.name(w)) + reasonText(w) }

    /// What is wrong and what to do, without the field's name (for a form where it is beside it).
    public func reasonText(_ w: Words) -> String {
        switch reason {
        case .invisibleCharacter(let value): w[.formControlCharacter(Self.codePoint(value))]
        case .tooLong(let length): w[.fieldTooLong(field: field.name(w), length: length, limit: DeviceField.maxLength)]
        case .imeiNotDigits: w.sentences(w[.imeiNotDigits], w[.imeiWhere])
        case .imeiLength(let n): w.sentences(w[.imeiLength(n)], w[.imeiWhere])
        case .imeiCheckDigit(let d): w.sentences(w[.imeiCheckDigit(d)], w[.imeiWhere])
        case .notAClaimWindow: w[.profile(.claimWithinForm)]
        }
    }
}

extension Words {
    /// A field's name as a label before a value: `IMEI: ` / `机主：`.
    func label(field name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() + colon }
}
