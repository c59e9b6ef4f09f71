/// What the person asks to record. `Incident.event(for:at:)` turns it into an event or refuses.
public enum IncidentCommand: Hashable, Sendable {
    /// A provider's (or a provider-less step's) state; `happenedAt` when it happened earlier.
    case move(StepID, to: StepState, provider: ProviderID?, happenedAt: Timestamp? = nil)
    /// Adds a note.
    case note(StepID, String, provider: ProviderID?, happenedAt: Timestamp? = nil)
    /// Marks a provider as one the person uses, or not.
    case mine(StepID, ProviderID, Bool)
    /// The person has no provider (or no other provider) of theirs in a step with providers:
    /// no lending platform, no other bank. A fact for the report, and the step is settled.
    case noneOfMine(StepID)
    case undo
    case details(lostAt: Timestamp?, device: DeviceDetails)
    case resolve
}
