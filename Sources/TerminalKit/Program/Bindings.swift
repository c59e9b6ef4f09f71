import LostphoneCore

/// A binding's entry on the bottom line: its keys as shown there, a word or two, and its place.
public struct KeyHint: Sendable {
    public enum Place: Hashable, Sendable {
        /// Laid out left to right by rank, lowest first, so those a short line cuts are the least needed.
        case ranked(Int)
        /// Always in sight at the right end, whatever else fits (as htop keeps F10 Quit).
        case rightEnd
    }

    public let keys: String
    public let text: LocalizedText
    public let place: Place

    public init(keys: String, text: LocalizedText, rank: Int) { self.init(keys: keys, text: text, place: .ranked(rank)) }

    public init(keys: String, text: LocalizedText, place: Place) {
        self.keys = keys
        self.text = text
        self.place = place
    }
}

/// One line of a key table: the keys with what each asks for, the help text, the hint, and
/// where the hint holds (`Context`, the screen's own idea of "where").
public struct Binding<Action: Sendable, Context: Sendable>: Sendable {
    /// Each key and its action; one line may hold related keys with their own actions (↑ and ↓,
    /// Tab and 1–5).
    public let keys: [(key: Key, action: Action)]
    /// The keys as the help shows them.
    public let label: String
    public let help: LocalizedText
    public let hint: KeyHint?
    public let when: Context

    @inlinable
    public init(_ label: String, _ keys: [(Key, Action)], help: LocalizedText, hint: KeyHint? = nil, when: Context) {
        self.label = label
        self.keys = keys.map { (key: $0.0, action: $0.1) }
        self.help = help
        self.hint = hint
        self.when = when
    }
}

/// A screen's key table. Dispatch, the `?` help and the bottom hints are all read from it, so
/// they cannot disagree.
///
/// Inlinable, so the screen that makes its table compiles these for its own `Action` and
/// `Context`: left generic, building the guide's table at its first frame went through the
/// runtime's generic `map`, `flatMap` and dictionary code (0.3 ms of a start of some 12 ms).
public struct Bindings<Action: Sendable, Context: Sendable>: Sendable {
    public let all: [Binding<Action, Context>]
    @usableFromInline let actions: [Key: Action]

    @inlinable
    public init(_ all: [Binding<Action, Context>]) {
        self.all = all
        actions = Dictionary(all.flatMap { $0.keys.map { ($0.key, $0.action) } }, uniquingKeysWith: { first, _ in first })
    }

    /// What a key asks for, or nil for a key with no binding.
    @inlinable
    public func action(for key: Key) -> Action? { actions[key] }

    /// One line per binding for the help overlay, in the table's order.
    public func helpRows(_ language: Language) -> [(keys: String, does: String)] {
        all.map { ($0.label, $0.help[language]) }
    }

    /// The ranked hints that hold, most needed first.
    @inlinable
    public func hints(_ language: Language, where holds: (Context) -> Bool) -> [(keys: String, text: String)] {
        all.filter { holds($0.when) }
            .compactMap { b -> (Int, KeyHint)? in
                guard let hint = b.hint, case .ranked(let rank) = hint.place else { return nil }
                return (rank, hint)
            }
            .sorted { $0.0 < $1.0 }
            .map { ($0.1.keys, $0.1.text[language]) }
    }

    /// The hint kept at the right end of the bottom line (how to leave).
    @inlinable
    public func rightEndHint(_ language: Language, where holds: (Context) -> Bool) -> (keys: String, text: String)? {
        all.first { $0.hint?.place == .rightEnd && holds($0.when) }
            .flatMap { $0.hint }.map { ($0.keys, $0.text[language]) }
    }
}
