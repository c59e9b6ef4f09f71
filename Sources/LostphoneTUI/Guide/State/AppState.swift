import LostphoneCore
import TerminalKit

/// What has the keyboard: the lists, or a dialog on top of them.
public enum Mode: Hashable, Sendable {
    case normal
    case help(scroll: Int)
    case note(StepID, TextInput)
    /// Search as you type; `origin` is where the selection was and `choices` the providers
    /// picked then, both restored on Esc.
    case search(TextInput, origin: Position, choices: [StepID: ProviderID])
    case details(DetailsForm)
    /// `@`: when the next recorded action happened.
    case happenedAt(TextInput)
    /// Recording a step before the steps it requires: waits for `y`.
    case confirmEarly(EarlyRecording)
    /// A contact as a QR code, until any key.
    case qrCode(QRCode, ContactPick)
    /// `b`: when to try again, asked before the blocked state is recorded (Enter: no time).
    case retryWhen(BlockedRecording, TextInput)
    /// After a provider of a grouped step was done or blocked and no other of the person's is
    /// open: "another bank of yours?" on the bottom line. Arrows pick one, `m` marks it,
    /// Enter records "no more", any other key goes on as usual.
    case another(AnotherQuestion)
}

/// A blocked state waiting for its retry time: the provider and happened-at time it was asked for.
public struct BlockedRecording: Hashable, Sendable {
    public var step: StepID
    public var provider: ProviderID?
    public var happenedAt: Timestamp?
}

/// "Another bank of yours?": the step, and the provider whose state was just recorded.
public struct AnotherQuestion: Hashable, Sendable {
    public var step: StepID
    public var provider: ProviderID
    public var state: StepState
    public var group: String
}

/// A recording held back because the step requires others that are still open (erase before
/// the police report): `y` records it as it was asked, any other key drops it.
public struct EarlyRecording: Hashable, Sendable {
    public var step: StepID
    public var target: StepState
    public var provider: ProviderID?
    /// The required steps not yet done or skipped, in the order the step lists them.
    public var unmet: [StepID]
}

/// A place in the lists: a tab and a row.
public struct Position: Hashable, Sendable {
    public var tab: Int
    public var row: Int
}

/// The form of `i`: when the phone was lost, whose it is, its number, model and IMEI.
public struct DetailsForm: Hashable, Sendable {
    /// The fields in the order shown.
    public enum Field: Int, CaseIterable, Sendable { case lostAt, owner, number, model, imei, insurer, policy }
    public var fields: [TextInput]
    public var focus: Field = .lostAt
    public var error: String?

    public init(lostAt: String = "", owner: String = "", number: String = "", model: String = "", imei: String = "",
                insurer: String = "", policy: String = "") {
        // What the incident holds is shown selected: typing replaces it, arrows edit it.
        fields = [TextInput(lostAt, limit: 40, selected: true), TextInput(owner, limit: 80, selected: true),
                  TextInput(number, limit: 40, selected: true), TextInput(model, limit: 80, selected: true),
                  TextInput(imei, limit: 40, selected: true), TextInput(insurer, limit: 80, selected: true),
                  TextInput(policy, limit: 80, selected: true)]
    }

    public subscript(_ field: Field) -> TextInput {
        get { fields[field.rawValue] }
        set { fields[field.rawValue] = newValue }
    }

    /// A field's text without surrounding spaces, nil when empty.
    public func value(_ field: Field) -> String? {
        let t = self[field].text.trimmingWhitespace()
        return t.isEmpty ? nil : t
    }
}

/// A recording key pressed for a provider the person has not chosen: pressed again, it records.
public struct Armed: Hashable, Sendable {
    public var step: StepID
    public var provider: ProviderID
    public var action: Action
}

/// A step and provider an action was just recorded for: a note right after goes to it, though
/// the selection has moved on.
public struct RecordedTarget: Hashable, Sendable {
    public var step: StepID
    public var provider: ProviderID?
}

/// A line of feedback in the status bar.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind
    public init(text: String, kind: Kind) { self.text = text; self.kind = kind }
}

/// How many steps of a pane are settled (done or skipped), kept up to date as events arrive so
/// drawing a frame never walks every step.
public struct PaneProgress: Hashable, Sendable {
    public var settled: Int
    public var total: Int
}

