import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// "What do I do now?" in a few plain lines: the step the screen marks "← now"
    /// (`WhatNow`, in Core), for the person's provider, with its first number and what to say.
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the step to do now, with the number to call and what to say (--json for scripts).",
            discussion: """
            The same step the full screen marks "← now": the most urgent one not yet done or \
            skipped, for your provider when the incident knows it (your profile, or one you \
            recorded). Reads only: it works while the full screen is open.
            """)

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        @Flag(help: "Print it as JSON.")
        var json = false

        func run() throws {
            let w = Words(common.language())
            let playbook = try common.loadPlaybook()
            let incident: Incident
            if which.incident == nil && common.store.list().isEmpty {
                // Nothing recorded yet: what to do first, from a fresh incident never written.
                incident = Incident.open(id: "", playbook: playbook, at: SystemClock().now()).0
            } else {
                incident = try IncidentSession.read(store: common.store, id: which.incident, language: w.language).0
            }
            let next = NextStep(playbook: playbook, incident: incident, language: w.language)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(next), as: UTF8.self))
            } else {
                print(next.lines(w).joined(separator: "\n"))
            }
        }
    }
}

/// The step to do now as the command line says it: plain values, for lines and for JSON.
struct NextStep: Encodable {
    var step: String?
    var title: String?
    var pane: String?
    var provider: String?
    var providerName: String?
    /// Whether the provider is known to be the person's (else the step's first is shown).
    var yours: Bool
    /// The other providers the person could pick, when none is known to be theirs.
    var choices: [String]
    var number: String?
    var press: String?
    var numberLabel: String?
    var say: [String]
    var record: String?

    init(playbook: Playbook, incident: Incident, language l: Language) {
        guard let now = WhatNow.step(in: playbook, incident) else {
            yours = false; choices = []; say = []
            return
        }
        let step = now.step
        self.step = step.id.rawValue
        title = step.title[l]
        pane = playbook.panes[now.pane].title[l]
        let mine = WhatNow.yourProviders(of: step, in: playbook, incident)
        let provider = mine.first ?? step.providers.first
        yours = !mine.isEmpty
        choices = mine.isEmpty ? step.providers.map(\.id.rawValue) : []
        self.provider = provider?.id.rawValue
        providerName = provider?.name[l]
        let contacts = (provider?.contacts ?? []) + step.contacts
        if let phone = contacts.first(where: { if case .phone = $0.kind { true } else { false } }), case .phone(let n) = phone.kind {
            number = n
            press = phone.press
            numberLabel = phone.label?[l]
        }
        let instructions = (provider?.instructions ?? []).isEmpty ? step.instructions : provider!.instructions
        say = instructions.map { $0[l] }
        record = "lostphone record \(step.id) done" + (provider.map { " --provider \($0.id)" } ?? "")
    }

    private enum CodingKeys: String, CodingKey {
        case step, title, pane, provider, providerName, yours, choices, number, press, numberLabel, say, record
    }

    /// Every key always there, an absent value as `null`, as in the report's JSON.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(step, forKey: .step); try c.encode(title, forKey: .title); try c.encode(pane, forKey: .pane)
        try c.encode(provider, forKey: .provider); try c.encode(providerName, forKey: .providerName)
        try c.encode(yours, forKey: .yours); try c.encode(choices, forKey: .choices)
        try c.encode(number, forKey: .number); try c.encode(press, forKey: .press); try c.encode(numberLabel, forKey: .numberLabel)
        try c.encode(say, forKey: .say); try c.encode(record, forKey: .record)
    }

    /// Plain lines, one thing each, that a screen reader reads in order.
    func lines(_ w: Words) -> [String] {
        guard let step, let title else { return [w[.nextNothingOpen]] }
        var out = [w.label(.recording(.nextStep)) + title + w.paren(step)]
        if let providerName {
            out.append(w.label(.recording(.nextFor)) + providerName)
            if !yours { out.append(w[.nextPickYours(choices.joined(separator: ", "))]) }
        }
        if let number {
            let extra = [press.map { w[.thenPress] + " " + $0 }, numberLabel].compactMap { $0 }
            out.append(w.label(.recording(.nextCall)) + number + (extra.isEmpty ? "" : w.paren(extra.joined(separator: w.comma))))
        }
        if !say.isEmpty {
            out.append(w.label(.recording(.nextSay)).trimmingWhitespace())
            out += say.map { "  " + $0 }
        }
        if let record { out.append(w[.nextThenRecord(record)]) }
        return out
    }
}
