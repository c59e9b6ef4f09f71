import LostphoneCore
import TerminalKit

// Search: live as the person types, and the hits after it.
extension Update {
    /// Back where the search started: its selection and provider choices, and no message.
    static func returnToSearchOrigin(_ origin: Position, _ choices: [StepID: ProviderID], _ state: inout AppState) {
        state.nav.focus = origin.tab
        state.nav.selection[origin.tab] = origin.row
        state.choices.providerChoice = choices
        state.message = nil
    }

    /// The search's text changed, typed or pasted: live, the first hit from where it started.
    static func searchChanged(_ field: TextInput, origin: Position, choices: [StepID: ProviderID], _ state: inout AppState) {
        state.mode = .search(field, origin: origin, choices: choices)
        returnToSearchOrigin(origin, choices, &state)
        jumpToMatch(field.text, step: 0, &state)
    }

    /// The hit the screen shows: the selected step with the provider shown.
    static func currentHit(_ hits: [SearchHit], _ state: AppState) -> Int? {
        let here = Position(tab: state.nav.focus, row: state.nav.row)
        let shown = state.selectedStep.flatMap { state.provider(for: $0)?.id }
        return hits.firstIndex { $0.position == here && ($0.provider == nil || $0.provider == shown) }
    }

    /// Moves the selection to a hit of `query`: the best-ranked at or after the selection, else
    /// the first best-ranked (`step` 0: an exact number or id wins wherever it is), the next
    /// after the one shown (1), or the one before it (-1), wrapping around in rank order; the
    /// provider it found is shown. Says so when nothing matches.
    static func jumpToMatch(_ query: String, step: Int, _ state: inout AppState) {
        let hits = Search.hits(query, in: state.playbook)
        guard !query.trimmingWhitespace().isEmpty else { return }
        guard !hits.isEmpty else {
            state.message = StatusMessage(text: state.words[.noMatch], kind: .info)
            return
        }
        let here = Position(tab: state.nav.focus, row: state.nav.row)
        func key(_ p: Position) -> (Int, Int) { (p.tab, p.row) }
        let index: Int
        let current = currentHit(hits, state)
        switch step {
        case 0:
            let best = hits[0].rank
            index = hits.firstIndex { $0.rank == best && key($0.position) >= key(here) } ?? 0
        case let s where s > 0:
            if let current { index = (current + 1) % hits.count }
            else { index = hits.firstIndex { key($0.position) > key(here) } ?? 0 }
        default:
            if let current { index = (current - 1 + hits.count) % hits.count }
            else { index = hits.lastIndex { key($0.position) < key(here) } ?? hits.count - 1 }
        }
        let hit = hits[index]
        state.nav.focus = hit.position.tab
        state.nav.selection[hit.position.tab] = hit.position.row
        if let provider = hit.provider, let found = state.step(state.playbook.panes[hit.position.tab].steps[hit.position.row].id) {
            state.choices.providerChoice[found.id] = provider
        }
        state.choices.armed = nil
        state.nav.detailScroll = 0
        let inField = if case .search = state.mode { true } else { false }
        state.message = StatusMessage(text: state.words[inField ? .matchOf(index + 1, hits.count) : .matchAfter(index + 1, hits.count)], kind: .info)
        clampScroll(&state)
    }
}
