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
        case .nextPane: focus(&state, (state.focus + 1) % state.tabCount)
        case .previousPane: focus(&state, (state.focus + state.tabCount - 1) % state.tabCount)
        case .focusPane(let i): if i < state.tabCount { focus(&state, i) }
        case .nextProvider: cycleProvider(&state, by: 1)
        case .previousProvider: cycleProvider(&state, by: -1)
        case .toggleDetail:
            state.detailOpen.toggle()
            state.detailScroll = 0
        case .scrollDetail(let d): scrollDetail(&state, by: d)
        case .record(let target): effects += record(target, &state)
        case .startNote:
            guard writable(&state) else { break }
            // Right after an action moved the selection on, the note is for what was just done.
            if let just = state.justRecorded {
                state.justRecorded = nil
                state.noteProvider = just.provider
                state.mode = .note(just.step, TextInput())
                break
            }
            guard let step = actionableStep(&state), confirmedProvider(of: step, for: .startNote, &state) else { break }
            state.noteProvider = state.provider(for: step)?.id
            state.mode = .note(step.id, TextInput())
        case .toggleMine:
            guard writable(&state), let step = actionableStep(&state) else { break }
            guard let provider = state.provider(for: step) else {
                state.message = StatusMessage(text: state.words[.noProviders], kind: .info)
                break
            }
            effects.append(.record(.mine(step.id, provider.id, !state.incident.record(step.id).provider(provider.id).mine)))
        case .startHappenedAt:
            guard writable(&state) else { break }
            state.mode = .happenedAt(TextInput(state.happenedAt.map { TimeInput.display($0) } ?? "", limit: 40))
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
            if let query = state.lastSearch {
                jumpToMatch(query, step: -1, &state)
            } else {
                state.message = StatusMessage(text: state.words[.searchFirst], kind: .info)
            }
        case .startSearch:
            state.mode = .search(TextInput(limit: 80), origin: Position(tab: state.focus, row: state.selection[state.focus]),
                                 choices: state.providerChoice)
        case .toggleLanguage:
            state.language = state.language.toggled
            state.message = StatusMessage(text: state.words[.languageNow], kind: .info)
            effects.append(.saveLanguage(state.language))
        case .nextTheme: effects.append(.nextTheme)
        case .toggleHelp: state.mode = .help(scroll: 0)
        case .editDetails:
            guard writable(&state) else { break }
            let i = state.incident
            state.mode = .details(DetailsForm(lostAt: i.lostAt.map { TimeInput.display($0) } ?? "", owner: i.device.owner ?? "",
                                              number: i.device.number ?? "", model: i.device.model ?? "", imei: i.device.imei ?? "",
                                              insurer: i.device.insurer ?? "", policy: i.device.policy ?? ""))
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
        case .wheel(let d, let x, let y):
            let layout = Layout(width: state.width, height: state.height, detailOpen: state.detailOpen)
            // The wheel moves what it is over: the details, or the list.
            if let detail = layout.detail, detail.contains(x: x, y: y) {
                scrollDetail(&state, by: d * 3)
            } else {
                move(&state, by: d * 3)
            }
        case .input, .key: break
        case .paste(let text): paste(text, &state)
        case .resize(let w, let h):
            state.width = w
            state.height = h
            clampScroll(&state)
        case .tick(let now): state.now = now
        case .recorded(let event):
            recorded(event, &state)
            if let tip = tipToKeep(after: event, state) { effects.append(tip) }
        case .tipNotKept(let why):
            state.message = StatusMessage(text: state.words[.tipNotKept(why)], kind: .error)
        case .recordFailed(let why):
            state.unsavedActions += 1
            state.message = StatusMessage(text: state.words.label(.notSaved) + why, kind: .error)
        case .refused(let why):
            state.message = StatusMessage(text: why, kind: .error)
        case .exported(let path):
            state.clipboard.reportPath = path
            state.message = StatusMessage(text: "\(state.words[.reportWrittenTo]) \(path)", kind: .success)
        case .exportFailed(let why):
            state.message = StatusMessage(text: state.words.label(.exportFailed) + why, kind: .error)
        case .themeChanged(let name, let theme, let problems):
            state.theme = theme
            state.themeName = name
            if problems.isEmpty {
                state.message = StatusMessage(text: state.words.label(.theme) + name, kind: .info)
                effects.append(.saveTheme(name))
            } else {
                state.message = StatusMessage(text: "\(state.words[.theme]) \(name): \(problems[0])", kind: .error)
            }
        }
        return effects
    }

    /// The key handler for the current mode; in normal mode, the key table.
    public static func handle(_ key: Key, in state: inout AppState) -> [Effect] {
        if case .normal = state.mode, state.searchJustClosed, let query = state.lastSearch {
            // Right after a search: n and Enter go on to its next hit (N, in the table, back).
            switch key {
            case .char("n"), .enter: jumpToMatch(query, step: 1, &state); return []
            case .char("N"): break
            default: state.searchJustClosed = false
            }
        }
        if case .normal = state.mode {
            // A new key clears an old message (the first start's reminder too), except the
            // message the key itself produces, and any other key than the armed one disarms it.
            state.message = nil
            guard let action = KeyBindings.action(for: key) else {
                state.armed = nil
                state.justRecorded = nil
                return []
            }
            if state.armed?.action != action { state.armed = nil }
            if action != .startNote { state.justRecorded = nil }
            // `y` copies the report's path only right after the export.
            if action != .copyContact { state.clipboard.reportPath = nil }
            return apply(action, to: &state)
        }
        return apply(.input(key), to: &state)
    }

    // MARK: - navigation

    static func listHeight(_ state: AppState) -> Int {
        Layout(width: state.width, height: state.height, detailOpen: state.detailOpen).list.height
    }

    /// ↑/↓: moves in the list; at its last row, ↓ goes on through the details and ↑ comes back
    /// up through them before leaving the row.
    static func step(_ state: inout AppState, by delta: Int) {
        let last = state.selection[state.focus] >= state.rowCount(state.focus) - 1
        if delta > 0, last, state.detailScroll < DetailView.maxScroll(state) {
            scrollDetail(&state, by: delta)
        } else if delta < 0, last, state.detailScroll > 0 {
            scrollDetail(&state, by: delta)
        } else {
            move(&state, by: delta)
        }
    }

    /// PgDn/PgUp: a page of the details while they have more that way, else a page of the list.
    static func page(_ state: inout AppState, by direction: Int) {
        let layout = Layout(width: state.width, height: state.height, detailOpen: state.detailOpen)
        if let detail = layout.detail {
            let max = DetailView.maxScroll(state)
            if direction > 0 ? state.detailScroll < max : state.detailScroll > 0 {
                scrollDetail(&state, by: direction * Swift.max(1, detail.height - 2))
                return
            }
        }
        move(&state, by: direction * max(1, listHeight(state) - 1))
    }

    static func scrollDetail(_ state: inout AppState, by delta: Int) {
        state.detailScroll = max(0, min(DetailView.maxScroll(state), state.detailScroll + delta))
    }

    static func move(_ state: inout AppState, by delta: Int) {
        let n = state.rowCount(state.focus)
        guard n > 0 else { return }
        let cur = state.selection[state.focus]
        state.selection[state.focus] = max(0, min(n - 1, cur.addingReportingOverflow(delta).partialValue))
        state.detailScroll = 0
        clampScroll(&state)
    }

    static func focus(_ state: inout AppState, _ tab: Int) {
        state.focus = tab
        state.detailScroll = 0
        if tab == state.timelineTab { state.selection[tab] = max(0, state.incident.events.count - 1) }
        clampScroll(&state)
    }

    /// Keeps the selected row inside the visible part of the list.
    static func clampScroll(_ state: inout AppState) {
        let h = max(1, listHeight(state))
        for tab in 0..<state.tabCount {
            let n = state.rowCount(tab)
            state.selection[tab] = max(0, min(state.selection[tab], n - 1))
            var top = state.scroll[tab]
            let sel = state.selection[tab]
            if sel < top { top = sel }
            if sel >= top + h { top = sel - h + 1 }
            top = max(0, min(top, max(0, n - h)))
            state.scroll[tab] = top
        }
    }

    static func cycleProvider(_ state: inout AppState, by delta: Int) {
        guard let step = state.selectedStep, !step.providers.isEmpty else { return }
        let current = state.provider(for: step)?.id
        let order = state.providerOrder(step)
        let i = order.firstIndex { $0.id == current } ?? 0
        let n = order.count
        let chosen = order[((i + delta) % n + n) % n]
        state.providerChoice[step.id] = chosen.id
        if let group = step.group { state.groupChoice[group] = chosen.id }
        state.armed = nil
        state.detailScroll = 0
    }

    static func click(_ state: inout AppState, x: Int, y: Int) {
        let layout = Layout(width: state.width, height: state.height, detailOpen: state.detailOpen)
        if layout.tabs.contains(x: x, y: y) {
            if let tab = TabsView.tab(at: x, state: state) { focus(&state, tab) }
        } else if let detail = layout.detail, detail.contains(x: x, y: y) {
            // ◀ and ▶ beside the provider's name change the provider.
            let inner = DetailView.innerRect(detail)
            let rows = DetailView.wrappedRows(state, width: inner.width)
            let i = min(state.detailScroll, DetailView.maxScroll(state)) + (y - inner.y)
            guard rows.indices.contains(i) else { return }
            var col = inner.x
            for span in rows[i] {
                let w = TextWidth.of(span.text)
                if span.element == .key, x >= col, x < col + w {
                    if span.text.contains("◀") { cycleProvider(&state, by: -1) }
                    if span.text.contains("▶") { cycleProvider(&state, by: 1) }
                    return
                }
                col += w
            }
        } else if layout.list.contains(x: x, y: y) {
            let row = state.scroll[state.focus] + (y - layout.list.y)
            if row < state.rowCount(state.focus) {
                state.selection[state.focus] = row
                state.detailScroll = 0
                clampScroll(&state)
            }
        }
    }

    // MARK: - recording

    /// The step an action applies to, or nil with a message saying why there is none.
    static func actionableStep(_ state: inout AppState) -> Step? {
        if state.isTimeline {
            state.message = StatusMessage(text: state.words[.pickAStepFirst], kind: .info)
            return nil
        }
        return state.selectedStep
    }

    /// Whether anything can be recorded; in a read-only view, says why not.
    static func writable(_ state: inout AppState) -> Bool {
        guard let directory = state.readOnlyDirectory else { return true }
        state.message = StatusMessage(text: state.words[.readOnlyRefusal(directory: directory)], kind: .error)
        return false
    }

    static func record(_ target: StepState, _ state: inout AppState) -> [Effect] {
        guard writable(&state), let step = actionableStep(&state),
              confirmedProvider(of: step, for: .record(target), &state) else { return [] }
        let provider = state.provider(for: step)
        let current = state.incident.record(step.id).provider(provider?.id).state
        guard current.canMove(to: target) else {
            state.message = StatusMessage(text: refusal(step, provider, from: current, to: target, state), kind: .error)
            return []
        }
        if let early = earlyRecording(step, target, provider?.id, state) {
            state.mode = .confirmEarly(early)
            return []
        }
        return [.record(.move(step.id, to: target, provider: provider?.id, happenedAt: state.happenedAt))]
    }

    /// Starting or finishing a step whose required steps are still open waits for confirmation.
    static func earlyRecording(_ step: Step, _ target: StepState, _ provider: ProviderID?, _ state: AppState) -> EarlyRecording? {
        guard target == .done || target == .inProgress, !step.requires.isEmpty else { return nil }
        let unmet = state.playbook.unmetRequirements(of: step.id) { state.incident.record($0).state.isSettled }
        return unmet.isEmpty ? nil : EarlyRecording(step: step.id, target: target, provider: provider, unmet: unmet.map(\.id))
    }

    /// Whether the provider shown for `step` may be acted on: one the person chose, or one they
    /// confirm by pressing the same key again (the first press says which provider it would be).
    static func confirmedProvider(of step: Step, for action: Action, _ state: inout AppState) -> Bool {
        guard let provider = state.provider(for: step), !state.isChosen(provider, in: step) else { return true }
        let armed = Armed(step: step.id, provider: provider.id, action: action)
        if state.armed == armed {
            state.armed = nil
            return true
        }
        state.armed = armed
        let key = KeyBindings.all.first { $0.keys.contains { $0.action == action } }?.keys.first.map { KeyBindings.name($0.key) } ?? "?"
        state.message = StatusMessage(text: state.words[.confirmProvider(provider: provider.shortName(state.language), key: key)], kind: .info)
        return false
    }

    static func refusal(_ step: Step, _ provider: Provider?, from: StepState, to: StepState, _ state: AppState) -> String {
        let title = step.title[state.language] + (provider.map { state.words.paren($0.name[state.language]) } ?? "")
        return state.words[from == to ? .alreadyIn(step: title, from) : .reopenFirst(step: title, from)]
    }

    /// After a prevention tip's state changed in the incident (done, reopened, undone), the
    /// profile keeps it too: the checklist outlives the incident.
    static func tipToKeep(after event: Event, _ state: AppState) -> Effect? {
        guard event.prepared != true, event.kind == .move || event.kind == .undo, let id = event.step,
              let pos = state.stepIndex[id], state.playbook.panes[pos.tab].kind == .tips else { return nil }
        let record = state.incident.record(id)
        return .keepTip(id, doneAt: record.state == .done ? record.provider(nil).effectiveAt : nil)
    }

    static func recorded(_ event: Event, _ state: inout AppState) {
        do {
            try state.applyRecorded(event)
        } catch {
            state.message = StatusMessage(text: state.words.label(.notSaved) + error.message, kind: .error)
            return
        }
        // What this event settles: the time given with @ is used, a provider chosen counts for
        // its group, and a phone model names its brand.
        if event.happenedAt != nil { state.happenedAt = nil }
        if let id = event.provider, let step = event.step.flatMap(state.step), let group = step.group,
           event.kind != .mine || event.mine == true {
            state.groupChoice[group] = id
        }
        if event.kind == .details, let model = event.deviceModel, let brand = BrandMatch.provider(in: model, state.playbook) {
            state.groupChoice[BrandMatch.group] = brand
        }
        whatNext(after: event, &state)
        if state.selection[state.timelineTab] >= state.incident.events.count - 2 {
            state.selection[state.timelineTab] = state.incident.events.count - 1
        }
        clampScroll(&state)
        state.message = StatusMessage(text: RecordedMessage.text(event, state), kind: .success)
    }

    /// After the shown step was done, blocked or skipped, the selection moves to what comes
    /// next: another of the person's providers still open in the same step (the second bank),
    /// else the next open step by priority.
    static func whatNext(after event: Event, _ state: inout AppState) {
        guard event.kind == .move, let to = event.to, to == .done || to == .skipped || to == .blocked,
              !state.isTimeline, let step = state.selectedStep, step.id == event.step else { return }
        let rec = state.incident.record(step.id)
        let others = rec.mine.compactMap { entry -> (Provider, ProviderRecord)? in
            guard let id = entry.provider, id != event.provider, let p = step.provider(id), !entry.record.state.isSettled else { return nil }
            return (p, entry.record)
        }
        state.justRecorded = RecordedTarget(step: step.id, provider: event.provider)
        // One not yet tried before one that was blocked.
        if let next = others.first(where: { $0.1.state != .blocked }) ?? others.first {
            state.providerChoice[step.id] = next.0.id
            state.detailScroll = 0
            return
        }
        let tab = state.focus
        let order = state.rowsByPriority(tab)
        let steps = state.playbook.panes[tab].steps
        let current = order.firstIndex(of: state.selection[tab]) ?? -1
        // The next open one in order after this step, else the first still open before it.
        let after = order.dropFirst(current + 1) + order.prefix(max(0, current))
        guard let row = after.first(where: { state.isOpen(steps[$0]) }) else {
            state.justRecorded = nil
            return
        }
        state.selection[tab] = row
        state.detailScroll = 0
    }

    // MARK: - copy and QR code

    /// Copies the report's path right after an export, else the selected step's next contact.
    static func copy(_ state: inout AppState) -> [Effect] {
        let lang = state.language
        if let path = state.clipboard.reportPath {
            state.clipboard.reportPath = nil
            state.message = StatusMessage(text: Word.copied(path).text(in: lang), kind: .success)
            return [.copyToClipboard(path)]
        }
        guard let step = actionableStep(&state) else { return [] }
        guard let pick = ContactPick.next(in: state, after: state.clipboard.lastContact) else {
            state.message = StatusMessage(text: Word.nothingToCopy.text(in: lang) + " (\(step.title[lang]))", kind: .info)
            return []
        }
        return copy(pick, &state)
    }

    /// Copies `pick` and says what was copied.
    static func copy(_ pick: ContactPick, _ state: inout AppState) -> [Effect] {
        let lang = state.language
        state.clipboard.lastContact = pick
        state.message = StatusMessage(text: Word.copied(pick.summary(lang)).text(in: lang) + (pick.count > 1 ? Word.copyAgain.text(in: lang) : ""),
                                      kind: .success)
        return [.copyToClipboard(pick.text(lang))]
    }

    /// Asks for the QR code of the contact last copied on this step (else the first), or of
    /// the one after `after`.
    static func showQRCode(_ state: inout AppState, after: ContactPick?) -> [Effect] {
        guard let step = actionableStep(&state) else { return [] }
        var pick: ContactPick?
        if let after {
            pick = ContactPick.next(in: state, after: after)
        } else if let last = state.clipboard.lastContact, let current = ContactPick.next(in: state, after: nil),
                  last.step == current.step, last.provider == current.provider {
            pick = last
        } else {
            pick = ContactPick.next(in: state, after: nil)
        }
        guard let pick else {
            state.message = StatusMessage(text: state.words[.nothingToCopy] + " (\(step.title[state.language]))", kind: .info)
            return []
        }
        return [.makeQRCode(pick, uri: pick.uri(state.language))]
    }

    // MARK: - dialogs

    static func input(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .normal:
            return []
        case .confirmEarly(let early):
            state.mode = .normal
            if key == .char("y") || key == .char("Y") {
                return [.record(.move(early.step, to: early.target, provider: early.provider, happenedAt: state.happenedAt))]
            }
            let title = state.step(early.step)?.title[state.language] ?? early.step.rawValue
            state.message = StatusMessage(text: state.words[.notRecorded(step: title)], kind: .info)
            return []
        case .qrCode(_, let pick):
            state.mode = .normal
            if key == .char("Q") && pick.count > 1 { return showQRCode(&state, after: pick) }
            return []
        case .help(let scroll):
            switch HelpOverlay.key(key, scroll: scroll, maxScroll: HelpOverlay.maxScroll(GuideHelp.content(state))) {
            case .close: state.mode = .normal
            case .scroll(let to): state.mode = .help(scroll: to)
            case .redraw: return [.redraw]
            case .ignored: break
            }
            return []
        case .note(let step, var field):
            switch key {
            case .escape: state.mode = .normal
            case .enter:
                state.mode = .normal
                let text = field.text.trimmingWhitespace()
                let provider = state.noteProvider
                // Notes are added: an empty one is simply not added.
                if !text.isEmpty {
                    return [.record(.note(step, text, provider: provider, happenedAt: state.happenedAt))]
                }
            default:
                field.handle(key)
                state.mode = .note(step, field)
            }
            return []
        case .search(var field, let origin, let choices):
            switch key {
            case .escape:
                state.mode = .normal
                returnToSearchOrigin(origin, choices, &state)
                clampScroll(&state)
            case .enter:
                state.mode = .normal
                let query = field.text.trimmingWhitespace()
                let hits = Search.hits(query, in: state.playbook)
                if let i = currentHit(hits, state) {
                    state.lastSearch = query
                    state.searchJustClosed = true
                    state.message = StatusMessage(text: state.words[.matchAfter(i + 1, hits.count)], kind: .info)
                }
            case .down, .ctrl("n"), .tab:
                jumpToMatch(field.text, step: 1, &state)
            case .up, .ctrl("p"), .backTab:
                jumpToMatch(field.text, step: -1, &state)
            default:
                field.handle(key)
                searchChanged(field, origin: origin, choices: choices, &state)
            }
            return []
        case .details(var form):
            let count = DetailsForm.Field.allCases.count
            switch key {
            case .escape: state.mode = .normal
            case .tab, .down: form.focus = DetailsForm.Field(rawValue: (form.focus.rawValue + 1) % count)!; state.mode = .details(form)
            case .backTab, .up: form.focus = DetailsForm.Field(rawValue: (form.focus.rawValue + count - 1) % count)!; state.mode = .details(form)
            case .enter:
                var lostAt: Timestamp? = nil
                if let lostText = form.value(.lostAt) {
                    guard let t = TimeInput.parse(lostText, now: state.now) else {
                        form.error = state.words[.detailsBadTime]
                        state.mode = .details(form)
                        return []
                    }
                    guard !TimeInput.isInFuture(t, now: state.now) else {
                        form.error = state.words[.timeInFuture(TimeInput.display(t))]
                        state.mode = .details(form)
                        return []
                    }
                    lostAt = t
                }
                // A mistyped IMEI would send the police after another phone: its check digit
                // must hold. One kept from before (an older incident) is left as it was.
                var imei = form.value(.imei)
                if let text = imei, text != state.incident.device.imei {
                    if let problem = IMEI.problem(text, state.words) {
                        form.error = state.words.sentences(problem, state.words[.imeiWhere])
                        form.focus = .imei
                        state.mode = .details(form)
                        return []
                    }
                    imei = IMEI.normalized(text)
                }
                state.mode = .normal
                let device = DeviceDetails(model: form.value(.model), imei: imei, number: form.value(.number), owner: form.value(.owner),
                                           insurer: form.value(.insurer), policy: form.value(.policy))
                if lostAt != state.incident.lostAt || device != state.incident.device {
                    return [.record(.details(lostAt: lostAt, device: device))]
                }
            default:
                form[form.focus].handle(key)
                form.error = nil
                state.mode = .details(form)
            }
            return []
        case .happenedAt(var field):
            switch key {
            case .escape: state.mode = .normal
            case .enter:
                let text = field.text.trimmingWhitespace()
                guard !text.isEmpty else {
                    state.mode = .normal
                    state.happenedAt = nil
                    state.message = StatusMessage(text: state.words[.happenedNow], kind: .info)
                    return []
                }
                guard let t = TimeInput.parse(text, now: state.now) else {
                    state.message = StatusMessage(text: state.words[.detailsBadTime], kind: .error)
                    return []
                }
                if TimeInput.isInFuture(t, now: state.now) {
                    state.message = StatusMessage(text: state.words[.timeInFuture(TimeInput.display(t))], kind: .error)
                    return []
                }
                if let lost = state.incident.lostAt, t < lost {
                    state.message = StatusMessage(text: state.words[.timeBeforeLoss(TimeInput.display(t), lost: TimeInput.display(lost))], kind: .error)
                    return []
                }
                state.mode = .normal
                state.happenedAt = t
                state.message = StatusMessage(text: state.words[.nextHappenedAt(TimeInput.display(t))], kind: .info)
            default:
                field.handle(key)
                state.mode = .happenedAt(field)
            }
            return []
        }
    }

    /// Back where the search started: its selection and provider choices, and no message.
    static func returnToSearchOrigin(_ origin: Position, _ choices: [StepID: ProviderID], _ state: inout AppState) {
        state.focus = origin.tab
        state.selection[origin.tab] = origin.row
        state.providerChoice = choices
        state.message = nil
    }

    /// The search's text changed, typed or pasted: live, the first hit from where it started.
    static func searchChanged(_ field: TextInput, origin: Position, choices: [StepID: ProviderID], _ state: inout AppState) {
        state.mode = .search(field, origin: origin, choices: choices)
        returnToSearchOrigin(origin, choices, &state)
        jumpToMatch(field.text, step: 0, &state)
    }

    /// Pasted text goes into the open text field as text, or nowhere: it never runs as keys.
    static func paste(_ text: String, _ state: inout AppState) {
        switch state.mode {
        case .note(let step, var field):
            field.insert(pasted: text)
            state.mode = .note(step, field)
        case .search(var field, let origin, let choices):
            field.insert(pasted: text)
            searchChanged(field, origin: origin, choices: choices, &state)
        case .details(var form):
            form[form.focus].insert(pasted: text)
            form.error = nil
            state.mode = .details(form)
        case .happenedAt(var field):
            field.insert(pasted: text)
            state.mode = .happenedAt(field)
        case .normal, .help, .confirmEarly, .qrCode:
            // Never a confirmation either: a pasted `y` must not record an early erase.
            state.message = StatusMessage(text: state.words[.pasteIgnored], kind: .info)
        }
    }

    /// The hit the screen shows: the selected step with the provider shown.
    static func currentHit(_ hits: [SearchHit], _ state: AppState) -> Int? {
        let here = Position(tab: state.focus, row: state.selection[state.focus])
        let shown = state.selectedStep.flatMap { state.provider(for: $0)?.id }
        return hits.firstIndex { $0.position == here && ($0.provider == nil || $0.provider == shown) }
    }

    /// Moves the selection to a hit of `query`: the first at or after the selection (`step`
    /// 0), the next after the one shown (1), or the one before it (-1), wrapping around; the
    /// provider it found is shown. Says so when nothing matches.
    static func jumpToMatch(_ query: String, step: Int, _ state: inout AppState) {
        let hits = Search.hits(query, in: state.playbook)
        guard !query.trimmingWhitespace().isEmpty else { return }
        guard !hits.isEmpty else {
            state.message = StatusMessage(text: state.words[.noMatch], kind: .info)
            return
        }
        let here = Position(tab: state.focus, row: state.selection[state.focus])
        func key(_ p: Position) -> (Int, Int) { (p.tab, p.row) }
        let index: Int
        let current = currentHit(hits, state)
        switch step {
        case 0:
            index = hits.firstIndex { key($0.position) >= key(here) } ?? 0
        case let s where s > 0:
            if let current { index = (current + 1) % hits.count }
            else { index = hits.firstIndex { key($0.position) > key(here) } ?? 0 }
        default:
            if let current { index = (current - 1 + hits.count) % hits.count }
            else { index = hits.lastIndex { key($0.position) < key(here) } ?? hits.count - 1 }
        }
        let hit = hits[index]
        state.focus = hit.position.tab
        state.selection[hit.position.tab] = hit.position.row
        if let provider = hit.provider, let found = state.step(state.playbook.panes[hit.position.tab].steps[hit.position.row].id) {
            state.providerChoice[found.id] = provider
        }
        state.armed = nil
        state.detailScroll = 0
        let inField = if case .search = state.mode { true } else { false }
        state.message = StatusMessage(text: state.words[inField ? .matchOf(index + 1, hits.count) : .matchAfter(index + 1, hits.count)], kind: .info)
        clampScroll(&state)
    }
}
