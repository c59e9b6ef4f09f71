import LostphoneCore
import TerminalKit

/// What the bottom line shows, made from the state for the line's width: a prompt while typing
/// (with the message beside it), a question after a recording, else the last message, else the
/// key hints.
enum StatusLine {
    /// A text field after its label; with a message, `short` (when given) takes the long label's place.
    case prompt(label: String, short: String?, field: TextInput, message: StatusMessage?)
    /// "Another bank of yours?", already cut to the line.
    case question(String)
    case message(StatusMessage)
    case hints([(keys: String, text: String)], rightEnd: (keys: String, text: String)?)

    static func make(_ state: AppState, width: Int) -> StatusLine {
        let w = state.words
        switch state.mode {
        case .note(let step, let field):
            return .prompt(label: noteLabel(step, width: width, state), short: nil, field: field, message: state.message)
        case .search(let field, _, _):
            // The field, and beside it which hit is shown or that nothing matches.
            return .prompt(label: w[.searchPrompt], short: nil, field: field, message: state.message)
        case .happenedAt(let field):
            return .prompt(label: w[.happenedAtPrompt], short: w[.prompt(.happenedAtShort)], field: field, message: state.message)
        case .retryWhen(_, let field):
            return .prompt(label: w[.prompt(.retryWhen)], short: w[.prompt(.retryShort)], field: field, message: state.message)
        case .another(let question) where state.message?.kind != .error && state.selectedStep?.id == question.step:
            return .question(anotherLine(question, width: width - 1, state))
        default: break
        }
        if let m = state.message { return .message(fitted(m, width: width - 1)) }
        var hints = KeyBindings.hints(state)
        // A time given with `@` applies to the next action wherever it is taken: said first on
        // the line, not only in the details of the step it was given on.
        if let t = state.choices.happenedAt { hints.insert((keys: "@ " + TimeInput.display(t), text: w[.prompt(.pendingTime)]), at: 0) }
        return .hints(hints, rightEnd: KeyBindings.rightEndHint(state))
    }

    /// The message with its path shortened from the start ("…/reports/lostphone-report-….md")
    /// until the whole fits `width`; a message without a path, or one that fits, as it is. A
    /// path cut at the end lost the very part that tells two files apart.
    static func fitted(_ m: StatusMessage, width: Int) -> StatusMessage {
        guard let path = m.path, TextWidth.of(m.text) > width, let range = m.text.range(of: path) else { return m }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let room = TextWidth.of(path) - (TextWidth.of(m.text) - width)
        var short = "…/" + (parts.last ?? "")
        for kept in stride(from: parts.count - 2, through: 1, by: -1) {
            let trial = "…/" + parts.suffix(kept).joined(separator: "/")
            if TextWidth.of(trial) <= room { short = trial; break }
        }
        var fitted = m
        fitted.text.replaceSubrange(range, with: short)
        fitted.path = nil
        return fitted
    }

    /// "ICBC done. Another bank of yours? →/← pick · m marks it yours · Enter: no more", in
    /// the order said; `fitting` drops from the end what the line cannot hold.
    static func anotherParts(_ q: AnotherQuestion, _ state: AppState) -> [String] {
        let w = state.words
        let name = state.step(q.step)?.provider(q.provider)?.shortName(state.display.language) ?? q.provider.rawValue
        return [w[.prompt(.justRecorded(provider: name, q.state))] + (w.language == .zh ? "" : " ") + w[.prompt(.anotherOfMine(group: q.group))],
                w[.prompt(.pickAnother)], w[.prompt(.noMore)], w[.prompt(.markItMine)]]
    }

    /// The question's parts that fit in `width`, with no space after a Chinese question mark.
    static func anotherLine(_ q: AnotherQuestion, width: Int, _ state: AppState) -> String {
        fitting(anotherParts(q, state), width: width, gap: state.display.language == .zh ? "" : " ")
    }

    /// The parts that fit in `width`, the first always, the others in the order of need (the
    /// question, picking, "no more", then `m`), laid out with `m` before "no more".
    static func fitting(_ parts: [String], width: Int, gap: String) -> String {
        var kept = [parts[0]]
        for part in parts.dropFirst() {
            let trial = kept + [part]
            if TextWidth.of(layout(trial, all: parts, gap: gap)) <= width { kept = trial }
        }
        return layout(kept, all: parts, gap: gap)
    }

    /// The first part, then the rest joined by " · ", "m marks it yours" before "Enter: no more".
    private static func layout(_ kept: [String], all: [String], gap: String) -> String {
        let order = [all[0], all[1], all[3], all[2]].filter { kept.contains($0) }
        return order[0] + (order.count > 1 ? gap + order.dropFirst().joined(separator: " · ") : "")
    }

    /// "Note for CMB · Freeze bank cards — Enter saves, Esc cancels: ": whose note it will be,
    /// the step's title cut to leave room for typing.
    static func noteLabel(_ id: StepID, width: Int, _ state: AppState) -> String {
        let w = state.words
        let step = state.step(id)
        let title = step?.title[state.display.language] ?? id.rawValue
        let provider = state.choices.noteProvider.flatMap { step?.provider($0)?.shortName(state.display.language) }
        let keys = " — " + w[.prompt(.noteKeys)]
        // Room for about 24 columns of typing; the keys' reminder only where it fits too.
        let fixed = TextWidth.of(w[.prompt(.noteFor(""))]) + (provider.map { TextWidth.of($0) + 3 } ?? 0) + 3
        let cut = TextWidth.truncate(title, to: max(8, width - 24 - fixed))
        let label = w[.prompt(.noteFor((provider.map { $0 + " · " } ?? "") + cut))]
        return TextWidth.of(label + keys) <= width - 24 ? label + keys : label + w.colon
    }
}
