/// An incident whose start was cut short: fewer of the events prepared from the profile than
/// it should hold. This version writes them in one file with `opened`, so only a journal of
/// an earlier version (which appended them one by one) or an edited one can be half made; it
/// is named when opened, never continued silently.
public struct HalfMadeIncident: Hashable, Sendable {
    /// How many prepared events the journal holds, and how many its start should have written.
    public var present: Int
    public var expected: Int

    /// Checks `incident`. With a count in its `opened` event, that count is what it should
    /// hold. Without one (an earlier version), `expected` is what the profile would prepare
    /// now: the journal is half made when it holds some of those, in their order, but not all
    /// (a profile changed since may make this miss a half-made journal, never name a whole one).
    public static func find(in incident: Incident, expected: [Event]?) -> HalfMadeIncident? {
        guard let opened = incident.events.first else { return nil }
        let present = incident.events.dropFirst().prefix { $0.prepared == true }
        if let count = opened.preparedEvents {
            return present.count < count ? HalfMadeIncident(present: present.count, expected: count) : nil
        }
        guard let expected, !present.isEmpty, present.count < expected.count else { return nil }
        for (have, want) in zip(present, expected) where !same(have, want) { return nil }
        return HalfMadeIncident(present: present.count, expected: expected.count)
    }

    /// The same prepared event, whatever its time and number.
    private static func same(_ a: Event, _ b: Event) -> Bool {
        a.kind == b.kind && a.step == b.step && a.provider == b.provider && a.to == b.to && a.mine == b.mine
            && a.note == b.note && a.imei == b.imei && a.deviceModel == b.deviceModel
    }
}
