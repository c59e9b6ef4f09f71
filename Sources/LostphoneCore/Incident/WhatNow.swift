/// What to do now, and with whom: the one answer behind the screen's "← now" marker, the
/// screen's first selection and `lostphone next`, so they cannot disagree.
public enum WhatNow {
    /// Rows of an action pane in the order they are to be done: by priority, then as listed.
    /// Empty for a pane of tips.
    public static func rowsByPriority(_ pane: Pane) -> [Int] {
        guard pane.kind == .actions else { return [] }
        let steps = pane.steps
        return steps.indices.sorted { (steps[$0].priority ?? Int.max, $0) < (steps[$1].priority ?? Int.max, $1) }
    }

    /// The row of the step to do now in `pane`: the first not done or skipped, by priority.
    public static func row(in pane: Pane, _ incident: Incident) -> Int? {
        rowsByPriority(pane).first { !incident.record(pane.steps[$0].id).state.isSettled }
    }

    /// The step to do now in the whole guide: in the first action pane that has one open (where
    /// the screen opens), with its pane's index and row.
    public static func step(in playbook: Playbook, _ incident: Incident) -> (pane: Int, row: Int, step: Step)? {
        for (index, pane) in playbook.panes.enumerated() {
            if let row = row(in: pane, incident) { return (index, row, pane.steps[row]) }
        }
        return nil
    }

    /// The person's providers of `step`, those still to do first: the ones they acted on or
    /// marked here (their profile's, for a prepared incident), else the ones of theirs in other
    /// steps of the same group (their carrier, their brand). Empty when the incident does not
    /// say which are theirs.
    public static func yourProviders(of step: Step, in playbook: Playbook, _ incident: Incident) -> [Provider] {
        let rec = incident.record(step.id)
        let here = rec.mine.compactMap { step.provider($0.provider) }
        if !here.isEmpty {
            return here.filter { !rec.provider($0.id).state.isSettled } + here.filter { rec.provider($0.id).state.isSettled }
        }
        guard let group = step.group else { return [] }
        var ids: [ProviderID] = []
        for other in playbook.allSteps where other.group == group && other.id != step.id {
            for entry in incident.record(other.id).mine {
                if let id = entry.provider, !ids.contains(id) { ids.append(id) }
            }
        }
        return ids.compactMap { step.provider($0) }
    }
}
