/// The lost phone, its owner and its insurance, as the person entered them (`i`) or their
/// profile gave them. Any may be unknown; police
/// and banks ask first for the owner's name and the phone's number.
public struct DeviceDetails: Hashable, Sendable {
    public var model: String?
    public var imei: String?
    /// The lost phone's own number.
    public var number: String?
    /// The owner's name.
    public var owner: String?
    /// Who insures the phone, and the policy number: what an insurer's claim asks for first.
    public var insurer: String?
    public var policy: String?
    /// How long after the loss the policy allows a claim (`30d`, `4w`, `3mo`), from the profile:
    /// with the lost-at time, the insurance claim's follow-up is due then (`FollowUps`).
    public var claimWithin: String?

    public init(model: String? = nil, imei: String? = nil, number: String? = nil, owner: String? = nil,
                insurer: String? = nil, policy: String? = nil, claimWithin: String? = nil) {
        self.model = model; self.imei = imei; self.number = number; self.owner = owner
        self.insurer = insurer; self.policy = policy; self.claimWithin = claimWithin
    }

    public var isEmpty: Bool {
        model == nil && imei == nil && number == nil && owner == nil && insurer == nil && policy == nil && claimWithin == nil
    }
}
