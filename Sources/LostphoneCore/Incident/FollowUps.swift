import Foundation

/// One thing that is due after the first hour: a playbook follow-up of a step's outcome (the
/// debit card's written report, 5 days after the phone report), a line to try again (set when a
/// provider was recorded blocked), or an item of the person's own (a dated note).
public struct FollowUp: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// The playbook's rule for the step's outcome.
        case playbook(FollowUpRule)
        /// A blocked line to try again, set with the `blocked` move of event `seq`.
        case retry(seq: Int)
        /// The person's own item: the dated note of event `seq`, with its text.
        case own(seq: Int, text: String)
        /// The insurance claim, due the policy's window (from the profile) after the loss.
        case claimWindow(DueOffset)
    }

    /// Whether it is still to do, and how urgent.
    public enum Status: String, Sendable, Hashable, Comparable {
        case overdue, dueSoon, later, done
        private var order: Int { switch self { case .overdue: 0; case .dueSoon: 1; case .later: 2; case .done: 3 } }
        public static func < (a: Status, b: Status) -> Bool { a.order < b.order }
    }

    public var step: StepID
    public var provider: ProviderID?
    public var origin: Origin
    /// When the clock started: the happened-at time of the outcome, or when the date was set.
    public var since: Timestamp
    public var due: Timestamp
    /// When what closes it happened, if it did.
    public var closedAt: Timestamp?

    /// Its name within the step and provider: the rule's id, or `e` and the seq of the event
    /// that set the date. A note's `closes` names it so.
    public var localKey: String {
        switch origin {
        case .playbook(let rule): rule.id
        case .retry(let seq), .own(let seq, _): "e\(seq)"
        case .claimWindow: "claim-window"
        }
    }

    /// Stable across runs and editions: `bank/icbc/written-report`, `police/e12`. The calendar's
    /// UID and `lostphone due --done` use it.
    public var key: String {
        ([step.rawValue] + (provider.map { [$0.rawValue] } ?? []) + [localKey]).joined(separator: "/")
    }

    /// How long before a deadline it counts as due soon: two days, the time a branch visit or a
    /// call back needs to be planned.
    public static let soon: TimeInterval = 2 * 86_400

    public func status(now: Timestamp) -> Status {
        if closedAt != nil { return .done }
        if due.date <= now.date { return .overdue }
        return due.date.timeIntervalSince(now.date) <= FollowUp.soon ? .dueSoon : .later
    }

    /// What to do, in `language`.
    public func title(_ language: Language, playbook: Playbook) -> String {
        switch origin {
        case .playbook(let rule): return rule.title[language]
        case .own(_, let text): return text
        case .claimWindow(let window): return DueWords.claimWindowTitle(window)[language]
        case .retry:
            let step = playbook.step(self.step)
            let name = step?.provider(provider)?.shortName(language) ?? step?.title[language] ?? self.step.rawValue
            return DueWords.tryAgain(name)[language]
        }
    }

    /// Why it is due, in `language`, when the playbook says.
    public func why(_ language: Language) -> String? {
        switch origin {
        case .playbook(let rule): rule.why?[language]
        case .claimWindow: DueWords.claimWindowWhy[language]
        case .retry, .own: nil
        }
    }

    /// The contact to use: the provider's first number or address, else the step's.
    public func contact(playbook: Playbook) -> Contact? {
        guard let step = playbook.step(step) else { return nil }
        let contacts = (step.provider(provider)?.contacts ?? []) + step.contacts
        return contacts.first { if case .phone = $0.kind { true } else { false } } ?? contacts.first
    }
}

