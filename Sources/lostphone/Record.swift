import ArgumentParser
import Foundation
import LostphoneCore
import LostphoneTUI

extension StepState: ExpressibleByArgument {}

/// Recording from the command line, for scripts, screen readers and a phone's SSH app: the same
/// events, checks and journal as the full screen's keys.
struct CommandLineRecorder {
    var common: CommonOptions
    var incidentID: String?
    var stepID: String
    var providerID: String?
    var at: String?
    var commandName: String

    /// Checks the step and provider against the playbook, opens the incident (locked), builds
    /// every event first (nothing is written unless all are valid), then appends them.
    func record(_ commands: (Step, ProviderID?, Timestamp?) -> [IncidentCommand]) throws {
        let playbook = try common.loadPlaybook()
        let steps = playbook.allSteps
        guard let step = steps.first(where: { $0.id.rawValue == stepID }) else {
            fail("there is no step \(Sanitize.brief(stepID, limit: 40)). Steps: \(steps.map(\.id.rawValue).joined(separator: ", ")).")
        }
        let provider = try resolveProvider(step)
        let clock = SystemClock()
        let session = try IncidentSession.openForRecording(store: common.store, id: incidentID,
                                                           playbook: { playbook }, startNew: false, clock: clock,
                                                           profile: ProfileStore(environment: common.environment), language: common.language())
        guard case .journal(let journal) = session.recording else { fail("the state directory cannot be written.") }
        for note in session.profileNotes { printError("lostphone: " + note) }
        defer { journal.close() }
        let now = clock.now()
        var happenedAt: Timestamp? = nil
        if let at {
            guard let t = TimeInput.parse(at, now: now) else {
                fail("cannot read the time \(Sanitize.brief(at, limit: 40)); use 14:35, 2026-12-03 14:35 or -20m.")
            }
            if TimeInput.isInFuture(t, now: now) { fail("\(TimeInput.display(t)) is in the future (it is now \(TimeInput.display(now))); give a time that has passed.") }
            happenedAt = t
        }
        var incident = session.incident
        var events: [Event] = []
        do {
            for command in commands(step, provider, happenedAt) {
                let event = try incident.event(for: command, at: now)
                try incident.apply(event)
                events.append(event)
            }
        } catch {
            fail("\(error.message). Nothing was recorded.")
        }
        for event in events {
            do {
                try journal.append(event)
            } catch {
                fail(error.description)
            }
        }
        let name = provider.flatMap { step.provider($0)?.name[common.language()] }
        let record = incident.record(step.id)
        let target = "\(step.id)\(name.map { " (\($0))" } ?? "")"
        let when = happenedAt.map { " (happened at \($0.readable))" } ?? ""
        if events.allSatisfy({ $0.kind == .note }) {
            print("Added a note to \(target)\(when) in incident \(incident.id).")
        } else {
            print("Recorded in incident \(incident.id): \(target) is \(record.provider(provider).state.rawValue)\(when)"
                  + (step.providers.isEmpty ? "" : "; the step is \(record.state.rawValue)") + ".")
        }
    }

    /// The provider named, checked against the step: a step with providers needs one (nothing is
    /// ever recorded for a provider the person did not name); a step without takes none.
    func resolveProvider(_ step: Step) throws -> ProviderID? {
        let ids = step.providers.map(\.id.rawValue)
        guard let providerID else {
            if ids.isEmpty { return nil }
            fail("\(step.id) has providers; name yours with --provider (\(ids.joined(separator: ", "))).")
        }
        if ids.isEmpty { fail("\(step.id) has no providers; leave out --provider.") }
        guard ids.contains(providerID) else {
            fail("\(step.id) has no provider \(Sanitize.brief(providerID, limit: 40)); its providers: \(ids.joined(separator: ", ")).")
        }
        return ProviderID(providerID)
    }

