/// The lost phone and its owner, as the person entered them (`i`). Any may be unknown; police
/// and banks ask first for the owner's name and the phone's number.
public struct DeviceDetails: Hashable, Sendable {
    public var model: String?
    public var imei: String?
    /// The lost phone's own number.
    public var number: String?
    /// The owner's name.
    public var owner: String?

    public init(model: String? = nil, imei: String? = nil, number: String? = nil, owner: String? = nil) {
        self.model = model; self.imei = imei; self.number = number; self.owner = owner
    }

    public var isEmpty: Bool { model == nil && imei == nil && number == nil && owner == nil }
}
