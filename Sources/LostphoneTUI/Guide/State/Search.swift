import LostphoneCore
import TerminalKit

/// How well a hit matches: an exact number or id first, then a name, title, number or address
/// that holds the query, then a word in the step's text (why, what to do, warnings, a
/// provider's instructions and note, a contact's label, a prevention tip).
public enum SearchRank: Int, Hashable, Sendable, Comparable {
    /// The whole query is the number (`110`, `10086`), the id (`police`) or the title.
    case exact
    /// A title, a name, an id, a number or an address holds it (`weixin110`).
    case named
    /// Only the text says it (`imei` in the police step's instructions).
    case mentioned

    public static func < (a: SearchRank, b: SearchRank) -> Bool { a.rawValue < b.rawValue }
}

/// A place a search found: a step, and the provider it found in that step (by name or by one of
/// its numbers or addresses), or none when the step itself matched.
public struct SearchHit: Hashable, Sendable {
    public var position: Position
    public var provider: ProviderID?
    public var rank: SearchRank = .named
}

/// What `/` finds: steps by title, providers by name, contacts by number (digits, however they
/// are grouped) or by part of an address, and words of the text, in every language the guide
/// speaks.
enum Search {
    /// Every hit for `query`, the best first (`SearchRank`), then in screen order (pane by pane,
    /// step by step, provider by provider): "110" finds the police before weixin110.
    static func hits(_ query: String, in playbook: Playbook) -> [SearchHit] {
        let q = query.trimmingWhitespace().lowercased()
        guard !q.isEmpty else { return [] }
        let digits = q.filter(\.isNumber)
        // A query of digits (with dashes or spaces) is a phone number, matched on its digits.
        let isNumber = digits.count >= 3 && q.allSatisfy { $0.isNumber || $0 == "-" || $0 == " " }
        func holds(_ text: String) -> Bool { text.lowercased().contains(q) }
        func holds(_ text: LocalizedText?) -> Bool { text.map { t in Language.allCases.contains { holds(t[$0]) } } ?? false }
        func rank(id: String, name: LocalizedText, contacts: [Contact], text: [LocalizedText?]) -> SearchRank? {
            let numbers = contacts.compactMap { c -> String? in if case .phone(let n) = c.kind { n } else { nil } }
            if id.lowercased() == q || Language.allCases.contains(where: { name[$0].lowercased() == q })
                || (isNumber && numbers.contains { $0.filter(\.isNumber) == digits }) {
                return .exact
            }
            func named(_ contact: Contact) -> Bool {
                switch contact.kind {
                case .phone(let number): isNumber ? number.filter(\.isNumber).contains(digits) : holds(number)
                case .web(let address): holds(address)
                case .path(let path): holds(path)
                }
            }
            if holds(id) || holds(name) || contacts.contains(where: named) { return .named }
            if text.contains(where: holds) || contacts.contains(where: { holds($0.label) }) { return .mentioned }
            return nil
        }
        var out: [SearchHit] = []
        for (tab, pane) in playbook.panes.enumerated() {
            for (row, step) in pane.steps.enumerated() {
                let position = Position(tab: tab, row: row)
                let byProvider = step.providers.compactMap { p in
                    rank(id: p.id.rawValue, name: p.name, contacts: p.contacts, text: p.instructions + [p.note, p.warning])
                        .map { SearchHit(position: position, provider: p.id, rank: $0) }
                }
                let byStep = rank(id: step.id.rawValue, name: step.title, contacts: step.contacts,
                                  text: step.instructions + [step.why, step.warning])
                // The step itself, when no provider of it matches as well.
                if let byStep, !byProvider.contains(where: { $0.rank <= byStep }) {
                    out.append(SearchHit(position: position, provider: nil, rank: byStep))
                }
                out += byProvider
            }
        }
        // Stable: within a rank, screen order stays.
        return out.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element)
    }
}
