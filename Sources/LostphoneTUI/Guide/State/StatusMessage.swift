/// A line of feedback in the status bar.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind
    public init(text: String, kind: Kind) { self.text = text; self.kind = kind }
}
