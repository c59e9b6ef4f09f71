import LostphoneCore

// A restart changes nothing the person sees: the choices made by acting are rebuilt from the
// journal, in event order, exactly as they were made; what the journal cannot hold (the pane
// and step selected, a provider picked with ←/→ and not acted on) comes from the screen's
// memory in the preferences, where it still names what the playbook has.
extension AppState {
    /// What an event settles about choices: a provider acted on (or marked mine) counts for
    /// its group, and a phone model names its brand. The live screen and the rebuild at start
    /// both go through here, so they cannot disagree.
    mutating func noteChoice(after event: Event) {
        if let id = event.provider, let step = event.step.flatMap(step), let group = step.group,
           event.kind != .mine || event.mine == true {
            choices.groupChoice[group] = id
        }
        if event.kind == .details, let model = event.deviceModel, let brand = BrandMatch.provider(in: model, playbook) {
            choices.groupChoice[BrandMatch.group] = brand
        }
    }

    /// Rebuilds the choices from the journal and restores the screen's memory over them. Events
    /// recorded after the memory was kept (by the command line) are newer than it: they are
    /// replayed after it and drop a ←/→ pick of their step, so the journal's truth wins.
    mutating func restore(_ memory: ScreenMemory?) {
        let events = incident.events
        let kept = memory.flatMap { $0.seq <= (events.last?.seq ?? 0) ? $0 : nil }
        let cut = kept?.seq ?? Int.max
        for e in events where e.seq <= cut { noteChoice(after: e) }
        guard let memory = kept else { return }
        for (s, p) in memory.providers {
            let id = StepID(s)
            if let step = step(id), step.provider(ProviderID(p)) != nil { choices.providerChoice[id] = ProviderID(p) }
        }
        if !memory.groups.isEmpty {
            var inGroups: Set<String> = []
            for step in playbook.allSteps { if let g = step.group { for p in step.providers { inGroups.insert(g + "\u{0}" + p.id.rawValue) } } }
            for (g, p) in memory.groups where inGroups.contains(g + "\u{0}" + p) { choices.groupChoice[g] = ProviderID(p) }
        }
        for e in events where e.seq > cut {
            noteChoice(after: e)
            if let s = e.step { choices.providerChoice[s] = nil }
        }
        for (p, pane) in playbook.panes.enumerated() {
            if let s = memory.selected[pane.id.rawValue], let pos = stepIndex[StepID(s)], pos.tab == p { nav.selection[p] = pos.row }
            if let top = memory.top[pane.id.rawValue] { nav.scroll[p] = max(0, top) }
        }
        // On the last event, it stays on the last, as it follows new events while open.
        if let seq = memory.timelineEvent, seq != memory.seq, let i = events.firstIndex(where: { $0.seq == seq }) {
            nav.selection[timelineTab] = i
        }
        if let top = memory.top[ScreenMemory.timelinePane] { nav.scroll[timelineTab] = max(0, top) }
        if memory.pane == ScreenMemory.timelinePane {
            nav.focus = timelineTab
        } else if let p = playbook.panes.firstIndex(where: { $0.id.rawValue == memory.pane }) {
            nav.focus = p
        }
        nav.detailOpen = memory.detailOpen
        nav.detailScroll = max(0, memory.detailScroll)
    }

    /// What to keep of this screen for the next start.
    public var memory: ScreenMemory {
        var selected: [String: String] = [:], top: [String: Int] = [:]
        for (p, pane) in playbook.panes.enumerated() {
            if pane.steps.indices.contains(nav.selection[p]) { selected[pane.id.rawValue] = pane.steps[nav.selection[p]].id.rawValue }
            top[pane.id.rawValue] = nav.scroll[p]
        }
        top[ScreenMemory.timelinePane] = nav.scroll[timelineTab]
        let events = incident.events
        return ScreenMemory(
            incident: incident.id, opened: incident.startedAt.text, seq: events.last?.seq ?? 0,
            pane: nav.focus < playbook.panes.count ? playbook.panes[nav.focus].id.rawValue : ScreenMemory.timelinePane,
            selected: selected, top: top,
            timelineEvent: events.indices.contains(nav.selection[timelineTab]) ? events[nav.selection[timelineTab]].seq : nil,
            detailOpen: nav.detailOpen, detailScroll: nav.detailScroll,
            providers: Dictionary(uniqueKeysWithValues: choices.providerChoice.map { ($0.key.rawValue, $0.value.rawValue) }),
            groups: choices.groupChoice.mapValues(\.rawValue))
    }
}
