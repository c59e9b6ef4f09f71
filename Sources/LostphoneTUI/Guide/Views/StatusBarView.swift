import LostphoneCore
import TerminalKit

/// The bottom line: a prompt while typing (with what is wrong beside it), a question after a
/// recording, else the last message, else the key hints that fit.
enum StatusBarView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let theme = state.theme
        let w = state.words
        canvas.fill(rect, style: theme[.status])
        switch state.mode {
        case .note(let step, let field):
            prompt(&canvas, rect, state, label: noteLabel(step, width: rect.width, state), field: field)
            return
        case .search(let field, _, _):
            // The field, and beside it which hit is shown or that nothing matches.
            prompt(&canvas, rect, state, label: w[.searchPrompt], field: field)
            return
        case .happenedAt(let field):
            prompt(&canvas, rect, state, label: w[.happenedAtPrompt], short: w[.prompt(.happenedAtShort)], field: field)
            return
        case .retryWhen(_, let field):
            prompt(&canvas, rect, state, label: w[.prompt(.retryWhen)], short: w[.prompt(.retryShort)], field: field)
            return
        case .another(let question) where state.message?.kind != .error && state.selectedStep?.id == question.step:
            canvas.put(" " + anotherLine(question, width: rect.width - 1, state), x: rect.x, y: rect.y, style: theme[.key], limit: rect.width)
            return
        default: break
        }
        if let m = state.message {
            let element: ThemeElement = m.kind == .error ? .error : (m.kind == .success ? .success : .status)
            canvas.fill(rect, style: theme[element])
            canvas.put(" " + m.text, x: rect.x, y: rect.y, style: theme[element], limit: rect.width)
            return
        }
        HintLine.draw(&canvas, rect, hints: KeyBindings.hints(state), rightEnd: KeyBindings.rightEndHint(state), theme: theme)
    }

    /// "ICBC done. Another bank of yours? →/← pick · m marks it yours · Enter: no more", in
    /// the order said; `fitting` drops from the end what the line cannot hold.
    static func anotherParts(_ q: AnotherQuestion, _ state: AppState) -> [String] {
        let w = state.words
        let name = state.step(q.step)?.provider(q.provider)?.shortName(state.language) ?? q.provider.rawValue
        return [w[.prompt(.justRecorded(provider: name, q.state))] + (w.language == .zh ? "" : " ") + w[.prompt(.anotherOfMine(group: q.group))],
                w[.prompt(.pickAnother)], w[.prompt(.noMore)], w[.prompt(.markItMine)]]
    }

    /// The question's parts that fit in `width`, with no space after a Chinese question mark.
    static func anotherLine(_ q: AnotherQuestion, width: Int, _ state: AppState) -> String {
        fitting(anotherParts(q, state), width: width, gap: state.language == .zh ? "" : " ")
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
        let title = step?.title[state.language] ?? id.rawValue
        let provider = state.noteProvider.flatMap { step?.provider($0)?.shortName(state.language) }
        let keys = " — " + w[.prompt(.noteKeys)]
        // Room for about 24 columns of typing; the keys' reminder only where it fits too.
        let fixed = TextWidth.of(w[.prompt(.noteFor(""))]) + (provider.map { TextWidth.of($0) + 3 } ?? 0) + 3
        let cut = TextWidth.truncate(title, to: max(8, width - 24 - fixed))
        let label = w[.prompt(.noteFor((provider.map { $0 + " · " } ?? "") + cut))]
        return TextWidth.of(label + keys) <= width - 24 ? label + keys : label + w.colon
    }

    /// A text field with a visible cursor (a reversed cell), scrolled so the cursor shows; the
    /// message (an error, the search's hit) beside it, at the right. With a message, `short`
    /// (when given) takes the place of the long label, whose forms the error lists again.
    static func prompt(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, label: String, short: String? = nil, field: TextInput) {
        let theme = state.theme
        var line = rect
        if let m = state.message {
            let note = " " + m.text + " "
            let fieldRoom = min(max(12, TextWidth.of(field.text) + 2), 30)
            let noteWidth = min(TextWidth.of(note), max(0, rect.width - TextWidth.of(short ?? label) - fieldRoom - 1))
            if noteWidth > 0 {
                let style = theme[m.kind == .error ? .error : .key]
                canvas.put(note, x: rect.maxX - noteWidth, y: rect.y, style: style, limit: noteWidth)
                line = Rect(x: rect.x, y: rect.y, width: rect.width - noteWidth, height: 1)
            }
        }
        let shown = state.message != nil ? (short ?? label) : label
        var x = line.x
        x += canvas.put(" " + shown, x: x, y: line.y, style: theme[.key], limit: max(0, line.width - 10))
        TextFieldView.draw(&canvas, Rect(x: x, y: line.y, width: line.maxX - x, height: 1), field: field,
                           style: theme[.status], focused: true)
    }
}
