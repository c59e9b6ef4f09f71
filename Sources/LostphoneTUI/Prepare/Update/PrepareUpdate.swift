import LostphoneCore
import TerminalKit

/// The form's pure heart: a key or an action and the state in, the new state and effects out.
/// A change is never shown before it is saved: ticking a box asks for `.save` of the changed
/// profile, and only `.saved` puts it in the state.
public enum PrepareUpdate {
    /// A key: the edited field and the help take it first, else the key table's action.
    public static func handle(_ key: Key, in state: inout PrepareState) -> [PrepareEffect] {
        switch state.mode {
        case .editing(var editor):
            switch key {
            case .enter: return commit(editor, &state)
            case .escape:
                state.mode = .browse
                state.message = nil
            default:
                guard editor.input.handle(key) else { return [] }
                editor.error = nil
                state.mode = .editing(editor)
            }
            keepSelectionInView(&state)
            return []
        case .help(let scroll):
            let (next, redraw) = PrepareHelp.page(state).after(key, scroll: scroll)
            state.mode = next.map { .help(scroll: $0) } ?? .browse
            return redraw ? [.redraw] : []
        case .browse:
            // A new key clears the last message; the key's own result says what it did.
            state.message = nil
            guard let action = PrepareKeys.action(for: key) else { return [] }
            return apply(action, to: &state)
        }
    }

    public static func apply(_ action: PrepareAction, to state: inout PrepareState) -> [PrepareEffect] {
        if case .key(let key) = action { return handle(key, in: &state) }
        var effects: [PrepareEffect] = []
        switch action {
        case .key: break
        case .move(let d): select(&state, from: state.selection, by: d)
        case .page(let d): select(&state, from: state.selection, by: d * max(1, PrepareLayout(state).list.height - 1))
        case .first: select(&state, from: -1, by: 1)
        case .last: select(&state, from: state.rows.count, by: -1)
        case .nextSection: jumpSection(&state, forward: true)
        case .previousSection: jumpSection(&state, forward: false)
        case .toggle, .activate: effects += activate(&state)
        case .saveNow: effects.append(.save(state.profile))
        case .toggleHelp: state.mode = .help(scroll: 0)
        case .toggleLanguage:
            state.language = state.language.toggled
            effects.append(.saveLanguage(state.language))
        case .redraw: effects.append(.redraw)
        case .quit: state.shouldQuit = true
        case .resize(let w, let h):
            state.width = w
            state.height = h
            if case .help(let scroll) = state.mode { state.mode = .help(scroll: min(scroll, PrepareHelp.page(state).maxScroll)) }
        case .click(let x, let y): effects += click(x: x, y: y, &state)
        case .wheel(let d):
            if case .browse = state.mode { select(&state, from: state.selection, by: 3 * d) }
        case .paste(let text):
            if case .editing(var editor) = state.mode {
                editor.input.insert(pasted: text)
                editor.error = nil
                state.mode = .editing(editor)
            } else {
                // A paste is never keys: it goes into the field being edited, or nowhere.
                state.message = StatusMessage(text: state.words[.pasteIgnored], kind: .info)
            }
        case .tick(let now): state.now = now
        case .saved(let profile):
            state.profile = profile
            state.dropped = []
            state.fileExists = true
            if case .editing = state.mode { state.mode = .browse }
            state.message = StatusMessage(text: state.words[.profileSaved(path: state.path)], kind: .success)
        case .saveFailed(let why):
            state.unsavedChanges += 1
            let text = state.words[.formNotSaved(why)]
            if case .editing(var editor) = state.mode {
                editor.error = text
                state.mode = .editing(editor)
            } else {
                state.message = StatusMessage(text: text, kind: .error)
            }
        }
        keepSelectionInView(&state)
        return effects
    }

    /// Ticks or unticks the selected checkbox (a tip with today's date), or opens the field.
    static func activate(_ state: inout PrepareState) -> [PrepareEffect] {
        guard let row = state.selectedRow else { return [] }
        var profile = state.profile
        switch row {
        case .heading: return []
        case .option(let choice, let option):
            profile.set(choice, option, ticked: !profile.isTicked(choice, option))
        case .tip(let id):
            profile.tips[id] = profile.tips[id] == nil ? state.now : nil
        case .field(let field):
            state.mode = .editing(PrepareEditor(field: field, input: TextInput(field.value(in: profile) ?? "", limit: ProfileFile.maxFieldLength),
                                                error: nil))
            return []
        }
        return [.save(profile)]
    }

    /// Enter in a field: the text kept, saved; or refused in the field, and nothing saved.
    static func commit(_ editor: PrepareEditor, _ state: inout PrepareState) -> [PrepareEffect] {
        switch editor.field.accept(editor.input.text, state.words) {
        case .failure(let refusal):
            var refused = editor
            refused.error = refusal.message
            state.mode = .editing(refused)
            keepSelectionInView(&state)
            return []
        case .success(let value):
            guard value != editor.field.value(in: state.profile) else {
                state.mode = .browse
                return []
            }
            var profile = state.profile
            editor.field.set(value, in: &profile)
            // The editor stays open until the save answers: a refusal keeps the text typed.
            return [.save(profile)]
        }
    }

    /// A click selects a line and does what Enter does on it.
    static func click(x: Int, y: Int, _ state: inout PrepareState) -> [PrepareEffect] {
        guard case .browse = state.mode else { return [] }
        let layout = PrepareLayout(state)
        guard layout.list.contains(x: x, y: y),
              let hit = layout.row(atLine: state.scroll + y - layout.list.y, state),
              hit.first, state.rows[hit.row].isSelectable else { return [] }
        state.selection = hit.row
        return activate(&state)
    }

    /// Moves `by` selectable rows from `from` (which may be just outside the list), stopping at
    /// either end.
    static func select(_ state: inout PrepareState, from: Int, by: Int) {
        guard by != 0 else { return }
        let step = by > 0 ? 1 : -1
        var i = from, left = abs(by), landed = state.selection
        while left > 0 {
            i += step
            guard state.rows.indices.contains(i) else { break }
            if state.rows[i].isSelectable { landed = i; left -= 1 }
        }
        state.selection = landed
    }

    /// To the first item of the next (or previous) section, wrapping around; back from inside a
    /// section goes to its own first item first.
    static func jumpSection(_ state: inout PrepareState, forward: Bool) {
        let rows = state.rows
        let headings = rows.indices.filter { !rows[$0].isSelectable }
        guard !headings.isEmpty else { return }
        let current = headings.last { $0 < state.selection } ?? headings[0]
        func firstItem(_ h: Int) -> Int? { (h + 1..<rows.count).first { rows[$0].isSelectable } }
        let target: Int
        if forward {
            target = headings.first { $0 > state.selection } ?? headings[0]
        } else if let first = firstItem(current), first < state.selection {
            target = current
        } else {
            target = headings.last { $0 < current } ?? headings[headings.count - 1]
        }
        if let item = firstItem(target) { state.selection = item }
    }

    /// Scrolls so the selected row shows whole, with its section's heading when it is the
    /// section's first item.
    static func keepSelectionInView(_ state: inout PrepareState) {
        let layout = PrepareLayout(state)
        let height = max(1, layout.list.height)
        var top = layout.line(ofRow: state.selection, state)
        let bottom = top + layout.height(ofRow: state.selection, state)
        if state.selection > 0, !state.rows[state.selection - 1].isSelectable { top -= 1 }
        var scroll = min(state.scroll, top)
        scroll = max(scroll, bottom - height)
        state.scroll = max(0, min(scroll, layout.lineCount(state) - height))
    }
}
