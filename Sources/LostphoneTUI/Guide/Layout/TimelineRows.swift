import LostphoneCore
import TerminalKit

/// One event of the timeline as drawn: when it happened (and was recorded), what happened.
struct TimelineRow: Hashable {
    var spans: [Span]
    var selected: Bool
}

/// What the timeline shows of the state: the visible events, oldest first (as recorded).
enum TimelineRows {
    static func visible(_ state: AppState, height: Int) -> [TimelineRow] {
        let events = state.incident.events
        let top = state.nav.scroll[state.nav.focus]
        return events.indices.dropFirst(top).prefix(max(0, height)).map { i in
            TimelineRow(spans: line(events[i], state), selected: i == state.nav.row)
        }
    }

    /// One event as spans: when it happened (with its date when not today), when it was
    /// recorded where that is another minute, then what happened, provider and note.
    static func line(_ e: Event, _ state: AppState) -> [Span] {
        let when = ShortTime.when(happened: e.happenedAt, recorded: e.at, today: state.now, words: state.words, seconds: true)
        var spans = [Span(when.time, .muted)]
        if let recorded = when.recorded { spans.append(Span(recorded, .muted)) }
        spans.append(Span(" "))
        spans += EventText.describe(e, state)
        return spans
    }
}
