/// What the person asks to record. `Incident.event(for:at:)` turns it into an event or refuses.
public enum IncidentCommand: Hashable, Sendable {
    case move(StepID, to: StepState, provider: ProviderID?)
    case note(StepID, String, provider: ProviderID?)
    case undo
    case details(lostAt: Timestamp?, device: DeviceDetails)
    case resolve
}
