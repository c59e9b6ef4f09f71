/// The phone's details, as the person entered them. Either may be unknown.
public struct DeviceDetails: Hashable, Sendable {
    public var model: String?
    public var imei: String?
    public init(model: String? = nil, imei: String? = nil) { self.model = model; self.imei = imei }
    public var isEmpty: Bool { model == nil && imei == nil }
}
