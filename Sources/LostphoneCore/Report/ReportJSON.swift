import Foundation

/// The JSON export. Its shape is a contract (docs/report-format.md): fields are only ever added,
/// and `schemaVersion` changes if one is removed or changes meaning.
extension Report {
    public static let schemaVersion = 2

    struct JSONDocument: Encodable {
        var schemaVersion: Int
        var generatedAt: String
        var language: String
        var playbook: PlaybookRef
        var incident: IncidentJSON
        var steps: [StepJSON]
        var events: [EventJSON]
        var durations: [DurationJSON]
        var open: [StepID]
        var followUps: [DueList.RowJSON]
    }
    struct PlaybookRef: Encodable { var id: String; var version: Int }
    struct IncidentJSON: Encodable {
        var id: String
        var startedAt: String
        var lostAt: String?
        var owner: String?
        var lostNumber: String?
        var deviceModel: String?
        var imei: String?
        var insurer: String?
        var policy: String?
        var resolvedAt: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(startedAt, forKey: .startedAt)
            // Absent values are written as null so the shape is the same for every report.
            try c.encode(lostAt, forKey: .lostAt)
            try c.encode(owner, forKey: .owner)
            try c.encode(lostNumber, forKey: .lostNumber)
            try c.encode(deviceModel, forKey: .deviceModel)
            try c.encode(imei, forKey: .imei)
            try c.encode(insurer, forKey: .insurer)
            try c.encode(policy, forKey: .policy)
            try c.encode(resolvedAt, forKey: .resolvedAt)
        }
        enum CodingKeys: String, CodingKey { case id, startedAt, lostAt, owner, lostNumber, deviceModel, imei, insurer, policy, resolvedAt }
    }
    struct NoteJSON: Encodable {
        var at: String, happenedAt: String?, text: String
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(at, forKey: .at); try c.encode(happenedAt, forKey: .happenedAt); try c.encode(text, forKey: .text)
        }
        enum CodingKeys: String, CodingKey { case at, happenedAt, text }
        init(_ n: Note) { at = n.at.text; happenedAt = n.happenedAt?.text; text = n.text }
    }
    struct ProviderJSON: Encodable {
        var id: ProviderID, name: String, state: StepState, mine: Bool, updatedAt: String?, happenedAt: String?, notes: [NoteJSON]
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(state, forKey: .state)
            try c.encode(mine, forKey: .mine)
            try c.encode(updatedAt, forKey: .updatedAt); try c.encode(happenedAt, forKey: .happenedAt)
            try c.encode(notes, forKey: .notes)
        }
        enum CodingKeys: String, CodingKey { case id, name, state, mine, updatedAt, happenedAt, notes }
    }
    struct StepJSON: Encodable {
        var pane: PaneID, id: StepID, title: String, priority: Int?, state: StepState
        var updatedAt: String?, happenedAt: String?, notes: [NoteJSON], providers: [ProviderJSON]
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(pane, forKey: .pane); try c.encode(id, forKey: .id); try c.encode(title, forKey: .title)
            try c.encode(priority, forKey: .priority); try c.encode(state, forKey: .state)
            try c.encode(updatedAt, forKey: .updatedAt); try c.encode(happenedAt, forKey: .happenedAt)
            try c.encode(notes, forKey: .notes); try c.encode(providers, forKey: .providers)
        }
        enum CodingKeys: String, CodingKey { case pane, id, title, priority, state, updatedAt, happenedAt, notes, providers }
    }
    struct EventJSON: Encodable {
        var seq: Int, at: String, happenedAt: String?, kind: EventKind, step: StepID?, from: StepState?, to: StepState?
        var provider: ProviderID?, providerName: String?, mine: Bool?, note: String?, undoes: Int?
        var due: String?, closes: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(seq, forKey: .seq); try c.encode(at, forKey: .at); try c.encode(happenedAt, forKey: .happenedAt)
            try c.encode(kind, forKey: .kind)
            try c.encode(step, forKey: .step); try c.encode(from, forKey: .from); try c.encode(to, forKey: .to)
            try c.encode(provider, forKey: .provider); try c.encode(providerName, forKey: .providerName)
            try c.encode(note, forKey: .note)
            // Every key on every event, null where it does not apply (docs/report.schema.json).
            try c.encode(mine, forKey: .mine)
            try c.encode(undoes, forKey: .undoes)
            try c.encode(due, forKey: .due)
            try c.encode(closes, forKey: .closes)
        }
        enum CodingKeys: String, CodingKey { case seq, at, happenedAt, kind, step, from, to, provider, providerName, mine, note, undoes, due, closes }
    }
    /// Signed seconds: negative when the step was done (as the person stated) before the start
    /// or the loss. `secondsAfterLoss` is null without a lost-at time.
    struct DurationJSON: Encodable {
        var step: StepID, doneAt: String, secondsAfterStart: Int, secondsAfterLoss: Int?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(step, forKey: .step); try c.encode(doneAt, forKey: .doneAt)
            try c.encode(secondsAfterStart, forKey: .secondsAfterStart); try c.encode(secondsAfterLoss, forKey: .secondsAfterLoss)
        }
        enum CodingKeys: String, CodingKey { case step, doneAt, secondsAfterStart, secondsAfterLoss }
    }

    /// Pretty-printed JSON with sorted keys, so two exports of the same journal are identical.
    public func json() -> String {
        let doc = JSONDocument(
            schemaVersion: Report.schemaVersion, generatedAt: generatedAt.text, language: language.rawValue,
            playbook: PlaybookRef(id: playbookID, version: playbookVersion),
            incident: IncidentJSON(id: incident.id, startedAt: incident.startedAt.text, lostAt: incident.lostAt?.text,
                                   owner: incident.device.owner, lostNumber: incident.device.number,
                                   deviceModel: incident.device.model, imei: incident.device.imei,
                                   insurer: incident.device.insurer, policy: incident.device.policy,
                                   resolvedAt: incident.resolvedAt?.text),
            steps: steps.map { row in
                StepJSON(pane: row.pane, id: row.id, title: row.title, priority: row.priority, state: row.state,
                         updatedAt: row.updatedAt?.text, happenedAt: row.own?.happenedAt?.text,
                         notes: (row.own?.notes ?? []).map(NoteJSON.init),
                         providers: row.providers.map { p in
                             ProviderJSON(id: p.id, name: p.name, state: p.record.state, mine: p.record.mine,
                                          updatedAt: p.record.updatedAt?.text, happenedAt: p.record.happenedAt?.text,
                                          notes: p.record.notes.map(NoteJSON.init))
                         })
            },
            events: events.map { r in
                let e = r.event
                return EventJSON(seq: e.seq, at: e.at.text, happenedAt: e.happenedAt?.text, kind: e.kind, step: e.step,
                                 from: e.from, to: e.to, provider: e.provider, providerName: r.providerName,
                                 mine: e.mine, note: e.note, undoes: e.undoes, due: e.due?.text, closes: e.closes)
            },
            durations: durations.map { DurationJSON(step: $0.step, doneAt: $0.doneAt.text,
                                                    secondsAfterStart: $0.secondsAfterStart, secondsAfterLoss: $0.secondsAfterLoss) },
            open: open.map(\.id),
            followUps: due.json)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // JSONEncoder escapes C0 controls itself (\u001b); the invisible rest is escaped below.
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return Report.escapingInvisible(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// `json` with C1 controls, bidirectional controls, zero-width characters and line
    /// separators written as `\uXXXX` escapes: the same text to any JSON reader, but nothing in
    /// the file that could reorder or hide what a person reads in an editor or a terminal. JSON's
    /// own syntax is ASCII, so these can only stand inside strings.
    static func escapingInvisible(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for s in json.unicodeScalars {
            switch s.value {
            case 0x80...0x9F, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF:
                out.append(contentsOf: String(format: "\\u%04X", s.value).unicodeScalars)
            default:
                out.append(s)
            }
        }
        return String(out)
    }
}