    func fail(_ message: String) -> Never {
        printError("lostphone \(commandName): \(message)")
        Lostphone.exit(withError: ExitCode(1))
    }
}

/// `--provider` and `--at`, which `record` and `note` share.
struct RecordOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The provider (bank, carrier, brand) it is about; needed on a step with providers.", valueName: "id"),
            completion: .custom(Completion.providerIDs))
    var provider: String?

    // Unconditional: `-20m` is a value here, not an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("When it happened, if earlier: 14:35, 2026-12-03 14:35 or -20m.", valueName: "time"))
    var at: String?

    func recorder(common: CommonOptions, which: IncidentOption, step: String, commandName: String) -> CommandLineRecorder {
        CommandLineRecorder(common: common, incidentID: which.incident, stepID: step, providerID: provider, at: at, commandName: commandName)
    }
}

extension Lostphone {
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a step's state (for one provider), as the full screen's keys do.",
            discussion: "Refused while the full screen has the same incident open: quit it first, or use its keys.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        @Argument(help: ArgumentHelp("The step's id (lostphone guide shows them).", valueName: "step"),
                  completion: .custom(Completion.stepIDs))
        var step: String

        @Argument(help: ArgumentHelp("pending, inProgress, done, blocked or skipped.", valueName: "state"))
        var state: StepState

        @OptionGroup var target: RecordOptions

        @Option(help: ArgumentHelp("A note to add with it (reference number, agent's name).", valueName: "text"))
        var note: String?

        func run() throws {
            try target.recorder(common: common, which: which, step: step, commandName: "record").record { step, provider, happenedAt in
                [.move(step.id, to: state, provider: provider, happenedAt: happenedAt)]
                    + (note.map { [.note(step.id, $0, provider: provider, happenedAt: happenedAt)] } ?? [])
            }
        }
    }

    struct NoteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Add a note to a step (for one provider): a reference number, an agent's name.",
            discussion: "Refused while the full screen has the same incident open: quit it first, or use its n key.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        @Argument(help: ArgumentHelp("The step's id (lostphone guide shows them).", valueName: "step"),
                  completion: .custom(Completion.stepIDs))
        var step: String

        @Argument(help: ArgumentHelp("The note.", valueName: "text"))
        var text: String

        @OptionGroup var target: RecordOptions

        func run() throws {
            try target.recorder(common: common, which: which, step: step, commandName: "note").record { step, provider, happenedAt in [.note(step.id, text, provider: provider, happenedAt: happenedAt)] }
        }
    }

    /// Every incident kept, newest first.
    struct Incidents: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the incidents kept (id, started, lost at, resolved, progress).")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let store = common.store
            let list = store.list()
            if list.isEmpty {
                print("No incident has been recorded yet in \(store.directory). Run lostphone to start one.")
                return
            }
            let playbook = try common.loadPlaybook()
            let actionSteps = playbook.panes.filter { $0.kind == .actions }.flatMap(\.steps)
            print("id               started              lost at              resolved             events  settled")
            for summary in list {
                do {
                    let incident = try Journal.readIncident(path: summary.path, id: summary.id).get()
                    let settled = actionSteps.filter { incident.record($0.id).state.isSettled }.count
                    func col(_ t: Timestamp?) -> String { TextWidth.padded(t.map { TimeInput.display($0) } ?? "–", to: 20) }
                    print(TextWidth.padded(summary.id, to: 16) + " " + col(incident.startedAt) + " " + col(incident.lostAt) + " "
                          + col(incident.resolvedAt) + " " + TextWidth.padded("\(incident.events.count)", to: 7, alignRight: true)
                          + "  \(settled)/\(actionSteps.count)")
                } catch let error as JournalError {
                    print(TextWidth.padded(summary.id, to: 16) + " cannot be read: \(error.message)")
                } catch let error as IncidentError {
                    print(TextWidth.padded(summary.id, to: 16) + " cannot be read: \(error.message)")
                }
            }
        }
    }
}
