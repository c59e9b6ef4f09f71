import LostphoneCore
import TerminalKit

/// One row of a pane's step list as it is drawn: the step's state, its number, its title (with
/// `← now` on the step to do now), the person's providers with their states, and when its last
/// change happened.
struct StepListRow: Hashable {
    var state: StepState
    var number: String
    /// The title with `← now` on the step to do now (`marker`, kept whole when the title is cut).
    var title: String { marker.isEmpty ? bareTitle : bareTitle + "  " + marker }
    var bareTitle: String
    var marker: String
    /// `1/2 ✓ ICBC · ✗ CMB`, and `1/2 ✓ ✗` where the names do not fit; empty without providers.
    var summary: String
    var glyphSummary: String
    /// The latest happened-at time of its providers (`ShortTime`), empty while nothing was recorded.
    var time: String
    var selected: Bool
}

/// What the step list shows of the state: the visible rows of the focused pane.
enum StepListRows {
    static func visible(_ state: AppState, height: Int) -> [StepListRow] {
        let pane = state.playbook.panes[state.nav.focus]
        let top = state.nav.scroll[state.nav.focus]
        let nowRow = state.nowRow(state.nav.focus)
        return pane.steps.indices.dropFirst(top).prefix(max(0, height)).map { i in
            let step = pane.steps[i]
            let rec = state.incident.record(step.id)
            return StepListRow(
                state: rec.state,
                number: step.priority.map { "\($0)" } ?? "\(i + 1)",
                bareTitle: step.title[state.display.language],
                marker: i == nowRow ? state.words[.doNow] : "",
                summary: providerSummary(step, rec, state.display.language, names: true),
                glyphSummary: providerSummary(step, rec, state.display.language, names: false),
                time: rec.shownChange.map { ShortTime.text($0.happened, today: state.now) } ?? "",
                selected: i == state.nav.row)
        }
    }

    /// `1/2 ✓ ICBC · ✗ CMB`: how many of the person's providers are done, and each one's state;
    /// empty for a step without providers or none of theirs yet.
    static func providerSummary(_ step: Step, _ rec: StepRecord, _ language: Language, names: Bool) -> String {
        let mine = rec.mine.compactMap { entry -> (Provider, ProviderRecord)? in
            guard let id = entry.provider, let p = step.provider(id) else { return nil }
            return (p, entry.record)
        }
        guard !mine.isEmpty else { return "" }
        let done = mine.filter { $0.1.state == .done }.count
        guard names else { return "\(done)/\(mine.count) " + mine.map { StepGlyph.glyph($0.1.state) }.joined(separator: " ") }
        return "\(done)/\(mine.count) " + mine.map { StepGlyph.glyph($0.1.state) + " " + $0.0.shortName(language) }.joined(separator: " · ")
    }
}
