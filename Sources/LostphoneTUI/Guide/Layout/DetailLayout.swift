import LostphoneCore
import TerminalKit

/// The details' part of a frame, computed once from the state: where their text goes, the rows
/// it wraps to, how far they scroll, and what a click on a cell asks for. The update scrolls and
/// hit-tests by it; the view draws it.
struct DetailLayout {
    /// The details' whole part of the screen, and the text area inside it.
    let rect: Rect
    let inner: Rect
    let rows: [[Span]]
    /// The furthest the details scroll: their last line at the bottom.
    let maxScroll: Int
    /// The first row shown.
    let top: Int

    /// Nil when the details are closed, the screen too small, or too narrow for text.
    init?(_ state: AppState, _ layout: Layout) {
        guard let rect = layout.detail, !layout.tooSmall else { return nil }
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        guard inner.width > 4 else { return nil }
        self.rect = rect
        self.inner = inner
        rows = DetailLayout.rows(state, inner)
        maxScroll = max(0, rows.count - inner.height)
        top = min(state.nav.detailScroll, maxScroll)
    }

    /// Below this many rows the details of a step leave out its title and state line: the
    /// selected line of the list just above shows both, and the rows go to the provider and
    /// its first number (at 40x12 the details have five).
    static let compactHeight = 8

    /// The rows of the details; in a short area a step's begin at its provider and numbers.
    static func rows(_ state: AppState, _ inner: Rect) -> [[Span]] {
        guard inner.height < compactHeight, !state.isTimeline, let step = state.selectedStep else {
            return DetailText.wrappedRows(state, width: inner.width)
        }
        // The first two lines are the step's title and its state (DetailText.lines).
        return DetailText.lines(step, state).dropFirst(2).flatMap { $0.wrapped(to: inner.width) }
    }

    /// How far the details of the state's selection can scroll at the state's screen size.
    static func maxScroll(_ state: AppState) -> Int { DetailLayout(state, Layout(state))?.maxScroll ?? 0 }

    /// Rows hidden below the visible part (the last line then says so instead of a row).
    var hiddenBelow: Int { rows.count - top - inner.height }

    /// The row at screen line `y`, if one is drawn there (not the "more below" line).
    func row(atLine y: Int) -> [Span]? {
        guard inner.contains(x: inner.x, y: y) else { return nil }
        if hiddenBelow > 0 && y == inner.maxY - 1 { return nil }
        let i = top + (y - inner.y)
        return rows.indices.contains(i) ? rows[i] : nil
    }

    /// The tag of the span under a cell of the text area.
    func hit(x: Int, y: Int) -> Int? {
        guard let row = row(atLine: y) else { return nil }
        var col = inner.x
        for span in row {
            let w = TextWidth.of(span.text)
            if x >= col, x < col + w { return span.hit }
            col += w
        }
        return nil
    }
}

extension Layout {
    /// The layout of the state's screen.
    /// The Due tab has no step details: its items take the whole body.
    init(_ state: AppState) { self.init(width: state.display.width, height: state.display.height, detailOpen: state.nav.detailOpen && !state.isDue) }
}
