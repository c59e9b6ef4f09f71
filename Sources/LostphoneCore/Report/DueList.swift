import Foundation

/// What is due in an incident, in one language at one moment: the rows `lostphone due`, the
/// report's `followUps`, and the calendar file lay out.
public struct DueList: Sendable {
    public struct Row: Sendable, Hashable {
        /// `bank/icbc/written-report`: stable, the calendar's UID and `due --done` use it.
        public var key: String
        public var kind: Kind
        public var step: StepID
        public var stepTitle: String
        public var provider: ProviderID?
        public var providerName: String?
        public var title: String
        public var why: String?
        /// Where the deadline comes from, when the playbook says.
        public var source: String?
        public var since: Timestamp
        public var due: Timestamp
        public var closedAt: Timestamp?
        public var status: FollowUp.Status
        /// `in 3 days`, `2 hours overdue`; nil once done.
        public var relative: String?
        /// The number or address to use, as written (`95588`, `weixin110.qq.com`).
        public var contact: String?
        /// The step whose recording closes it, when the playbook names one (`debit-written`);
        /// nil: a later move of its own step, or `due --done`.
        public var closedBy: StepID? = nil
    }

    public enum Kind: String, Sendable, Hashable {
        /// From the playbook's rule for the step's outcome.
        case playbook
        /// A blocked line to try again.
        case retry
        /// An item the person added.
        case own
    }

    public var language: Language
    public var now: Timestamp
    public var rows: [Row]

    public init(incident: Incident, playbook: Playbook, language: Language, now: Timestamp) {
        self.language = language
        self.now = now
        rows = FollowUps.list(incident, playbook: playbook).map { item in
            let step = playbook.step(item.step)
            let status = item.status(now: now)
            let kind: Kind
            var source: String? = nil
            var closedBy: StepID? = nil
            switch item.origin {
            case .playbook(let rule):
                kind = .playbook
                source = rule.source.map { DueList.sourceText($0, language) }
                closedBy = rule.closedBy
            case .retry: kind = .retry
            // The person's own date, from their policy through the profile.
            case .own, .claimWindow: kind = .own
            }
            return Row(key: item.key, kind: kind, step: item.step, stepTitle: step?.title[language] ?? item.step.rawValue,
                       provider: item.provider, providerName: item.provider.flatMap { step?.provider($0)?.name[language] },
                       title: item.title(language, playbook: playbook), why: item.why(language), source: source,
                       since: item.since, due: item.due, closedAt: item.closedAt, status: status,
                       relative: status == .done ? nil : DueWords.relative(item.due, now: now, language),
                       contact: item.contact(playbook: playbook).map { DueList.contactText($0, language) }, closedBy: closedBy)
        }
    }

    /// The open rows (overdue first), without the done ones.
    public var open: [Row] { rows.filter { $0.status != .done } }

    static func sourceText(_ source: ContactSource, _ language: Language) -> String {
        switch source {
        case .article: Words(language)[.article]
        case .domain(let d): d
        case .text(let t): t[language]
        }
    }

    static func contactText(_ contact: Contact, _ language: Language) -> String {
        switch contact.kind {
        case .phone(let n): n + (contact.press.map { Words(language).comma + Words(language)[.thenPress] + " " + $0 } ?? "")
        case .web(let w): w
        case .path(let p): p[language]
        }
    }

    /// Plain lines a screen reader reads well: one item a paragraph, most urgent first.
    public func text(incidentID: String) -> String {
        let l = language
        var out = DueWords.heading[l] + " — " + incidentID + "\n\n"
        if rows.isEmpty { return out + DueWords.none[l] + "\n" }
        for row in rows {
            let status = DueWords.status(row.status)[l]
            let when = row.status == .done
                ? DueWords.doneOn[l] + " " + (row.closedAt?.readable ?? "")
                : DueWords.due[l] + " " + row.due.readable + " (" + (row.relative ?? "") + ")"
            out += "[\(status)] \(row.title)\n"
            out += "  \(when)\n"
            out += "  " + ([row.stepTitle] + (row.providerName.map { [$0] } ?? [])).joined(separator: " · ") + "\n"
            if let why = row.why { out += "  " + why.replacingOccurrences(of: "\n", with: " ") + "\n" }
            if let source = row.source { out += "  " + Words(l).label(.source) + source + "\n" }
            if let contact = row.contact, row.status != .done { out += "  " + DueWords.contact[l] + Words(l).colon + contact + "\n" }
            out += "  " + DueWords.key[l] + Words(l).colon + row.key + "\n\n"
        }
        return out
    }
}

extension DueList {
    /// One follow-up in JSON: the report's `followUps[]` and `lostphone due --json`. Every key is
    /// present in every item, null when absent (docs/report-format.md).
    struct RowJSON: Encodable {
        var row: Row
        enum CodingKeys: String, CodingKey {
            case key, kind, step, stepTitle, provider, providerName, title, why, source, since, due, closedAt, status, relative, contact
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(row.key, forKey: .key); try c.encode(row.kind.rawValue, forKey: .kind)
            try c.encode(row.step, forKey: .step); try c.encode(row.stepTitle, forKey: .stepTitle)
            try c.encode(row.provider, forKey: .provider); try c.encode(row.providerName, forKey: .providerName)
            try c.encode(row.title, forKey: .title); try c.encode(row.why, forKey: .why); try c.encode(row.source, forKey: .source)
            try c.encode(row.since.text, forKey: .since); try c.encode(row.due.text, forKey: .due)
            try c.encode(row.closedAt?.text, forKey: .closedAt); try c.encode(row.status.rawValue, forKey: .status)
            try c.encode(row.relative, forKey: .relative); try c.encode(row.contact, forKey: .contact)
        }
    }

    var json: [RowJSON] { rows.map { RowJSON(row: $0) } }

    struct DocumentJSON: Encodable {
        var schemaVersion: Int
        var generatedAt: String
        var language: String
        var incident: String
        var followUps: [RowJSON]
    }

    /// `lostphone due --json`: the same items as the report's `followUps`, sorted keys.
    public func json(incidentID: String) -> String {
        let doc = DocumentJSON(schemaVersion: Report.schemaVersion, generatedAt: now.text, language: language.rawValue,
                               incident: incidentID, followUps: json)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return Report.escapingInvisible(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