/// What is due in an incident, folded from its events and the playbook's rules.
public enum FollowUps {
    /// Every follow-up, open ones first by their deadline (so the overdue lead), then the done
    /// ones by when they were closed.
    public static func list(_ incident: Incident, playbook: Playbook) -> [FollowUp] {
        let undone = Set(incident.events.compactMap { $0.kind == .undo ? $0.undoes : nil })
        let events = incident.events.filter { !undone.contains($0.seq) && $0.kind != .undo }
        // Notes that say a follow-up is done: by step, provider and key, the first one counts.
        var closingNotes: [String: Timestamp] = [:]
        for e in events where e.kind == .note {
            guard let step = e.step, let closes = e.closes else { continue }
            let key = ([step.rawValue] + (e.provider.map { [$0.rawValue] } ?? []) + [closes]).joined(separator: "/")
            if closingNotes[key] == nil { closingNotes[key] = e.happenedAt ?? e.at }
        }
        var result: [FollowUp] = []
        for step in playbook.allSteps where !step.followUps.isEmpty || step.providers.contains(where: { !$0.followUps.isEmpty }) {
            let record = incident.record(step.id)
            let keys: [ProviderID?] = step.providers.isEmpty ? [nil] : record.mine.map(\.provider)
            for provider in keys {
                let state = record.provider(provider).state
                let rules = step.followUps + (step.provider(provider)?.followUps ?? [])
                for rule in rules {
                    // The clock starts at the last move into `after`. The follow-up lasts while the
                    // provider stays there, or has been settled by the step that closes it: a step
                    // reopened or undone takes it away.
                    guard state == rule.after || (state.isSettled && rule.closedBy == step.id),
                          let start = events.last(where: { $0.kind == .move && $0.step == step.id && $0.provider == provider && $0.to == rule.after })
                    else { continue }
                    let since = start.happenedAt ?? start.at
                    var item = FollowUp(step: step.id, provider: provider, origin: .playbook(rule), since: since,
                                        due: rule.due.after(since))
                    item.closedAt = closingNotes[item.key] ?? closed(by: rule.closedBy, provider: provider, incident, playbook)
                    result.append(item)
                }
            }
        }
        // Dated events: a retry time on a blocked move, a note with a date. The next move of the
        // same step and provider closes them (the line was tried again; the item was acted on).
        for (i, e) in events.enumerated() {
            guard let due = e.due, let step = e.step else { continue }
            let origin: FollowUp.Origin = e.kind == .move ? .retry(seq: e.seq) : .own(seq: e.seq, text: e.note ?? "")
            var item = FollowUp(step: step, provider: e.provider, origin: origin, since: e.happenedAt ?? e.at, due: due)
            let nextMove = events[(i + 1)...].first { $0.kind == .move && $0.step == step && $0.provider == e.provider }
            item.closedAt = closingNotes[item.key] ?? nextMove.map { $0.happenedAt ?? $0.at }
            result.append(item)
        }
        if let item = claimWindow(incident, playbook, closingNotes) { result.append(item) }
        let open = result.filter { $0.closedAt == nil }.sorted { ($0.due, $0.key) < ($1.due, $1.key) }
        let done = result.filter { $0.closedAt != nil }.sorted { ($0.closedAt!, $0.key) < ($1.closedAt!, $1.key) }
        return open + done
    }

    /// The step the insurance claim is made in: the claim window's follow-up belongs to it.
    public static let claimStep: StepID = "insurance"

    /// The claim, due the window the profile gave (`insurance.claim-within`) after the loss, once
    /// the incident has a lost-at time and the playbook a claim step; it closes when that step
    /// is done or skipped (no claim), or with `due --done`.
    static func claimWindow(_ incident: Incident, _ playbook: Playbook, _ closingNotes: [String: Timestamp]) -> FollowUp? {
        guard let text = incident.device.claimWithin, let window = DeviceField.claimWindow(text),
              let lostAt = incident.lostAt, playbook.step(claimStep) != nil else { return nil }
        var item = FollowUp(step: claimStep, provider: nil, origin: .claimWindow(window), since: lostAt, due: window.after(lostAt))
        item.closedAt = closingNotes[item.key] ?? closed(by: claimStep, provider: nil, incident, playbook)
        return item
    }

    /// When the closing step was settled for `provider` (or, when that step does not list the
    /// provider, as a whole), or nil while it is not.
    static func closed(by step: StepID?, provider: ProviderID?, _ incident: Incident, _ playbook: Playbook) -> Timestamp? {
        guard let id = step, let closer = playbook.step(id) else { return nil }
        let record = incident.record(id)
        if let provider, closer.provider(provider) != nil {
            let r = record.provider(provider)
            return r.state.isSettled ? r.effectiveAt : nil
        }
        if closer.providers.isEmpty {
            let r = record.provider(nil)
            return r.state.isSettled ? r.effectiveAt : nil
        }
        return record.state.isSettled ? record.mine.compactMap(\.record.effectiveAt).max() : nil
    }

    /// How many are overdue, and how many due within `FollowUp.soon`: the header's count.
    public static func counts(_ items: [FollowUp], now: Timestamp) -> (overdue: Int, dueSoon: Int) {
        let statuses = items.map { $0.status(now: now) }
        return (statuses.filter { $0 == .overdue }.count, statuses.filter { $0 == .dueSoon }.count)
    }
}
