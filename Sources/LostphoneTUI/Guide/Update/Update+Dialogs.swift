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
                return [.record(.move(early.step, to: early.target, provider: early.provider, happenedAt: state.choices.happenedAt))]
            }
            let title = state.step(early.step)?.title[state.display.language] ?? early.step.rawValue
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
            case .escape:
                state.mode = .normal
                state.message = nil
            case .enter:
                let text = field.text.trimmingWhitespace()
                // Notes are added: an empty one is simply not added.
                guard !text.isEmpty else {
                    state.mode = .normal
                    return []
                }
                // Checked by the rules before the field closes: a refused note stays to be
                // corrected, with the reason beside it, rather than being lost.
                return recordFromField(.note(step, text, provider: state.choices.noteProvider, happenedAt: state.choices.happenedAt),
                                       &state)
            default:
                field.handle(key)
                state.message = nil
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
                let query = field.text.trimmingWhitespace()
                let hits = Search.hits(query, in: state.playbook)
                // Nothing found: the field stays open, saying so, to be changed (or Esc).
                if !query.isEmpty && hits.isEmpty {
                    state.message = StatusMessage(text: state.words[.prompt(.noMatchKeepTyping)], kind: .error)
                    return []
                }
                state.mode = .normal
                if let i = currentHit(hits, state) {
                    state.search.last = query
                    state.search.justClosed = true
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
            let all = DetailsForm.Field.all
            switch key {
            case .escape: state.mode = .normal
            case .tab, .down: form.focus = all[(form.focus.index + 1) % all.count]; state.mode = .details(form)
            case .backTab, .up: form.focus = all[(form.focus.index + all.count - 1) % all.count]; state.mode = .details(form)
            case .enter:
                var lostAt: Timestamp? = nil
                if let lostText = form.value(.lostAt) {
                    guard let t = TimeInput.parse(lostText, now: state.now) else {
                        form.error = state.words[.prompt(.badTime(Sanitize.brief(lostText, limit: 40)))]
                        form.focus = .lostAt
                        state.mode = .details(form)
                        return []
                    }
                    if let problem = state.recordingRules.lostAtProblem(t, now: state.now, in: state.incident) {
                        form.error = problem.text(state.words, playbook: state.playbook, surface: .screen)
                        form.focus = .lostAt
                        state.mode = .details(form)
                        return []
                    }
                    lostAt = t
                }
                // Every text through the one field validator (`DeviceField.accept`), as
                // `prepare` and `lostphone details` check it. An IMEI kept from before (an
                // older incident) is left as it was.
                var device = DeviceDetails()
                for field in DeviceField.incidentFields {
                    guard let text = form.value(.device(field)) else { continue }
                    if field == .imei && text == state.incident.device.imei { device.imei = text; continue }
                    switch field.accept(text) {
                    case .success(let kept): field.set(kept, in: &device)
                    case .failure(let problem):
                        form.error = problem.text(state.words)
                        form.focus = .device(field)
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
                    state.choices.happenedAt = nil
                    state.message = StatusMessage(text: state.words[.happenedNow], kind: .info)
                    return []
                }
                // A time refused keeps the field open, the reason beside it (`StatusBarView`).
                guard let t = TimeInput.parse(text, now: state.now) else {
                    state.message = StatusMessage(text: state.words[.prompt(.badTime(Sanitize.brief(text, limit: 40)))], kind: .error)
                    return []
                }
                if let problem = RecordingRules.happenedAtProblem(t, now: state.now, in: state.incident) {
                    state.message = StatusMessage(text: problem.text(state.words, playbook: state.playbook, surface: .screen), kind: .error)
                    return []
                }
                state.mode = .normal
                state.choices.happenedAt = t
                state.message = StatusMessage(text: state.words[.nextHappenedAt(TimeInput.display(t))], kind: .info)
            default:
                field.handle(key)
                state.message = nil
                state.mode = .happenedAt(field)
            }
            return []
        case .retryWhen(let blocked, var field):
            return retryWhen(key, blocked, &field, &state)
        case .another(let question):
            return another(key, question, &state)
        }
    }

    /// `b`'s question, "retry when?": Enter with nothing records blocked without a time; a time
    /// (read as `lostphone record … --retry` reads it) becomes the event's `due`; one that cannot
    /// be read, or has passed, keeps the field open with the reason beside it. Esc records nothing.
    static func retryWhen(_ key: Key, _ blocked: BlockedRecording, _ field: inout TextInput, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape:
            state.mode = .normal
            state.message = StatusMessage(text: state.words[.prompt(.blockedNotRecorded)], kind: .info)
        case .enter:
            let text = field.text.trimmingWhitespace()
            var retry: Timestamp? = nil
            if !text.isEmpty {
                guard let t = DueInput.parse(text, now: state.now) else {
                    state.message = StatusMessage(text: state.words[.prompt(.badRetry(Sanitize.brief(text, limit: 40)))], kind: .error)
                    return []
                }
                retry = t
            }
            return recordFromField(.move(blocked.step, to: .blocked, provider: blocked.provider,
                                         happenedAt: blocked.happenedAt, retry: retry), &state)
        default:
            field.handle(key)
            state.message = nil
            state.mode = .retryWhen(blocked, field)
        }
        return []
    }

    /// Records `command` typed into a field (a note, a retry time): checked by the recording
    /// rules first, so a refused one keeps the field open with the reason beside it; accepted,
    /// the field closes and the command goes to be recorded.
    static func recordFromField(_ command: IncidentCommand, _ state: inout AppState) -> [Effect] {
        if case .failure(let refusal) = state.recordingRules.event(for: command, in: state.incident, at: state.now) {
            state.message = StatusMessage(text: refusal.text(state.words, playbook: state.playbook, surface: .screen), kind: .error)
            return []
        }
        state.mode = .normal
        state.message = nil
        return [.record(command)]
    }

    /// "Another bank of yours?": ←/→ pick one and `m` marks it (the question stays while
    /// picking), Enter answers "no more" (recorded), Esc leaves it unanswered, and any other key
    /// does what it does in the list.
    static func another(_ key: Key, _ question: AnotherQuestion, _ state: inout AppState) -> [Effect] {
        guard !state.isTimeline, let step = state.selectedStep, step.id == question.step else {
            state.mode = .normal
            return handle(key, in: &state)
        }
        switch key {
        case .left, .char("h"), .char("["):
            state.message = nil
            cycleProvider(&state, by: -1)
        case .right, .char("l"), .char("]"):
            state.message = nil
            cycleProvider(&state, by: 1)
        case .char("m"):
            if let shown = state.provider(for: step), state.incident.record(step.id).provider(shown.id).mine {
                // `m` here only ever adds: the provider just recorded stays the person's.
                let w = state.words
                state.message = StatusMessage(text: shown.shortName(state.display.language) + w.colon + w[.mine] + " · " + w[.prompt(.pickAnother)],
                                              kind: .info)
                return []
            }
            state.mode = .normal
            return apply(.toggleMine, to: &state)
        case .enter:
            state.mode = .normal
            return recordNoneOfMine(step, &state)
        case .escape:
            state.mode = .normal
        default:
            state.mode = .normal
            return handle(key, in: &state)
        }
        return []
    }

    /// Pasted text goes into the open text field as text, or nowhere: it never runs as keys.
    static func paste(_ text: String, _ state: inout AppState) {
        switch state.mode {
        case .note(let step, var field):
            let cut = field.insert(pasted: text)
            state.message = cut ? StatusMessage(text: state.words[.pasteCut(limit: field.limit)], kind: .error) : nil
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
            state.message = nil
            state.mode = .happenedAt(field)
        case .retryWhen(let blocked, var field):
            field.insert(pasted: text)
            state.message = nil
            state.mode = .retryWhen(blocked, field)
        case .normal, .help, .confirmEarly, .qrCode, .another:
            // Never a confirmation either: a pasted `y` must not record an early erase.
            state.message = StatusMessage(text: state.words[.pasteIgnored], kind: .info)
        }
    }
}
