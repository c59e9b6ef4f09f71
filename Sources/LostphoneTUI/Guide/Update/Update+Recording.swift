import LostphoneCore
import TerminalKit

// Recording: what may be asked of the journal, and what the screen does once it answered.
extension Update {
    /// The step an action applies to, or nil with a message saying why there is none.
    static func actionableStep(_ state: inout AppState) -> Step? {
        if state.isTimeline {
            state.message = StatusMessage(text: state.words[.pickAStepFirst], kind: .info)
            return nil
        }
        // The Due tab lists items, not steps: said, not silent (the user test found d doing nothing).
        if state.isDue {
            state.message = StatusMessage(text: state.words[.pickADueItemsStep], kind: .info)
            return nil
        }
        return state.selectedStep
    }

    /// Whether anything can be recorded; in a read-only view, says why not.
    static func writable(_ state: inout AppState) -> Bool {
        guard let directory = state.session.readOnlyDirectory else { return true }
        state.message = StatusMessage(text: state.words[.readOnlyRefusal(directory: directory)], kind: .error)
        return false
    }

    static func record(_ target: StepState, _ state: inout AppState) -> [Effect] {
        guard writable(&state), let step = actionableStep(&state),
              confirmedProvider(of: step, for: .record(target), &state) else { return [] }
        let provider = state.provider(for: step)
        // The rules in Core decide, as for `lostphone record`: a step recorded before the steps
        // it requires waits for `y` (the command line's `--anyway`).
        let command = IncidentCommand.move(step.id, to: target, provider: provider?.id, happenedAt: state.choices.happenedAt)
        switch state.recordingRules.event(for: command, in: state.incident, at: state.now) {
        case .success where target == .blocked:
            // Blocked asks when to try again first: the time is the event's own `due`.
            state.mode = .retryWhen(BlockedRecording(step: step.id, provider: provider?.id, happenedAt: state.choices.happenedAt),
                                    TextInput(limit: 40))
        case .success: return [.record(command)]
        case .failure(.requiresFirst(_, let unmet)):
            state.mode = .confirmEarly(EarlyRecording(step: step.id, target: target, provider: provider?.id, unmet: unmet))
        case .failure(let refusal):
            state.message = StatusMessage(text: refusal.text(state.words, playbook: state.playbook, surface: .screen), kind: .error)
        }
        return []
    }

    /// `X`, or Enter to "another bank of yours?": the person has none (or no other) of the
    /// step's providers, through the same rule as `lostphone record STEP none`.
    static func recordNoneOfMine(_ step: Step, _ state: inout AppState) -> [Effect] {
        let command = IncidentCommand.noneOfMine(step.id)
        switch state.recordingRules.event(for: command, in: state.incident, at: state.now) {
        case .success: return [.record(command)]
        case .failure(let refusal):
            state.message = StatusMessage(text: refusal.text(state.words, playbook: state.playbook, surface: .screen), kind: .error)
            return []
        }
    }

    /// Whether the provider shown for `step` may be acted on: one the person chose, or one they
    /// confirm by pressing the same key again (the first press says which provider it would be).
    static func confirmedProvider(of step: Step, for action: Action, _ state: inout AppState) -> Bool {
        guard let provider = state.provider(for: step), !state.isChosen(provider, in: step) else { return true }
        let armed = Armed(step: step.id, provider: provider.id, action: action)
        if state.choices.armed == armed {
            state.choices.armed = nil
            return true
        }
        state.choices.armed = armed
        let key = KeyBindings.all.first { $0.keys.contains { $0.action == action } }?.keys.first.map { KeyBindings.name($0.key) } ?? "?"
        state.message = StatusMessage(text: state.words[.confirmProvider(provider: provider.shortName(state.display.language), key: key)], kind: .info)
        return false
    }

