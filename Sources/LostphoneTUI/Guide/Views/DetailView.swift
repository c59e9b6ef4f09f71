import LostphoneCore
import TerminalKit

/// The details as the layout wrapped and scrolled them; says when more is below.
enum DetailView {
    static func draw(_ canvas: inout Canvas, _ detail: DetailLayout, emptyTimeline: Bool, words: Words, theme: Theme) {
        let inner = detail.inner
        if detail.rows.isEmpty, emptyTimeline {
            canvas.put(words[.noEvents], x: inner.x, y: inner.y, style: theme[.muted], limit: inner.width)
            return
        }
        let top = detail.top
        let hidden = detail.hiddenBelow
        // Something hidden below takes the last line to say so, rather than cutting a line.
        let shown = hidden > 0 ? max(0, inner.height - 1) : inner.height
        for (i, spans) in detail.rows.dropFirst(top).prefix(shown).enumerated() {
            canvas.put(spans, x: inner.x, y: inner.y + i, width: inner.width, theme: theme)
        }
        if hidden > 0 {
            let more = words[.moreBelow(lines: detail.rows.count - top - shown)] + " · PgDn"
            canvas.put(TextWidth.truncate(more, to: inner.width), x: inner.maxX - min(inner.width, TextWidth.of(more)),
                       y: inner.maxY - 1, style: theme[.muted])
        }
    }
}
