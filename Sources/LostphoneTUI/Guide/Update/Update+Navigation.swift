import LostphoneCore
import TerminalKit

// Navigation: the selection, panes, providers, scrolling and clicks, by the layout.
extension Update {
    /// Rows the list shows: lines, or on the Due tab whole items.
    static func listHeight(_ state: AppState) -> Int {
        let list = Layout(state).list
        return state.isDue ? DueLayout.visibleItems(list) : list.height
    }

    /// ↑/↓: moves in the list; at its last row, ↓ goes on through the details and ↑ comes back
    /// up through them before leaving the row.
    static func step(_ state: inout AppState, by delta: Int) {
        let last = state.nav.row >= state.rowCount(state.nav.focus) - 1
        if delta > 0, last, state.nav.detailScroll < DetailLayout.maxScroll(state) {
            scrollDetail(&state, by: delta)
        } else if delta < 0, last, state.nav.detailScroll > 0 {
            scrollDetail(&state, by: delta)
        } else {
            move(&state, by: delta)
        }
    }

    /// PgDn/PgUp: a page of the details while they have more that way, else a page of the list.
    static func page(_ state: inout AppState, by direction: Int) {
        let layout = Layout(state)
        if let detail = layout.detail {
            let max = DetailLayout.maxScroll(state)
            if direction > 0 ? state.nav.detailScroll < max : state.nav.detailScroll > 0 {
                scrollDetail(&state, by: direction * Swift.max(1, detail.height - 2))
                return
            }
        }
        move(&state, by: direction * max(1, listHeight(state) - 1))
    }

    static func scrollDetail(_ state: inout AppState, by delta: Int) {
        state.nav.detailScroll = max(0, min(DetailLayout.maxScroll(state), state.nav.detailScroll + delta))
    }

    static func move(_ state: inout AppState, by delta: Int) {
        let n = state.rowCount(state.nav.focus)
        guard n > 0 else { return }
        let cur = state.nav.row
        state.nav.row = max(0, min(n - 1, cur.addingReportingOverflow(delta).partialValue))
        state.nav.detailScroll = 0
        clampScroll(&state)
    }

    static func focus(_ state: inout AppState, _ tab: Int) {
        state.nav.focus = tab
        state.nav.detailScroll = 0
        if tab == state.timelineTab { state.nav.selection[tab] = max(0, state.incident.events.count - 1) }
        clampScroll(&state)
    }

    /// Keeps the selected row inside the visible part of the list.
    static func clampScroll(_ state: inout AppState) {
        let h = max(1, listHeight(state))
        for tab in 0..<state.tabCount {
            let n = state.rowCount(tab)
            state.nav.selection[tab] = max(0, min(state.nav.selection[tab], n - 1))
            var top = state.nav.scroll[tab]
            let sel = state.nav.selection[tab]
            if sel < top { top = sel }
            if sel >= top + h { top = sel - h + 1 }
            top = max(0, min(top, max(0, n - h)))
            state.nav.scroll[tab] = top
        }
    }

    static func cycleProvider(_ state: inout AppState, by delta: Int) {
        guard let step = state.selectedStep, !step.providers.isEmpty else { return }
        let current = state.provider(for: step)?.id
        let order = state.providerOrder(step)
        let i = order.firstIndex { $0.id == current } ?? 0
        let n = order.count
        let chosen = order[((i + delta) % n + n) % n]
        state.choices.providerChoice[step.id] = chosen.id
        if let group = step.group { state.choices.groupChoice[group] = chosen.id }
        state.choices.armed = nil
        state.nav.detailScroll = 0
    }

    static func click(_ state: inout AppState, x: Int, y: Int) {
        let layout = Layout(state)
        if layout.tabs.contains(x: x, y: y) {
            if let tab = TabStrip.tab(at: x, state: state) { focus(&state, tab) }
        } else if let detail = layout.detail, detail.contains(x: x, y: y) {
            // ◀ and ▶ beside the provider's name change the provider.
            switch DetailLayout(state, layout)?.hit(x: x, y: y) {
            case DetailHit.previousProvider: cycleProvider(&state, by: -1)
            case DetailHit.nextProvider: cycleProvider(&state, by: 1)
            default: break
            }
        } else if layout.list.contains(x: x, y: y) {
            let row = state.isDue ? DueLayout.item(atY: y, list: layout.list, scroll: state.nav.scroll[state.nav.focus])
                : state.nav.scroll[state.nav.focus] + (y - layout.list.y)
            if row < state.rowCount(state.nav.focus) {
                state.nav.row = row
                state.nav.detailScroll = 0
                clampScroll(&state)
            }
        }
    }
}
