/// An id of the playbook, typed by what it names (`Identifier<StepTag>` is a step's id): one
/// type in place of a copy per kind, so a step id can still never be passed as a provider id.
/// Encoded as its bare string, so the journal and the playbook read the same as ever.
public struct Identifier<Tag>: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
    public var description: String { rawValue }
}

/// What an `Identifier` names; the tags are never instantiated.
public enum PaneTag {}
public enum StepTag {}
public enum ProviderTag {}

/// The id of a pane of the playbook (`urgent`, `locate`, `tips`).
public typealias PaneID = Identifier<PaneTag>
/// The id of a step, unique across the whole playbook (`sim`, `bank`, `wechat`).
public typealias StepID = Identifier<StepTag>
/// The id of a provider, unique within its step (`china-mobile`, `icbc`).
public typealias ProviderID = Identifier<ProviderTag>
