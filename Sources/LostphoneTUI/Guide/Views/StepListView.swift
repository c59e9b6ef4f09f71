import LostphoneCore
import TerminalKit

/// A pane's steps: state glyph, priority, title, and when its last change happened.
enum StepListView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let pane = state.playbook.panes[state.focus]
        let top = state.scroll[state.focus]
        let nowRow = state.nowRow(state.focus)
        for row in 0..<rect.height {
            let i = top + row
            guard i < pane.steps.count else { break }
            let step = pane.steps[i]
            let rec = state.incident.record(step.id)
            let y = rect.y + row
            let selected = i == state.selection[state.focus]
            var x = rect.x
            x += canvas.put(selected ? "›" : " ", x: x, y: y, style: state.theme[.paneBorderFocused])
            x += canvas.put(StepGlyph.glyph(rec.state) + " ", x: x, y: y, style: state.theme[StepGlyph.element(rec.state)])
            let number = step.priority.map { "\($0)" } ?? "\(i + 1)"
            x += canvas.put(TextWidth.padded(number, to: 2, alignRight: true) + " ", x: x, y: y, style: state.theme[.priority])
            // When its last change happened (the latest of its providers'), with its date when
            // not today; the recorded time is in the details, where there is room for it.
            let time = rec.shownChange.map { ShortTime.text($0.happened, today: state.now) } ?? ""
            let timeWidth = time.isEmpty || rect.width < 50 ? 0 : TextWidth.of(time) + 1
            let titleStyle = state.theme[rec.state == .skipped ? .stepSkipped : (rec.state == .done ? .stepDone : .text)]
            let room = max(0, rect.maxX - x - timeWidth - 1)
            // The providers the person uses, each with its state: `1/2 ✓ ICBC · ✗ CMB`.
            // The step to do now says so, after its title.
            let title = step.title[state.language] + (i == nowRow ? "  " + state.words[.doNow] : "")
            var summary = providerSummary(step, rec, state, names: true)
            // Where the names do not fit beside the title, the glyphs alone: `1/2 ✗ ✓`.
            if TextWidth.of(title) + TextWidth.of(summary) + 2 > room { summary = providerSummary(step, rec, state, names: false) }
            let titleRoom = summary.isEmpty ? room : min(TextWidth.of(title), max(room / 2, room - TextWidth.of(summary) - 2))
            // A cut title says so (…) rather than ending mid-word.
            let titleWidth = canvas.put(TextWidth.truncate(title, to: titleRoom), x: x, y: y, style: titleStyle, limit: titleRoom)
            if !summary.isEmpty && room - titleWidth > 4 {
                canvas.put(TextWidth.truncate(summary, to: room - titleWidth - 2), x: x + titleWidth + 2, y: y,
                           style: state.theme[.muted], limit: room - titleWidth - 2)
            }
            if timeWidth > 0 { canvas.put(time, x: rect.maxX - timeWidth, y: y, style: state.theme[.muted]) }
            if selected {
                canvas.highlight(Rect(x: rect.x + 1, y: y, width: rect.width - 1, height: 1), with: state.theme[.selection])
            }
        }
    }

    /// `1/2 ✓ ICBC · ✗ CMB`: how many of the person's providers are done, and each one's state;
    /// empty for a step without providers or none of theirs yet.
    static func providerSummary(_ step: Step, _ rec: StepRecord, _ state: AppState, names: Bool) -> String {
        let mine = rec.mine.compactMap { entry -> (Provider, ProviderRecord)? in
            guard let id = entry.provider, let p = step.provider(id) else { return nil }
            return (p, entry.record)
        }
        guard !mine.isEmpty else { return "" }
        let done = mine.filter { $0.1.state == .done }.count
        guard names else { return "\(done)/\(mine.count) " + mine.map { StepGlyph.glyph($0.1.state) }.joined(separator: " ") }
        return "\(done)/\(mine.count) " + mine.map { StepGlyph.glyph($0.1.state) + " " + $0.0.shortName(state.language) }.joined(separator: " · ")
    }
}