    /// After a prevention tip's state changed in the incident (done, reopened, undone), the
    /// profile keeps it too: the checklist outlives the incident.
    static func tipToKeep(after event: Event, _ state: AppState) -> Effect? {
        state.recordingRules.tipToKeep(after: event, in: state.incident).map { .keepTip($0.step, doneAt: $0.doneAt) }
    }

    static func recorded(_ event: Event, _ state: inout AppState) {
        do {
            try state.applyRecorded(event)
        } catch {
            state.message = StatusMessage(text: state.words.label(.notSaved) + error.text(state.words, playbook: state.playbook, surface: .screen),
                                          kind: .error)
            return
        }
        // What this event settles: the time given with @ is used, a provider chosen counts for
        // its group, and a phone model names its brand.
        if event.happenedAt != nil { state.choices.happenedAt = nil }
        state.noteChoice(after: event)
        whatNext(after: event, &state)
        if state.nav.selection[state.timelineTab] >= state.incident.events.count - 2 {
            state.nav.selection[state.timelineTab] = state.incident.events.count - 1
        }
        clampScroll(&state)
        state.message = StatusMessage(text: RecordedMessage.text(event, state), kind: .success)
    }

    /// After the shown step was done, blocked or skipped, the selection moves to what comes
    /// next: another of the person's providers still open in the same step (the second bank),
    /// else, in a grouped step where they have not said it was their last, the question
    /// "another bank of yours?" (the selection stays), else the next open step by priority.
    /// "None of mine" (or "no more") moves on too.
    static func whatNext(after event: Event, _ state: inout AppState) {
        let settles = event.kind == .move && [.done, .skipped, .blocked].contains(event.to) || event.kind == .noneOfMine
        guard settles, !state.isTimeline, let step = state.selectedStep, step.id == event.step else { return }
        let rec = state.incident.record(step.id)
        let others = rec.mine.compactMap { entry -> (Provider, ProviderRecord)? in
            guard let id = entry.provider, id != event.provider, let p = step.provider(id), !entry.record.state.isSettled else { return nil }
            return (p, entry.record)
        }
        if event.kind == .move {
            // One not yet tried before one that was blocked.
            if let next = others.first(where: { $0.1.state != .blocked }) ?? others.first {
                state.choices.justRecorded = RecordedTarget(step: step.id, provider: event.provider)
                state.choices.providerChoice[step.id] = next.0.id
                state.nav.detailScroll = 0
                return
            }
            if let question = anotherQuestion(after: event, step, rec) {
                state.mode = .another(question)
                return
            }
            state.choices.justRecorded = RecordedTarget(step: step.id, provider: event.provider)
        } else {
            // "No more": a note right after still goes to the provider just done.
            state.choices.justRecorded = RecordedTarget(step: step.id, provider: rec.saidNoOther ? rec.lastProvider : nil)
        }
        let tab = state.nav.focus
        let order = state.rowsByPriority(tab)
        let steps = state.playbook.panes[tab].steps
        let current = order.firstIndex(of: state.nav.selection[tab]) ?? -1
        // The next open one in order after this step, else the first still open before it.
        let after = order.dropFirst(current + 1) + order.prefix(max(0, current))
        guard let row = after.first(where: { state.isOpen(steps[$0]) }) else {
            state.choices.justRecorded = nil
            return
        }
        state.nav.selection[tab] = row
        state.nav.detailScroll = 0
    }

    /// "Another bank of yours?" after `event` (done or blocked) in a grouped step, when the
    /// person has not said it was their last and some provider is not theirs yet; nil when
    /// nothing is to be asked. A phone's brand is never asked: one phone was lost.
    static func anotherQuestion(after event: Event, _ step: Step, _ rec: StepRecord) -> AnotherQuestion? {
        guard let to = event.to, to == .done || to == .blocked, event.prepared != true, let provider = event.provider,
              let group = step.group, group != BrandMatch.group, !rec.noneOfMine,
              step.providers.contains(where: { !rec.provider($0.id).mine }) else { return nil }
        return AnotherQuestion(step: step.id, provider: provider, state: to, group: group)
    }
}
