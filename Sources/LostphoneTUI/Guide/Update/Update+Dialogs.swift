import LostphoneCore
import TerminalKit

// Dialogs: the keys and pastes of whatever has the focus (help, note, details, times, confirmations).
extension Update {
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
            let (next, redraw) = GuideHelp.page(state).after(key, scroll: scroll)
            state.mode = next.map { .help(scroll: $0) } ?? .normal
            return redraw ? [.redraw] : []
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
                    if let problem = RecordingRules.lostAtProblem(t, now: state.now, in: state.incident) {
                        form.error = problem.text(state.words, playbook: state.playbook, surface: .screen)
                        state.mode = .details(form)
                        return []
                    }
                    lostAt = t
                }
                // Every text through the one field validator (`DeviceField.accept`), as
                // `prepare` and `lostphone details` check it. An IMEI kept from before (an
                // older incident) is left as it was.
                var device = DeviceDetails()
                let fields: [(DetailsForm.Field, DeviceField)] = [(.owner, .owner), (.number, .number), (.model, .model),
                                                                 (.imei, .imei), (.insurer, .insurer), (.policy, .policy)]
                for (formField, field) in fields {
                    guard let text = form.value(formField) else { continue }
                    if field == .imei && text == state.incident.device.imei { device.imei = text; continue }
                    switch field.accept(text) {
                    case .success(let kept): field.set(kept, in: &device)
                    case .failure(let problem):
                        form.error = problem.text(state.words)
                        form.focus = formField
                        state.mode = .details(form)
                        return []
                    }
                }
                state.mode = .normal
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
                if let problem = RecordingRules.happenedAtProblem(t, now: state.now, in: state.incident) {
                    state.message = StatusMessage(text: problem.text(state.words, playbook: state.playbook, surface: .screen), kind: .error)
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
}
