import Foundation

/// The JSON export. Its shape is a contract (docs/report-format.md): fields are only ever added,
/// and `schemaVersion` changes if one is removed or changes meaning.
extension Report {
    public static let schemaVersion = 1

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
    }
    struct PlaybookRef: Encodable { var id: String; var version: Int }
    struct IncidentJSON: Encodable {
        var id: String
        var startedAt: String
        var lostAt: String?
        var deviceModel: String?
        var imei: String?
        var resolvedAt: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(startedAt, forKey: .startedAt)
            // Absent values are written as null so the shape is the same for every report.
            try c.encode(lostAt, forKey: .lostAt)
            try c.encode(deviceModel, forKey: .deviceModel)
            try c.encode(imei, forKey: .imei)
            try c.encode(resolvedAt, forKey: .resolvedAt)
        }
        enum CodingKeys: String, CodingKey { case id, startedAt, lostAt, deviceModel, imei, resolvedAt }
    }
    struct StepJSON: Encodable {
        var pane: PaneID, id: StepID, title: String, priority: Int?, state: StepState
        var updatedAt: String?, provider: ProviderID?, providerName: String?, note: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(pane, forKey: .pane); try c.encode(id, forKey: .id); try c.encode(title, forKey: .title)
            try c.encode(priority, forKey: .priority); try c.encode(state, forKey: .state)
            try c.encode(updatedAt, forKey: .updatedAt); try c.encode(provider, forKey: .provider)
            try c.encode(providerName, forKey: .providerName); try c.encode(note, forKey: .note)
        }
        enum CodingKeys: String, CodingKey { case pane, id, title, priority, state, updatedAt, provider, providerName, note }
    }
    struct EventJSON: Encodable {
        var seq: Int, at: String, kind: EventKind, step: StepID?, from: StepState?, to: StepState?
        var provider: ProviderID?, note: String?, undoes: Int?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(seq, forKey: .seq); try c.encode(at, forKey: .at); try c.encode(kind, forKey: .kind)
            try c.encode(step, forKey: .step); try c.encode(from, forKey: .from); try c.encode(to, forKey: .to)
            try c.encode(provider, forKey: .provider); try c.encode(note, forKey: .note)
            try c.encodeIfPresent(undoes, forKey: .undoes)
        }
        enum CodingKeys: String, CodingKey { case seq, at, kind, step, from, to, provider, note, undoes }
    }
    struct DurationJSON: Encodable { var step: StepID; var doneAt: String; var secondsAfterStart: Int; var secondsAfterLoss: Int? }

    /// Pretty-printed JSON with sorted keys, so two exports of the same journal are identical.
    public func json() -> String {
        let doc = JSONDocument(
            schemaVersion: Report.schemaVersion, generatedAt: generatedAt.text, language: language.rawValue,
            playbook: PlaybookRef(id: playbookID, version: playbookVersion),
            incident: IncidentJSON(id: incident.id, startedAt: incident.startedAt.text, lostAt: incident.lostAt?.text,
                                   deviceModel: incident.device.model, imei: incident.device.imei,
                                   resolvedAt: incident.resolvedAt?.text),
            steps: steps.map { StepJSON(pane: $0.pane, id: $0.id, title: $0.title, priority: $0.priority, state: $0.state,
                                        updatedAt: $0.updatedAt?.text, provider: $0.provider,
                                        providerName: $0.providerName, note: $0.note) },
            events: events.map { r in
                let e = r.event
                return EventJSON(seq: e.seq, at: e.at.text, kind: e.kind, step: e.step, from: e.from, to: e.to,
                                 provider: e.provider, note: e.note, undoes: e.undoes)
            },
            durations: durations.map { DurationJSON(step: $0.step, doneAt: $0.doneAt.text,
                                                    secondsAfterStart: $0.secondsAfterStart, secondsAfterLoss: $0.secondsAfterLoss) },
            open: open.map(\.id))
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
