import LostphoneCore
import TerminalKit

/// Draws the whole screen for a state. Pure: the same state always gives the same canvas, and
/// only what is visible is drawn, so a frame costs the screen's size, not the playbook's.
public enum Screen {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height, style: state.theme[.text])
        let layout = Layout(state)
        // Below the minimum size the runtime shows its message instead (`Program.draw`).
        if layout.tooSmall { return canvas }
        HeaderView.draw(&canvas, layout.header, HeaderContent.make(state), theme: state.theme)
        TabsView.draw(&canvas, layout.tabs, tabs: TabStrip.placed(state), focus: state.focus, theme: state.theme)
        if state.isDue {
            DueView.draw(&canvas, layout.list, rows: state.dueList.rows, selected: state.selection[state.focus],
                         scroll: state.scroll[state.focus], language: state.language, theme: state.theme)
        } else if state.isTimeline {
            TimelineView.draw(&canvas, layout.list, rows: TimelineRows.visible(state, height: layout.list.height),
                              empty: state.words[.noEvents], theme: state.theme)
        } else {
            StepListView.draw(&canvas, layout.list, rows: StepListRows.visible(state, height: layout.list.height), theme: state.theme)
        }
        if let divider = layout.divider {
            let style = state.theme[.paneBorder]
            for y in divider.y..<divider.maxY {
                canvas.put(String(repeating: layout.sideBySide ? "│" : "─", count: divider.width),
                           x: divider.x, y: y, style: style)
            }
        }
        moreBelow(&canvas, layout, state)
        if let detail = DetailLayout(state, layout) {
            DetailView.draw(&canvas, detail, emptyTimeline: state.isTimeline, words: state.words, theme: state.theme)
        }
        StatusBarView.draw(&canvas, layout.status, state)
        switch state.mode {
        case .help(let scroll): HelpOverlay.draw(&canvas, GuideHelp.page(state), scroll: scroll)
        case .details(let form): DetailsFormView.draw(&canvas, state, form: form)
        case .confirmEarly(let early): ConfirmEarlyView.draw(&canvas, state, early: early)
        case .qrCode(let code, let pick): QRCodeView.draw(&canvas, state, code: code, pick: pick)
        case .normal, .note, .search, .happenedAt, .retryWhen, .another: break
        }
        return canvas
    }

    /// Rows of the list below its visible part are announced: on the line under the list when
    /// there is one, else at the end of the list's last row.
    static func moreBelow(_ canvas: inout Canvas, _ layout: Layout, _ state: AppState) {
        let shown = state.isDue ? DueLayout.visibleItems(layout.list) : layout.list.height
        let hidden = state.rowCount(state.focus) - state.scroll[state.focus] - shown
        guard hidden > 0 else { return }
        let text = " " + state.words[.moreRows(hidden)] + " "
        let width = TextWidth.of(text)
        if let divider = layout.divider, !layout.sideBySide {
            canvas.put(text, x: max(divider.x, divider.maxX - width - 2), y: divider.y, style: state.theme[.muted], limit: divider.width)
        } else {
            canvas.put(text, x: max(layout.list.x, layout.list.maxX - width), y: layout.list.maxY - 1,
                       style: state.theme[.muted], limit: layout.list.width)
        }
    }
}
