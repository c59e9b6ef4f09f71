import LostphoneCore
import TerminalKit

/// Everything the screen shows. Changed only by `update`.
public struct AppState: Sendable {
    public var playbook: Playbook
    public private(set) var incident: Incident
    /// The screen's size, colours and language.
    public var display: Display
    /// The focused tab, the selected and first shown rows, the details pane.
    public var nav: Navigation
    /// The providers chosen and what the next key acts on.
    public var choices = Choices()
    /// The last search, for `N` and `n`.
    public var search = SearchMemory()
    /// What this session learnt about the disk.
    public var session = SessionFacts()
    public var mode: Mode = .normal
    public var message: StatusMessage?
    public var now: Timestamp
    public var shouldQuit = false
    /// What `y` copies next.
    public var clipboard = ClipboardCursor()
    public private(set) var progress: [PaneProgress]
    /// Where each step lives, for search and for keeping progress current.
    let stepIndex: [StepID: Position]

    public init(playbook: Playbook, incident: Incident, language: Language, theme: Theme, themeName: String = "",
                width: Int, height: Int, now: Timestamp, memory: ScreenMemory? = nil) {
        self.playbook = playbook
        self.incident = incident
        display = Display(width: width, height: height, theme: theme, themeName: themeName, language: language)
        self.now = now
        nav = Navigation(tabs: playbook.panes.count + 2)
        var index: [StepID: Position] = [:]
        for (p, pane) in playbook.panes.enumerated() {
            for (r, step) in pane.steps.enumerated() { index[step.id] = Position(tab: p, row: r) }
        }
        stepIndex = index
        progress = []
        recomputeProgress()
        nav.selection[playbook.panes.count] = max(0, incident.events.count - 1)
        // The screen opens on what to do now: the most urgent open step.
        for tab in playbook.panes.indices {
            guard let row = nowRow(tab) else { continue }
            nav.focus = tab
            nav.selection[tab] = row
            break
        }
        // A restart shows what was left: choices from the journal, the rest from the memory.
        restore(memory)
        Update.clampScroll(&self)
    }

    /// Rows of an action pane in the order they are to be done: by priority, then as listed.
    func rowsByPriority(_ tab: Int) -> [Int] {
        tab < playbook.panes.count ? WhatNow.rowsByPriority(playbook.panes[tab]) : []
    }

    /// Whether a step still needs doing (not done, not skipped).
    func isOpen(_ step: Step) -> Bool { !incident.record(step.id).state.isSettled }

    /// The row of the step to do now in an action pane: the first open one by priority.
    public func nowRow(_ tab: Int) -> Int? {
        tab < playbook.panes.count ? WhatNow.row(in: playbook.panes[tab], incident) : nil
    }

    /// Urgent freezes (the first pane) not yet done or skipped.
    public var urgentLeft: Int? {
        guard let pane = playbook.panes.first, pane.kind == .actions, let p = progress.first else { return nil }
        return p.total - p.settled
    }

    /// The program's words in the screen's language.
    public var words: Words { Words(display.language) }

    /// The recording rules (in Core, as `lostphone record` obeys them), finding steps through
    /// the screen's index.
    var recordingRules: RecordingRules {
        RecordingRules(playbook: playbook) { [stepIndex, playbook] id in
            stepIndex[id].map { (playbook.panes[$0.tab].steps[$0.row], playbook.panes[$0.tab].kind) }
        }
    }
    /// The tabs shown: the panes, the timeline, and the Due tab while something is due soon or
    /// overdue (what the header counts) or while it is focused, so the first hour's tabs keep
    /// their width when all that is due is months away (a carrier's suspension limit).
    public var tabCount: Int { playbook.panes.count + (showsDueTab ? 2 : 1) }
    public var timelineTab: Int { playbook.panes.count }
    public var isTimeline: Bool { nav.focus == timelineTab }
    /// The Due tab, after the timeline: what is due after the first hour (`lostphone due`).
    public var dueTab: Int { playbook.panes.count + 1 }
    public var isDue: Bool { nav.focus == dueTab }
    public var showsDueTab: Bool { isDue || dueNeedsAttention }

    /// Whether anything is due soon or overdue: the header's count, the Due tab and `D`'s hint.
    public var dueNeedsAttention: Bool {
        let c = FollowUps.counts(FollowUps.list(incident, playbook: playbook), now: now)
        return c.overdue + c.dueSoon > 0
    }

