import LostphoneCore
import TerminalKit

/// Draws the whole screen for a state. Pure: the same state always gives the same canvas, and
/// only what is visible is drawn, so a frame costs the screen's size, not the playbook's.
public enum Screen {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.display.width, height: state.display.height, style: state.display.theme[.text])
        let layout = Layout(state)
        // Below the minimum size the runtime shows its message instead (`Program.draw`).
        if layout.tooSmall { return canvas }
        HeaderView.draw(&canvas, layout.header, HeaderContent.make(state), theme: state.display.theme)
        TabsView.draw(&canvas, layout.tabs, tabs: TabStrip.placed(state), focus: state.nav.focus, theme: state.display.theme)
        if state.isDue {
            DueView.draw(&canvas, layout.list, rows: state.dueList.rows, selected: state.nav.row,
                         scroll: state.nav.scroll[state.nav.focus], language: state.display.language, theme: state.display.theme)
        } else if state.isTimeline {
            TimelineView.draw(&canvas, layout.list, rows: TimelineRows.visible(state, height: layout.list.height),
                              empty: state.words[.noEvents], theme: state.display.theme)
        } else {
            StepListView.draw(&canvas, layout.list, rows: StepListRows.visible(state, height: layout.list.height), theme: state.display.theme)
        }
        if let divider = layout.divider {
            let style = state.display.theme[.paneBorder]
            for y in divider.y..<divider.maxY {
                canvas.put(String(repeating: layout.sideBySide ? "│" : "─", count: divider.width),
                           x: divider.x, y: y, style: style)
            }
        }
        moreBelow(&canvas, layout, state)
        if let detail = DetailLayout(state, layout) {
            DetailView.draw(&canvas, detail, emptyTimeline: state.isTimeline, words: state.words, theme: state.display.theme)
        }
        let theme = state.display.theme
        StatusBarView.draw(&canvas, layout.status, StatusLine.make(state, width: layout.status.width), theme: theme)
        let screen = Rect(x: 0, y: 0, width: state.display.width, height: state.display.height)
        switch state.mode {
        case .help(let scroll): HelpOverlay.draw(&canvas, GuideHelp.page(state), scroll: scroll)
        case .details(let form): DetailsFormView.draw(&canvas, screen, DetailsFormContent.make(state, form), theme: theme)
        case .confirmEarly(let early):
            if let content = ConfirmEarlyContent.make(state, early) { ConfirmEarlyView.draw(&canvas, screen, content, theme: theme) }
        case .qrCode(let code, let pick): QRCodeView.draw(&canvas, screen, QRCodeContent.make(state, code: code, pick: pick), theme: theme)
        case .normal, .note, .search, .happenedAt, .retryWhen, .another: break
        }
        return canvas
    }

    /// Rows of the list below its visible part are announced: on the line under the list when
    /// there is one, else at the end of the list's last row.
    static func moreBelow(_ canvas: inout Canvas, _ layout: Layout, _ state: AppState) {
        let shown = state.isDue ? DueLayout.visibleItems(layout.list) : layout.list.height
        let above = state.nav.scroll[state.nav.focus]
        // Rows scrolled away above are said at the divider's left end, where there is one (the
        // timeline opens at its end, so its first events are above).
        if above > 0, !state.isDue, let divider = layout.divider, !layout.sideBySide {
            canvas.put(" " + state.words[.moreRowsAbove(above)] + " ", x: divider.x + 2, y: divider.y,
                       style: state.display.theme[.muted], limit: max(0, divider.width / 2 - 2))
        }
        let hidden = state.rowCount(state.nav.focus) - above - shown
        guard hidden > 0 else { return }
        let text = " " + state.words[.moreRows(hidden)] + " "
        let width = TextWidth.of(text)
        if let divider = layout.divider, !layout.sideBySide {
            canvas.put(text, x: max(divider.x, divider.maxX - width - 2), y: divider.y, style: state.display.theme[.muted], limit: divider.width)
        } else {
            canvas.put(text, x: max(layout.list.x, layout.list.maxX - width), y: layout.list.maxY - 1,
                       style: state.display.theme[.muted], limit: layout.list.width)
        }
    }
}
