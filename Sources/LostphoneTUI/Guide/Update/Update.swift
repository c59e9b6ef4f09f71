import LostphoneCore
import TerminalKit

/// The pure heart of the app: an action and the state in, the new state and effects out.
/// Nothing here touches the terminal, the disk or the clock.
public enum Update {
    public static func apply(_ action: Action, to state: inout AppState) -> [Effect] {
        if case .key(let key) = action { return handle(key, in: &state) }
        // Dialogs take keys first.
        if case .input(let key) = action { return input(key, &state) }
        var effects: [Effect] = []
        switch action {
        case .moveSelection(let d): step(&state, by: d)
        case .pageUp: page(&state, by: -1)
        case .pageDown: page(&state, by: 1)
        case .top: move(&state, by: -Int.max / 2)
        case .bottom: move(&state, by: Int.max / 2)
        case .nextPane: focus(&state, (state.nav.focus + 1) % state.tabCount)
        case .previousPane: focus(&state, (state.nav.focus + state.tabCount - 1) % state.tabCount)
        case .focusPane(let i): if i < state.tabCount || i == state.dueTab { focus(&state, i) }
        case .focusDue: focus(&state, state.dueTab)
        case .nextProvider: cycleProvider(&state, by: 1)
        case .previousProvider: cycleProvider(&state, by: -1)
        case .toggleDetail where state.isDue: goToDueItem(&state)
        case .toggleDetail:
            state.nav.detailOpen.toggle()
            state.nav.detailScroll = 0
        case .scrollDetail(let d): scrollDetail(&state, by: d)
        case .record(let target): effects += record(target, &state)
        case .startNote:
            guard writable(&state) else { break }
            // Right after an action moved the selection on, the note is for what was just done.
            if let just = state.choices.justRecorded {
                state.choices.justRecorded = nil
                state.choices.noteProvider = just.provider
                state.mode = .note(just.step, TextInput())
                break
            }
            guard let step = actionableStep(&state), confirmedProvider(of: step, for: .startNote, &state) else { break }
            state.choices.noteProvider = state.provider(for: step)?.id
            state.mode = .note(step.id, TextInput())
        case .toggleMine:
            guard writable(&state), let step = actionableStep(&state) else { break }
            guard let provider = state.provider(for: step) else {
                state.message = StatusMessage(text: state.words[.noProviders], kind: .info)
                break
            }
            // The rules in Core decide, as for every recording: one with a state or a note
            // recorded stays the person's, and the message says why and what to do.
            let command = IncidentCommand.mine(step.id, provider.id, !state.incident.record(step.id).provider(provider.id).mine)
            switch state.recordingRules.event(for: command, in: state.incident, at: state.now) {
            case .success: effects.append(.record(command))
            case .failure(let refusal):
                state.message = StatusMessage(text: refusal.text(state.words, playbook: state.playbook, surface: .screen), kind: .error)
            }
        case .noneOfMine:
            guard writable(&state), let step = actionableStep(&state) else { break }
            guard !step.providers.isEmpty else {
                state.message = StatusMessage(text: state.words[.noProviders], kind: .info)
                break
            }
            effects += recordNoneOfMine(step, &state)
        case .startHappenedAt:
            guard writable(&state) else { break }
            // A time given before is shown selected: typing replaces it.
            state.mode = .happenedAt(TextInput(state.choices.happenedAt.map { TimeInput.display($0) } ?? "", limit: 40, selected: true))
        case .undo:
            if !writable(&state) {
                break
            } else if state.incident.lastUndoableEvent == nil {
                state.message = StatusMessage(text: state.words[.nothingToUndo], kind: .info)
            } else {
                effects.append(.record(.undo))
            }
        case .export: effects.append(.export)
        case .previousMatch:
            if let query = state.search.last {
                jumpToMatch(query, step: -1, &state)
            } else {
                state.message = StatusMessage(text: state.words[.searchFirst], kind: .info)
            }
        case .startSearch:
            state.mode = .search(TextInput(limit: 80), origin: Position(tab: state.nav.focus, row: state.nav.row),
                                 choices: state.choices.providerChoice)
        case .toggleLanguage:
            state.display.language = state.display.language.toggled
            state.message = StatusMessage(text: state.words[.languageNow], kind: .info)
            effects.append(.saveLanguage(state.display.language))
        case .nextTheme: effects.append(.nextTheme)
        case .toggleHelp: state.mode = .help(scroll: 0)
        case .editDetails:
            guard writable(&state) else { break }
            let i = state.incident
            state.mode = .details(DetailsForm(lostAt: i.lostAt.map { TimeInput.display($0) } ?? "", device: i.device))
        case .copyContact: effects += copy(&state)
        case .showQRCode: effects += showQRCode(&state, after: nil)
        case .qrCodeReady(let code, let pick):
            state.clipboard.lastContact = pick
            state.mode = .qrCode(code, pick)
        case .qrCodeFailed(let why):
            state.message = StatusMessage(text: "QR: " + why, kind: .error)
        case .quit: state.shouldQuit = true
        case .redraw: effects.append(.redraw)
        case .click(let x, let y):
            if let pick = ContactClick.pick(x: x, y: y, in: state) {
                effects += copy(pick, &state)
            } else {
                click(&state, x: x, y: y)
            }
            // A click elsewhere leaves "another bank?" unanswered.
            if case .another(let q) = state.mode, state.isTimeline || state.selectedStep?.id != q.step { state.mode = .normal }
        case .wheel(let d, let x, let y):
            let layout = Layout(state)
            // The wheel moves what it is over: the details, or the list.
            if let detail = layout.detail, detail.contains(x: x, y: y) {
                scrollDetail(&state, by: d * 3)
            } else {
                move(&state, by: d * 3)
            }
        case .input, .key: break
        case .paste(let text): paste(text, &state)
        case .resize(let w, let h):
            state.display.width = w
            state.display.height = h
            clampScroll(&state)
        case .tick(let now): state.now = now
        case .recorded(let event):
            recorded(event, &state)
            if let tip = tipToKeep(after: event, state) { effects.append(tip) }
        case .clipboardToolFinished(let shown, _, let outcome):
            clipboardToolFinished(shown: shown, outcome: outcome, &state)
        case .tipNotKept(let why):
            state.message = StatusMessage(text: state.words[.tipNotKept(why)], kind: .error)
        case .recordFailed(let why):
            state.session.unsavedActions += 1
            state.message = StatusMessage(text: state.words.label(.notSaved) + why, kind: .error)
        case .refused(let why):
            state.message = StatusMessage(text: why, kind: .error)
        case .exported(let path):
            state.clipboard.reportPath = path
            state.message = StatusMessage(text: "\(state.words[.reportWrittenTo]) \(path)", kind: .success, path: path)
        case .exportFailed(let why):
            state.message = StatusMessage(text: state.words.label(.exportFailed) + why, kind: .error)
        case .themeChanged(let name, let theme, let problems):
            state.display.theme = theme
            state.display.themeName = name
            if problems.isEmpty {
                state.message = StatusMessage(text: state.words.label(.theme) + name, kind: .info)
                effects.append(.saveTheme(name))
            } else {
                state.message = StatusMessage(text: "\(state.words[.theme]) \(name): \(problems[0][state.display.language])", kind: .error)
            }
        }
        return effects
    }

    /// The key handler for the current mode; in normal mode, the key table.
    public static func handle(_ key: Key, in state: inout AppState) -> [Effect] {
        if case .normal = state.mode, state.search.justClosed, let query = state.search.last {
            // Right after a search: n and Enter go on to its next hit (N, in the table, back).
            switch key {
            case .char("n"), .enter: jumpToMatch(query, step: 1, &state); return []
            case .char("N"): break
            default: state.search.justClosed = false
            }
        }
        if case .normal = state.mode {
            // A new key clears an old message (the first start's reminder too), except the
            // message the key itself produces, and any other key than the armed one disarms it.
            state.message = nil
            guard let action = KeyBindings.action(for: key) else {
                state.choices.armed = nil
                state.choices.justRecorded = nil
                return []
            }
            if state.choices.armed?.action != action { state.choices.armed = nil }
            if action != .startNote { state.choices.justRecorded = nil }
            // `y` copies the report's path only right after the export.
            if action != .copyContact { state.clipboard.reportPath = nil }
            return apply(action, to: &state)
        }
        return apply(.input(key), to: &state)
    }
}