/// Everything the screen shows. Changed only by `update`.
public struct AppState: Sendable {
    public var playbook: Playbook
    public private(set) var incident: Incident
    public var language: Language
    public var theme: Theme
    /// The name `theme` was loaded by, so `t` knows which comes next.
    public var themeName: String
    public var width: Int
    public var height: Int
    /// The focused tab: the playbook's panes, then the timeline, then what is due.
    public var focus: Int = 0
    public var selection: [Int]
    public var scroll: [Int]
    public var detailOpen = true
    public var detailScroll = 0
    /// The provider the person picked per step with ←/→ (or search, or the screen after a done
    /// moved on to their next one); kept in the screen's memory across restarts.
    public var providerChoice: [StepID: ProviderID] = [:]
    /// The provider last chosen or acted on per group (carrier, bank, brand): preselected in
    /// every step of that group. Rebuilt from the journal at start (`restore`).
    public var groupChoice: [String: ProviderID] = [:]
    /// A recording key waiting for its second press (the provider shown was not chosen).
    public var armed: Armed?
    /// The last search that found something: `N` goes back through its hits.
    public var lastSearch: String?
    /// Right after the search field closed on a hit: `n` and Enter go to the next one. Any
    /// other key ends it, and `n` adds a note again.
    public var searchJustClosed = false
    /// What was just recorded, while the selection moved on; the next key other than `n` forgets it.
    public var justRecorded: RecordedTarget?
    /// The provider the open note is for.
    public var noteProvider: ProviderID?
    /// When the next recorded action happened, given with `@`; nil: now.
    public var happenedAt: Timestamp?
    public var mode: Mode = .normal
    public var message: StatusMessage?
    public var now: Timestamp
    public var shouldQuit = false
    /// The state directory that cannot be written, or nil: the screen is then a read-only view
    /// of the guide and of what was recorded before.
    public var readOnlyDirectory: String?
    /// How many actions the disk refused this session; quitting says so rather than claiming
    /// everything was saved.
    public var unsavedActions = 0
    /// What `y` copies next.
    public var clipboard = ClipboardCursor()
    public private(set) var progress: [PaneProgress]
    /// Where each step lives, for search and for keeping progress current.
    let stepIndex: [StepID: Position]

    public init(playbook: Playbook, incident: Incident, language: Language, theme: Theme, themeName: String = "",
                width: Int, height: Int, now: Timestamp, memory: ScreenMemory? = nil) {
        self.playbook = playbook
        self.incident = incident
        self.language = language
        self.theme = theme
        self.themeName = themeName
        self.width = width
        self.height = height
        self.now = now
        let tabs = playbook.panes.count + 2
        selection = Array(repeating: 0, count: tabs)
        scroll = Array(repeating: 0, count: tabs)
        var index: [StepID: Position] = [:]
        for (p, pane) in playbook.panes.enumerated() {
            for (r, step) in pane.steps.enumerated() { index[step.id] = Position(tab: p, row: r) }
        }
        stepIndex = index
        progress = []
        recomputeProgress()
        selection[playbook.panes.count] = max(0, incident.events.count - 1)
        // The screen opens on what to do now: the most urgent open step.
        for tab in playbook.panes.indices {
            guard let row = nowRow(tab) else { continue }
            focus = tab
            selection[tab] = row
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
    public var words: Words { Words(language) }

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
    public var isTimeline: Bool { focus == timelineTab }
    /// The Due tab, after the timeline: what is due after the first hour (`lostphone due`).
    public var dueTab: Int { playbook.panes.count + 1 }
    public var isDue: Bool { focus == dueTab }
    public var showsDueTab: Bool { isDue || dueNeedsAttention }

    /// Whether anything is due soon or overdue: the header's count, the Due tab and `D`'s hint.
    public var dueNeedsAttention: Bool {
        let c = FollowUps.counts(FollowUps.list(incident, playbook: playbook), now: now)
        return c.overdue + c.dueSoon > 0
    }

    /// What is due, as `lostphone due` lists it (the same Core list, in the same order).
    public var dueList: DueList { DueList(incident: incident, playbook: playbook, language: language, now: now) }

    /// Follow-ups still open: the Due tab's count.
    public var dueOpenCount: Int { FollowUps.list(incident, playbook: playbook).filter { $0.closedAt == nil }.count }

    /// Rows in a tab's list.
    public func rowCount(_ tab: Int) -> Int {
        if tab < playbook.panes.count { return playbook.panes[tab].steps.count }
        return tab == timelineTab ? incident.events.count : FollowUps.list(incident, playbook: playbook).count
    }

    /// The step under the selection, in a pane or (the event's step) in the timeline.
    public var selectedStep: Step? {
        if focus < playbook.panes.count {
            let steps = playbook.panes[focus].steps
            return steps.indices.contains(selection[focus]) ? steps[selection[focus]] : nil
        }
        let events = incident.events
        // The Due tab lists follow-ups, not steps: nothing there is recorded by a key.
        guard isTimeline, events.indices.contains(selection[focus]), let id = events[selection[focus]].step else { return nil }
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
        if let p = step.provider(providerChoice[step.id]) { return p }
        let rec = incident.record(step.id)
        if let last = rec.lastProvider, let p = step.provider(last), rec.provider(last).mine { return p }
        if let p = rec.mine.lazy.compactMap({ step.provider($0.provider) }).first { return p }
        if let group = step.group, let p = step.provider(groupChoice[group]) { return p }
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
        step.providers.count == 1 || providerChoice[step.id] == provider.id
            || incident.record(step.id).provider(provider.id).mine
            || step.group.map { groupChoice[$0] == provider.id } == true
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
