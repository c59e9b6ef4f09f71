/// What the full screen showed of one incident when it was left, beyond what the journal holds:
/// the pane and the step selected in each, the provider picked with ←/→ (or by search, or by
/// the screen after a done) per step and per group, whether the details were open. Kept in
/// the preferences (`Preferences.screen(for:)`) so a restart shows the same screen. Ids are kept
/// as text: a memory naming a step or provider the playbook no longer has is ignored there, by
/// whoever reads it.
public struct ScreenMemory: Codable, Hashable, Sendable {
    /// The incident it belongs to: its id and when it was opened, so a journal of the same id
    /// in another state directory never takes it.
    public var incident: String
    public var opened: String
    /// The journal's last event when it was written: events after it (from the command line,
    /// say) are newer than any choice here and win over it.
    public var seq: Int
    /// The focused pane's id, or `timeline`.
    public var pane: String
    /// The step selected in each pane, by pane id.
    public var selected: [String: String]
    /// The first row shown in each pane's list, by pane id.
    public var top: [String: Int]
    /// The event selected in the timeline, by seq.
    public var timelineEvent: Int?
    public var detailOpen: Bool
    public var detailScroll: Int
    /// Provider picked per step, by step id.
    public var providers: [String: String]
    /// Provider chosen per group (carrier, bank, brand).
    public var groups: [String: String]

    public init(incident: String, opened: String, seq: Int, pane: String, selected: [String: String], top: [String: Int],
                timelineEvent: Int?, detailOpen: Bool, detailScroll: Int, providers: [String: String], groups: [String: String]) {
        self.incident = incident; self.opened = opened; self.seq = seq; self.pane = pane; self.selected = selected
        self.top = top; self.timelineEvent = timelineEvent; self.detailOpen = detailOpen; self.detailScroll = detailScroll
        self.providers = providers; self.groups = groups
    }

    /// The pane id the timeline is kept under.
    public static let timelinePane = "timeline"
}
