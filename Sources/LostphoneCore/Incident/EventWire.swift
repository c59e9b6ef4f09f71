/// The journal's JSON of an event: the flat object lostphone has always written, read into the
/// typed `Event` (docs/journal-format.md). Both readers, `JSONDecoder` and the direct
/// `EventLine`, fill a `Wire` and make the event from it here, so they refuse the same lines.
extension Event: Codable {
    /// An event as the journal's JSON holds it: one flat object, every key optional but `seq`,
    /// `at` and `kind`. Its synthesized coding writes the keys that are set, which JSONEncoder's
    /// `sortedKeys` orders: exactly the lines lostphone has always written.
    struct Wire: Codable, Hashable {
        var seq: Int
        var at: Timestamp
        var kind: EventKind
        var step: StepID?
        var from: StepState?
        var to: StepState?
        var provider: ProviderID?
        var note: String?
        var happenedAt: Timestamp?
        var mine: Bool?
        var previousProvider: ProviderID?
        var previousNote: String?
        var undoes: Int?
        var prepared: Bool?
        var due: Timestamp?
        var closes: String?
        var journalVersion: Int?
        var preparedEvents: Int?
        var playbook: String?
        var playbookVersion: Int?
        var lostAt: Timestamp?
        var deviceModel: String?
        var imei: String?
        var lostNumber: String?
        var owner: String?
        var insurer: String?
        var policy: String?
        var claimWithin: String?

        init(seq: Int, at: Timestamp, kind: EventKind) { self.seq = seq; self.at = at; self.kind = kind }
    }

    /// Why a journal line's fields make no event of its kind. Keys of
    /// other kinds are ignored, as they always were, except a due date and `closes`.
    struct WireProblem: Error { var message: String }

    /// The event a journal line's fields make; a kind without its fields, or with a due date or
    /// `closes` it cannot carry, is refused.
    init(wire w: Wire) throws(WireProblem) {
        let legacy = Legacy(previousProvider: w.previousProvider, previousNote: w.previousNote)
        if w.due != nil && !(w.kind == .note || (w.kind == .move && w.to == .blocked)) {
            throw WireProblem(message: "only a note or a move to blocked carries a due time")
        }
        if w.closes != nil && w.kind != .note { throw WireProblem(message: "only a note closes a follow-up") }
        let payload: Payload
        switch w.kind {
        case .opened:
            payload = .opened(Opened(journalVersion: w.journalVersion, preparedEvents: w.preparedEvents, playbook: w.playbook,
                                     playbookVersion: w.playbookVersion))
        case .details:
            payload = .details(Details(lostAt: w.lostAt, device: DeviceDetails(
                model: w.deviceModel, imei: w.imei, number: w.lostNumber, owner: w.owner, insurer: w.insurer,
                policy: w.policy, claimWithin: w.claimWithin)))
        case .move:
            guard let step = w.step, let from = w.from, let to = w.to else { throw WireProblem(message: "a move needs step, from and to") }
            payload = .move(Move(step: step, from: from, to: to, provider: w.provider, due: w.due, legacy: legacy))
        case .note:
            guard let step = w.step else { throw WireProblem(message: "a note needs a step") }
            payload = .note(NoteEntry(step: step, provider: w.provider, text: w.note, due: w.due, closes: w.closes, legacy: legacy))
        case .mine:
            guard let step = w.step, let provider = w.provider else { throw WireProblem(message: "`mine` needs a step and a provider") }
            payload = .mine(Mark(step: step, provider: provider, mine: w.mine))
        case .noneOfMine:
            guard let step = w.step else { throw WireProblem(message: "`noneOfMine` needs a step") }
            payload = .noneOfMine(step: step)
        case .undo:
            guard let step = w.step, let undoes = w.undoes else { throw WireProblem(message: "an undo needs a step and the event it undoes") }
            payload = .undo(Undo(step: step, from: w.from, to: w.to, provider: w.provider, undoes: undoes, legacy: legacy))
        case .resolved:
            payload = .resolved
        }
        self.init(seq: w.seq, at: w.at, happenedAt: w.happenedAt, prepared: w.prepared, payload)
    }

    /// The journal line's fields of this event.
    var wire: Wire {
        var w = Wire(seq: seq, at: at, kind: kind)
        w.happenedAt = happenedAt
        w.prepared = prepared
        func put(_ legacy: Legacy) { w.previousProvider = legacy.previousProvider; w.previousNote = legacy.previousNote }
        switch payload {
        case .opened(let o):
            w.journalVersion = o.journalVersion; w.preparedEvents = o.preparedEvents
            w.playbook = o.playbook; w.playbookVersion = o.playbookVersion
        case .details(let d):
            w.lostAt = d.lostAt; w.deviceModel = d.device.model; w.imei = d.device.imei; w.lostNumber = d.device.number
            w.owner = d.device.owner; w.insurer = d.device.insurer; w.policy = d.device.policy; w.claimWithin = d.device.claimWithin
        case .move(let m):
            w.step = m.step; w.from = m.from; w.to = m.to; w.provider = m.provider; w.due = m.due; put(m.legacy)
        case .note(let n):
            w.step = n.step; w.provider = n.provider; w.note = n.text; w.due = n.due; w.closes = n.closes; put(n.legacy)
        case .mine(let m):
            w.step = m.step; w.provider = m.provider; w.mine = m.mine
        case .noneOfMine(let step):
            w.step = step
        case .undo(let u):
            w.step = u.step; w.from = u.from; w.to = u.to; w.provider = u.provider; w.undoes = u.undoes; put(u.legacy)
        case .resolved:
            break
        }
        return w
    }

    public init(from decoder: any Decoder) throws {
        let w = try Wire(from: decoder)
        do {
            try self.init(wire: w)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws { try wire.encode(to: encoder) }
}
