import LostphoneCore

// The Due tab: Enter goes to where the selected item is recorded: the step that closes it (the
// written report for a debit card's), else its own step, with its provider.
extension Update {
    static func goToDueItem(_ state: inout AppState) {
        let rows = state.dueList.rows
        guard rows.indices.contains(state.nav.row) else {
            state.message = StatusMessage(text: DueWords.nothingDue[state.display.language], kind: .info)
            return
        }
        let row = rows[state.nav.row]
        let target = row.closedBy ?? row.step
        guard let position = state.stepIndex[target] else { return }
        if let provider = row.provider, state.step(target)?.provider(provider) != nil { state.choices.providerChoice[target] = provider }
        focus(&state, position.tab)
        state.nav.selection[position.tab] = position.row
        state.nav.detailOpen = true
        clampScroll(&state)
    }
}
