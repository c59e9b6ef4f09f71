import LostphoneCore
import TerminalKit

/// A place a search found: a step, and the provider it found in that step (by name or by one of
/// its numbers or addresses), or none when the step itself matched.
public struct SearchHit: Hashable, Sendable {
    public var position: Position
    public var provider: ProviderID?
}

/// What `/` finds: steps by title, providers by name, and contacts by number (digits, however
/// they are grouped) or by part of an address, in every language the guide speaks.
enum Search {
    /// Every hit for `query`, in screen order (pane by pane, step by step, provider by provider).
    static func hits(_ query: String, in playbook: Playbook) -> [SearchHit] {
        let q = query.trimmingWhitespace().lowercased()
        guard !q.isEmpty else { return [] }
        let digits = q.filter(\.isNumber)
        // A query of digits (with dashes or spaces) is a phone number, matched on its digits.
        let isNumber = digits.count >= 3 && q.allSatisfy { $0.isNumber || $0 == "-" || $0 == " " }
        func matches(_ text: String) -> Bool { text.lowercased().contains(q) }
        func matches(_ contact: Contact) -> Bool {
            switch contact.kind {
            case .phone(let number): isNumber ? number.filter(\.isNumber).contains(digits) : matches(number)
            case .web(let address): matches(address)
            case .path(let path): Language.allCases.contains { matches(path[$0]) }
            }
        }
        var out: [SearchHit] = []
        for (tab, pane) in playbook.panes.enumerated() {
            for (row, step) in pane.steps.enumerated() {
                let position = Position(tab: tab, row: row)
                let byProvider = step.providers.filter { p in
                    matches(p.id.rawValue) || Language.allCases.contains { matches(p.name[$0]) } || p.contacts.contains(where: matches)
                }
                let byStep = matches(step.id.rawValue) || Language.allCases.contains { matches(step.title[$0]) }
                    || step.contacts.contains(where: matches)
                if byStep && byProvider.isEmpty { out.append(SearchHit(position: position, provider: nil)) }
                out += byProvider.map { SearchHit(position: position, provider: $0.id) }
            }
        }
        return out
    }
}
