/// What the person asks to record. `Incident.event(for:at:)` turns it into an event or refuses.
public enum IncidentCommand: Hashable, Sendable {
    /// A provider's (or a provider-less step's) state; `happenedAt` when it happened earlier.
    /// `retry`: on a move to blocked, when the person means to try again (a follow-up).
    case move(StepID, to: StepState, provider: ProviderID?, happenedAt: Timestamp? = nil, retry: Timestamp? = nil)
    /// Adds a note. `due`: the note is an item of the person's own, due then. `closes`: the key
    /// of the follow-up the note says is done (`FollowUp.key`).
    case note(StepID, String, provider: ProviderID?, happenedAt: Timestamp? = nil, due: Timestamp? = nil, closes: String? = nil)
    /// Marks a provider as one the person uses, or not.
    case mine(StepID, ProviderID, Bool)
    /// The person has no provider (or no other provider) of theirs in a step with providers:
    /// no lending platform, no other bank. A fact for the report, and the step is settled.
    case noneOfMine(StepID)
    case undo
    case details(lostAt: Timestamp?, device: DeviceDetails)
    case resolve
}
