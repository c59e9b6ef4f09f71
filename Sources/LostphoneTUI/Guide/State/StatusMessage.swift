/// A line of feedback in the status bar.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind
    /// A file's path within `text`: on a line too narrow for the whole, its end is kept (the
    /// file's name and the folders above it) and its start said as "…/".
    public var path: String?
    public init(text: String, kind: Kind, path: String? = nil) { self.text = text; self.kind = kind; self.path = path }
}
