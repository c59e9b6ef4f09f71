import LostphoneCore

// The Due tab: Enter goes to the selected item's step and provider, where it is recorded.
extension Update {
    static func goToDueItem(_ state: inout AppState) {
        let rows = state.dueList.rows
        guard rows.indices.contains(state.selection[state.focus]) else {
            state.message = StatusMessage(text: DueWords.nothingDue[state.language], kind: .info)
            return
        }
        let row = rows[state.selection[state.focus]]
        guard let position = state.stepIndex[row.step] else { return }
        if let provider = row.provider { state.providerChoice[row.step] = provider }
        focus(&state, position.tab)
        state.selection[position.tab] = position.row
        state.detailOpen = true
        clampScroll(&state)
    }
}
