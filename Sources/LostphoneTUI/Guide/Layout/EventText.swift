import LostphoneCore
import TerminalKit

/// Words for an event, shared by the timeline and the status message after recording.
enum EventText {
    static func describe(_ e: Event, _ state: AppState) -> [Span] {
        let w = state.words
        func title(_ id: StepID?) -> String {
            guard let id else { return "" }
            return state.step(id)?.title[state.display.language] ?? id.rawValue
        }
        func providerName(_ e: Event) -> String? {
            guard let id = e.step, let p = e.provider, let step = state.step(id) else { return e.provider?.rawValue }
            return step.provider(p)?.name[state.display.language] ?? p.rawValue
        }
        // An undone note, mark or "none of mine" is said as what it was ("Undone Freeze WeChat
        // Note: case 42"), not as a state it went back to.
        if let undone = state.incident.undone(by: e), undone.kind != .move {
            return [Span(w[.undone] + " ", .warning)] + describe(undone, state)
        }
        var spans: [Span] = []
        switch e.kind {
        case .opened:
            spans.append(Span(w.capitalized(.incidentStarted), .heading))
        case .details:
            var parts: [String] = []
            if let l = e.lostAt { parts.append("\(w[.lostAt]) \(TimeInput.display(l))") }
            if let o = e.owner { parts.append(o) }
            if let n = e.lostNumber { parts.append(n) }
            if let m = e.deviceModel { parts.append(m) }
            if let i = e.imei { parts.append("\(w[.imei]) \(i)") }
            spans.append(Span(w.capitalized(.phoneDetails) + (parts.isEmpty ? "" : w.colon + parts.joined(separator: " · ")), .heading))
        case .move, .undo:
            if e.kind == .undo { spans.append(Span(w[.undone] + " ", .warning)) }
            spans.append(Span(title(e.step) + " "))
            if let to = e.to, e.from != to {
                spans.append(Span(StepGlyph.glyph(to) + " " + w.name(to), StepGlyph.element(to)))
            } else if e.note != e.previousNote {
                spans.append(Span(w.capitalized(.note), .muted))
            }
            if let p = providerName(e) { spans.append(Span(" · " + p, .muted)) }
            if let n = e.note, !n.isEmpty, e.note != e.previousNote || e.kind == .move && e.from == e.to {
                spans.append(Span(" · " + n, .text))
            }
        case .note:
            spans.append(Span(title(e.step) + " "))
            spans.append(Span(w.label(.note), .muted))
            spans.append(Span(e.note ?? "", .text))
            if let p = providerName(e) { spans.append(Span(" · " + p, .muted)) }
        case .mine:
            spans.append(Span(title(e.step) + " "))
            spans.append(Span((providerName(e) ?? "") + w.colon + w[e.mine == false ? .notMine : .mine], .muted))
        case .noneOfMine:
            // After one of theirs, it was the answer "no more" to "another bank?".
            let noOther = state.incident.saidNoOther(e)
            spans.append(Span(title(e.step) + w.colon + (noOther ? w[.prompt(.noOtherOfMine(group: e.step.flatMap(state.step)?.group))] : w[.noneOfMine]), .muted))
        case .resolved:
            spans.append(Span(w.capitalized(.incidentResolved), .stepDone))
        }
        return spans
    }
}

/// The status message after an event was saved: what was recorded and when.
enum RecordedMessage {
    static func text(_ e: Event, _ state: AppState) -> String {
        let words = EventText.describe(e, state).map(\.text).joined()
        // Said early, where a short line still shows it.
        let note = state.choices.justRecorded == nil ? "" : " · " + state.words[.noteForJustDone]
        return "\(state.words[.saved]) \(TimeInput.clock(e.at))\(note) · \(words)"
    }
}
