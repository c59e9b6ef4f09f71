import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// What is due after the first hour, and adding or closing an item.
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what is due after the first hour (follow-ups, lines to try again, your own dates); add or close one.",
            discussion: """
            Overdue items come first, then by date. Add your own dated item to a step with --add TEXT --by TIME --step ID \
            (for example the insurer's claim window); close any item with --done KEY (the key is printed with each item). \
            export --format ics puts the open items in your calendar.
            """)

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        @Flag(help: "Print the list as JSON (the report's followUps).")
        var json = false

        @Option(help: ArgumentHelp("Add an item of your own with this text (needs --by and --step).", valueName: "text"))
        var add: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("When the added item is due: \(DueInput.forms).", valueName: "time"))
        var by: String?

        @Option(help: ArgumentHelp("The step the added item belongs to (lostphone guide --ids lists them).", valueName: "id"),
                completion: .custom(Completion.stepIDs))
        var step: String?

        @Option(help: ArgumentHelp("The provider the added item belongs to, on a step with providers.", valueName: "id"))
        var provider: String?

        @Option(help: ArgumentHelp("Close the item with this key (as listed), recording a note that it is done.", valueName: "key"))
        var done: String?

        @Option(help: ArgumentHelp("With --done: the note to record (default: that it is done).", valueName: "text"))
        var note: String?

        func validate() throws {
            if add != nil && done != nil { throw ValidationError("give --add or --done, not both") }
            if add != nil && (by == nil || step == nil) { throw ValidationError("--add needs --by TIME and --step ID") }
            if add == nil && (by != nil || step != nil || provider != nil) { throw ValidationError("--by, --step and --provider go with --add") }
            if note != nil && done == nil { throw ValidationError("--note goes with --done") }
        }

        func run() throws {
            if let add { return try addItem(add) }
            if let done { return try close(done) }
            let playbook = try common.loadPlaybook()
            let (incident, _) = try IncidentSession.read(store: common.store, id: which.incident, language: common.language())
            let list = DueList(incident: incident, playbook: playbook, language: common.language(), now: SystemClock().now())
            print(json ? list.json(incidentID: incident.id) : list.text(incidentID: incident.id), terminator: "")
        }

        func addItem(_ text: String) throws {
            let recorder = CommandLineRecorder(common: common, incidentID: which.incident, stepID: step ?? "", providerID: provider,
                                               at: nil, commandName: "due")
            let now = SystemClock().now()
            guard let by, let due = DueInput.parse(by, now: now) else {
                recorder.fail(recorder.words[.badDue(Sanitize.brief(by ?? "", limit: 40), forms: DueInput.forms)])
            }
            try recorder.record { step, provider, _ in [.note(step.id, text, provider: provider, due: due)] }
        }

        func close(_ key: String) throws {
            let playbook = try common.loadPlaybook()
            // The note that closes the item opens the journal to record, which repairs a torn
            // last line and says so: nothing to say here.
            let (incident, _) = try IncidentSession.read(store: common.store, id: which.incident, sayTear: false)
            let list = DueList(incident: incident, playbook: playbook, language: common.language(), now: SystemClock().now())
            let fail = { (message: String) -> Never in
                printError("lostphone due: \(message)")
                Lostphone.exit(withError: ExitCode(1))
            }
            let language = common.language()
            guard let row = list.rows.first(where: { $0.key == key }) else {
                fail(Word.recording(.noSuchDueItem(key: Sanitize.brief(key, limit: 60), incident: incident.id,
                                                   open: list.open.map(\.key))).text(in: language))
            }
            if row.status == .done {
                fail(Word.recording(.dueDoneAlready(key: key, at: row.closedAt?.readable ?? "")).text(in: language))
            }
            let localKey = String(key.split(separator: "/").last ?? "")
            let text = note ?? DueWords.closedNote[common.language()]
            try CommandLineRecorder(common: common, incidentID: incident.id, stepID: row.step.rawValue,
                                    providerID: row.provider?.rawValue, at: nil, commandName: "due")
                .record { step, provider, _ in [.note(step.id, text, provider: provider, closes: localKey)] }
        }
    }
}
