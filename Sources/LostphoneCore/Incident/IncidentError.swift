/// A command or event the state machine refuses, with a reason a person can act on.
public struct IncidentError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Ids quoted from a journal are made visible and kept short.
    public init(_ message: String) { self.message = Sanitize.brief(message) }
    public var description: String { message }
}
