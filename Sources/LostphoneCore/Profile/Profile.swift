/// What a person writes down before their phone is lost (`lostphone prepare`): their own
/// providers as playbook ids, the phone and its owner, insurance, an emergency contact, and the
/// prevention checklist. Never a password. A new incident starts from it (`Profile.openingEvents`).
public struct Profile: Hashable, Sendable {
    /// The version of the file's format this program writes.
    public static let formatVersion = 1
    /// After this long unreviewed, the first screen asks to check the profile.
    public static let reviewAfterDays = 365

    /// The playbook the ids are from, and its version when the profile was saved.
    public var playbook: String?
    public var playbookVersion: Int?
    /// When the profile was last saved: saving it is reviewing it.
    public var updated: Timestamp?
    /// Per choice id (`bank`), the option ids ticked (`icbc`, `cmb`), in the order ticked.
    public var choices: [String: [String]]
    /// The phone's model and IMEI, its number and its owner's name.
    public var device: DeviceDetails
    /// The insurer and policy number, kept with the phone (a new incident's details carry them).
    public var insurer: String? {
        get { device.insurer }
        set { device.insurer = newValue }
    }
    public var policy: String? {
        get { device.policy }
        set { device.policy = newValue }
    }
    public var emergencyContact: String?
    /// The prevention tips taken care of, with when.
    public var tips: [StepID: Timestamp]

    public init(playbook: String? = nil, playbookVersion: Int? = nil, updated: Timestamp? = nil,
                choices: [String: [String]] = [:], device: DeviceDetails = DeviceDetails(),
                insurer: String? = nil, policy: String? = nil, emergencyContact: String? = nil,
                tips: [StepID: Timestamp] = [:]) {
        self.playbook = playbook; self.playbookVersion = playbookVersion; self.updated = updated
        self.choices = choices; self.device = device
        if let insurer { self.device.insurer = insurer }
        if let policy { self.device.policy = policy }
        self.emergencyContact = emergencyContact; self.tips = tips
    }

    /// The options ticked for `choice`.
    public func ticked(_ choice: String) -> [String] { choices[choice] ?? [] }

    public func isTicked(_ choice: String, _ option: String) -> Bool { ticked(choice).contains(option) }

    /// Ticks or unticks an option.
    public mutating func set(_ choice: String, _ option: String, ticked: Bool) {
        var list = self.ticked(choice).filter { $0 != option }
        if ticked { list.append(option) }
        choices[choice] = list.isEmpty ? nil : list
    }

    /// Whether it was last reviewed more than `reviewAfterDays` before `now`.
    public func needsReview(now: Timestamp) -> Bool {
        guard let updated else { return false }
        return now.date.timeIntervalSince(updated.date) > Double(Profile.reviewAfterDays) * 86_400
    }

    /// The options of `choice` the profile ticks, as providers of `step`, in the step's order.
    func providers(of step: Step, in choice: ProfileChoice) -> [Provider] {
        let ids = ticked(choice.id)
        return step.providers.filter { ids.contains($0.id.rawValue) }
    }
}
