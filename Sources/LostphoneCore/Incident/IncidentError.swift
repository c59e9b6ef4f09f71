/// A command or event the state machine refuses, with a reason a person can act on.
///
/// A command refused by the recording rules carries its `refusal`, which the screen and the
/// command line say in the person's language (`text`); `message` is the English text kept for
/// journals a replay refuses (a damaged or forged file), which name lines and fields.
public struct IncidentError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var refusal: RecordingRefusal?
    /// Ids quoted from a journal are made visible and kept short.
    public init(_ message: String) { self.message = Sanitize.brief(message) }
    public init(_ refusal: RecordingRefusal) {
        self.refusal = refusal
        self.message = Sanitize.brief(refusal.text(Words(.en), playbook: nil, surface: .screen))
    }
    public var description: String { message }

    /// What to tell the person, in `w`'s language: the refusal's words, else the journal's
    /// problem (its line and fields) behind a sentence in their language.
    public func text(_ w: Words, playbook: Playbook?, surface: RecordingSurface) -> String {
        if let refusal { return refusal.text(w, playbook: playbook, surface: surface) }
        return w[.journalRefusedEvent(message)]
    }
}