    /// What is due, as `lostphone due` lists it (the same Core list, in the same order).
    public var dueList: DueList { DueList(incident: incident, playbook: playbook, language: display.language, now: now) }

    /// Follow-ups still open: the Due tab's count.
    public var dueOpenCount: Int { FollowUps.list(incident, playbook: playbook).filter { $0.closedAt == nil }.count }

    /// Rows in a tab's list.
    public func rowCount(_ tab: Int) -> Int {
        if tab < playbook.panes.count { return playbook.panes[tab].steps.count }
        return tab == timelineTab ? incident.events.count : FollowUps.list(incident, playbook: playbook).count
    }

    /// The step under the selection, in a pane or (the event's step) in the timeline.
    public var selectedStep: Step? {
        if nav.focus < playbook.panes.count {
            let steps = playbook.panes[nav.focus].steps
            return steps.indices.contains(nav.row) ? steps[nav.row] : nil
        }
        let events = incident.events
        // The Due tab lists follow-ups, not steps: nothing there is recorded by a key.
        guard isTimeline, events.indices.contains(nav.row), let id = events[nav.row].step else { return nil }
        return step(id)
    }

    /// A step by id, through the index: the screen never searches the whole playbook.
    public func step(_ id: StepID) -> Step? {
        guard let pos = stepIndex[id] else { return nil }
        return playbook.panes[pos.tab].steps[pos.row]
    }

    /// The provider shown for a step: the one picked with ←/→, else the last one acted on that
    /// is still the person's, else the first of theirs, else the one chosen in the same group
    /// elsewhere, else the first (shown, but not chosen).
    public func provider(for step: Step) -> Provider? {
        if let p = step.provider(choices.providerChoice[step.id]) { return p }
        let rec = incident.record(step.id)
        if let last = rec.lastProvider, let p = step.provider(last), rec.provider(last).mine { return p }
        if let p = rec.mine.lazy.compactMap({ step.provider($0.provider) }).first { return p }
        if let group = step.group, let p = step.provider(choices.groupChoice[group]) { return p }
        return step.providers.first
    }

    /// The step's providers in the order ←/→ shows them: where the person's profile named
    /// theirs, their own first (and any they acted on or marked since), then the rest, each part
    /// in the guide's order. Elsewhere the guide's order, which stays put while they work.
    public func providerOrder(_ step: Step) -> [Provider] {
        let rec = incident.record(step.id)
        guard rec.prepared else { return step.providers }
        let mine = step.providers.filter { rec.provider($0.id).mine }
        return mine + step.providers.filter { !rec.provider($0.id).mine }
    }

    /// Whether the person chose `provider` for `step` (picked it, acted on it, marked it, or
    /// chose it in another step of its group), or it is the step's only one.
    public func isChosen(_ provider: Provider, in step: Step) -> Bool {
        step.providers.count == 1 || choices.providerChoice[step.id] == provider.id
            || incident.record(step.id).provider(provider.id).mine
            || step.group.map { choices.groupChoice[$0] == provider.id } == true
    }

    /// Applies a durably appended event in place (no copy of a long journal per action) and
    /// refreshes the progress of the changed step's pane only, so a recorded action costs the
    /// same with ten steps or ten thousand.
    mutating func applyRecorded(_ event: Event) throws(IncidentError) {
        let before = event.step.map { incident.record($0).state.isSettled ? 1 : 0 } ?? 0
        try incident.apply(event)
        guard let step = event.step, let pos = stepIndex[step] else { return }
        let after = incident.record(step).state.isSettled ? 1 : 0
        progress[pos.tab].settled += after - before
    }

    private mutating func recomputeProgress() {
        progress = playbook.panes.map { pane in
            PaneProgress(settled: pane.steps.reduce(0) { $0 + (incident.record($1.id).state.isSettled ? 1 : 0) },
                         total: pane.steps.count)
        }
    }
}

extension AppState {
    /// The note being typed, its field open and the text not yet added. Leaving by a signal
    /// (Ctrl-C, a closed terminal) closes the screen without adding it; the farewell gives it
    /// back with the command that adds it, so what was typed is not lost unseen.
    public var unsentNote: (step: StepID, provider: ProviderID?, text: String)? {
        guard case .note(let step, let field) = mode else { return nil }
        let text = field.text.trimmingWhitespace()
        return text.isEmpty ? nil : (step, choices.noteProvider, text)
    }
}
