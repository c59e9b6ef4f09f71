import ArgumentParser
import Foundation
import LostphoneCore

/// What `lostphone record` sets: a state, or `none` (the person has none of the step's providers).
enum RecordTarget: ExpressibleByArgument, Equatable {
    case state(StepState)
    case noneOfMine

    init?(argument: String) {
        if argument == "none" { self = .noneOfMine; return }
        guard let state = StepState(rawValue: argument) else { return nil }
        self = .state(state)
    }

    static var allValueStrings: [String] { StepState.allCases.map(\.rawValue) + ["none"] }

    /// The shells complete the states and `none`, as they did when the argument was a state.
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// Recording from the command line, for scripts, screen readers and a phone's SSH app: the same
/// rules (`RecordingRules`, in Core), events and journal as the full screen's keys, and the
/// same words, in the person's language.
struct CommandLineRecorder {
    var common: CommonOptions
    var incidentID: String?
    var stepID: String
    var providerID: String?
    var at: String?
    var commandName: String
    /// The person's confirmation of a step recorded before the steps it requires (`y` on screen).
    var anyway = false
    /// Whether a step with providers may go without `--provider` (`none` is about all of them).
    var providerOptional = false

    var words: Words { Words(common.language()) }

    /// Checks the step and provider against the playbook, opens the incident (locked), builds
    /// every event under the rules first (nothing is written unless all are allowed), then
    /// appends them, and keeps a prevention tip's state in the profile, as the screen does.
    func record(_ commands: (Step, ProviderID?, Timestamp?) -> [IncidentCommand]) throws {
        let w = words
        let playbook = try common.loadPlaybook()
        guard let step = playbook.step(StepID(stepID)) else {
            fail(w[.noSuchStep(Sanitize.brief(stepID, limit: 40), list: playbook.allSteps.map(\.id.rawValue).joined(separator: ", "))])
        }
        let named = namedProvider(step)
        let clock = SystemClock()
        let profiles = ProfileStore(environment: common.environment)
        let session = try IncidentSession.openForRecording(store: common.store, id: incidentID,
                                                           playbook: { playbook }, startNew: false, clock: clock,
                                                           profile: profiles, language: w.language)
        guard case .journal(let journal) = session.recording else { fail(w[.stateDirectoryUnwritable]) }
        if session.isNew {
            // Said, not silent: after `resolve`, a record starting a new incident surprised a tester.
            let earlier = common.store.list().map(\.id).filter { $0 != session.incident.id }.max()
            printError("lostphone \(commandName): " + w[.startedNewIncident(id: session.incident.id, resolved: earlier)])
        }
        for note in session.profileNotes { printError("lostphone: " + note) }
        if let repair = session.recovery { printError("lostphone: \(session.path): " + repair.text(w.language)) }
        defer { journal.close() }
        var incident = session.incident
        let provider = named ?? defaultProvider(step, playbook: playbook, incident: incident)
        let now = clock.now()
        var happenedAt: Timestamp? = nil
        if let at {
            guard let t = TimeInput.parse(at, now: now) else { fail(w[.badTime(Sanitize.brief(at, limit: 40))]) }
            if let problem = RecordingRules.happenedAtProblem(t, now: now, in: incident) { refuse(problem, playbook) }
            happenedAt = t
        }
        let rules = RecordingRules(playbook: playbook)
        var events: [Event] = []
        for command in commands(step, provider, happenedAt) {
            switch rules.event(for: command, in: incident, at: now, anyway: anyway) {
            case .success(let event):
                do { try incident.apply(event) } catch { fail(error.text(w, playbook: playbook, surface: .commandLine)) }
                events.append(event)
            case .failure(let refusal):
                refuse(refusal, playbook)
            }
        }
        for event in events {
            do {
                try journal.append(event)
            } catch {
                fail(error.text(w.language))
            }
        }
        for event in events {
            guard let tip = rules.tipToKeep(after: event, in: incident) else { continue }
            do {
                try profiles.keepTip(tip.step, doneAt: tip.doneAt, playbook: playbook, now: now)
            } catch {
                printError("lostphone \(commandName): " + w[.tipNotKept(error.text(w.language))])
            }
        }
        print(summary(events, step: step, provider: provider, incident: incident, happenedAt: happenedAt))
    }

    /// What was recorded, in one line a screen reader reads well.
    func summary(_ events: [Event], step: Step, provider: ProviderID?, incident: Incident, happenedAt: Timestamp?) -> String {
        let w = words
        let name = provider.flatMap { step.provider($0)?.name[w.language] }
        let target = "\(step.id)\(name.map { w.paren($0) } ?? "")"
        let when = happenedAt.map { w[.happenedAtTime($0.readable)] } ?? ""
        let record = incident.record(step.id)
        if events.contains(where: { $0.kind == .noneOfMine }) {
            // After one of theirs it says "no other", as the screen, status and reports do.
            if record.saidNoOther {
                return w[.noOtherRecorded(incident: incident.id, step: step.title[w.language],
                                          said: w[.prompt(.noOtherOfMine(group: step.group))])]
            }
            return w[.noneOfMineRecorded(incident: incident.id, step: step.title[w.language])]
        }
        if events.allSatisfy({ $0.kind == .note }) {
            // `due` adds and closes items with notes: said as what they are, not as a note.
            let said: RecordingWord
            if let key = events.lazy.compactMap(\.closes).first {
                said = .dueClosedIn(incident: incident.id, what: target + when, key: key)
            } else if let due = events.lazy.compactMap(\.due).first {
                said = .dueAddedIn(incident: incident.id, what: target + when, due: due.readable)
            } else {
                said = .notedIn(incident: incident.id, what: target + when)
            }
            return w[said] + (w.language == .zh ? "。" : ".")
        }
        // The retry time with its date: `--retry 08:00` typed after 08:00 is tomorrow's.
        let retry = events.lazy.filter { $0.kind == .move }.compactMap(\.due).first.map { w[.retryAt($0.readable)] } ?? ""
        return w[.recordedIn(incident: incident.id, what: target, state: w.name(record.provider(provider).state))] + when
            + (step.providers.isEmpty ? "" : w[.stepNow(w.name(record.state))]) + retry + (w.language == .zh ? "。" : ".")
    }

    /// Without `--provider` on a step with providers, the person's own when the incident knows
    /// it (one of theirs here, or theirs in the same group), else a refusal naming the choices:
    /// nothing is ever recorded for a provider the person did not name or choose.
    func defaultProvider(_ step: Step, playbook: Playbook, incident: Incident) -> ProviderID? {
        if step.providers.isEmpty || providerOptional { return nil }
        let yours = WhatNow.yourProviders(of: step, in: playbook, incident)
        if yours.count == 1 { return yours[0].id }
        fail(words[.nameProvider(step: step.id.rawValue, ids: step.providers.map(\.id.rawValue).joined(separator: ", "))])
    }

    /// The provider given with `--provider`, checked against the step before anything is opened.
    func namedProvider(_ step: Step) -> ProviderID? {
        let w = words
        let ids = step.providers.map(\.id.rawValue)
        guard let providerID else { return nil }
        if ids.isEmpty { fail(w[.noProviders(step: step.id.rawValue)]) }
        guard ids.contains(providerID) else {
            fail(w[.noSuchProvider(step: step.id.rawValue, id: Sanitize.brief(providerID, limit: 40), ids: ids.joined(separator: ", "))])
        }
        return ProviderID(providerID)
    }

    func refuse(_ refusal: RecordingRefusal, _ playbook: Playbook) -> Never {
        let w = words
        fail(w.sentences(refusal.text(w, playbook: playbook, surface: .commandLine), w[.nothingRecorded]))
    }

    func fail(_ message: String) -> Never {
        printError("lostphone \(commandName): \(message)")
        Lostphone.exit(withError: ExitCode(1))
    }
}

/// `--provider` and `--at`, which `record` and `note` share.
struct RecordOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The provider (bank, carrier, brand) it is about; on a step with providers, needed unless the incident already says which is yours.", valueName: "id"),
            completion: .custom(Completion.providerIDs))
    var provider: String?

    // Unconditional: `-20m` is a value here, not an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("When it happened, if earlier: 14:35 (a clock time later than now is that time yesterday), 2026-12-03 14:35 or -20m. Not before the phone was lost; a new state not before the one it leaves began.", valueName: "time"))
    var at: String?

    func recorder(common: CommonOptions, which: IncidentOption, step: String, commandName: String) -> CommandLineRecorder {
        CommandLineRecorder(common: common, incidentID: which.incident, stepID: step, providerID: provider, at: at, commandName: commandName)
    }
}

extension Lostphone {
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a step's state (for one provider), as the full screen's keys do.",
            discussion: """
            The same rules as the full screen: a step recorded before the steps it requires (erase \
            before the police report and the insurance claim) is refused with the reason, and \
            recorded with --anyway (the screen's y). `none` says you have none of the step's \
            providers (no lending platform): the step is settled and the report says so. \
            Refused while the full screen has the same incident open: quit it first, or use its keys.
            """)

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        @Argument(help: ArgumentHelp("The step's id (lostphone guide --ids lists every step and provider id).", valueName: "step"),
                  completion: .custom(Completion.stepIDs))
        var step: String

        @Argument(help: ArgumentHelp("pending, inProgress, done, blocked or skipped; or none: you have none of the step's providers.", valueName: "state"))
        var state: RecordTarget

        @OptionGroup var target: RecordOptions

        @Option(help: ArgumentHelp("A note to add with it (reference number, agent's name).", valueName: "text"))
        var note: String?

        @Flag(help: "Record it even though the steps it requires are not settled yet (as y does on the screen).")
        var anyway = false

        @Option(parsing: .unconditional, help: ArgumentHelp("With blocked: when to try again (\(DueInput.forms)); lostphone due lists it.", valueName: "time"))
        var retry: String?

        func validate() throws {
            if retry != nil && state != .state(.blocked) { throw ValidationError("--retry goes with blocked") }
        }

        func run() throws {
            var recorder = target.recorder(common: common, which: which, step: step, commandName: "record")
            recorder.anyway = anyway
            recorder.providerOptional = state == .noneOfMine
            var retryAt: Timestamp? = nil
            if let retry {
                guard let t = DueInput.parse(retry, now: SystemClock().now()) else {
                    recorder.fail(recorder.words[.badDue(Sanitize.brief(retry, limit: 40), forms: DueInput.forms)])
                }
                retryAt = t
            }
            try recorder.record { step, provider, happenedAt in
                let main: IncidentCommand = switch state {
                case .state(let s): .move(step.id, to: s, provider: provider, happenedAt: happenedAt, retry: retryAt)
                case .noneOfMine: .noneOfMine(step.id)
                }
                return [main] + (note.map { [.note(step.id, $0, provider: provider, happenedAt: happenedAt)] } ?? [])
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

        @Argument(help: ArgumentHelp("The step's id (lostphone guide --ids lists every step and provider id).", valueName: "step"),
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
            let w = Words(common.language())
            let list = store.list()
            if list.isEmpty {
                let none = w[.noIncidentYet(directory: store.directory)]
                print(none.prefix(1).uppercased() + none.dropFirst())
                return
            }
            let playbook = try common.loadPlaybook()
            let actionSteps = playbook.panes.filter { $0.kind == .actions }.flatMap(\.steps)
            func heading(_ word: IncidentWord, _ width: Int) -> String { TextWidth.padded(w[word], to: width) }
            print(heading(.columnID, 16) + " " + heading(.columnStarted, 20) + " " + heading(.columnLostAt, 20) + " "
                  + heading(.columnResolved, 20) + " " + TextWidth.padded(w[.columnEvents], to: 7, alignRight: true) + "  " + w[.columnSettled])
            for summary in list {
                do {
                    let (read, tear) = try Journal.readIncidentNotingTear(path: summary.path, id: summary.id)
                    let incident = try read.get()
                    // Its events counted without a torn last line: said on standard error.
                    if let tear { printError("lostphone: " + tear.text(in: w.language)) }
                    let settled = actionSteps.filter { incident.record($0.id).state.isSettled }.count
                    func col(_ t: Timestamp?) -> String { TextWidth.padded(t.map { TimeInput.display($0) } ?? "–", to: 20) }
                    print(TextWidth.padded(summary.id, to: 16) + " " + col(incident.startedAt) + " " + col(incident.lostAt) + " "
                          + col(incident.resolvedAt) + " " + TextWidth.padded("\(incident.events.count)", to: 7, alignRight: true)
                          + "  \(settled)/\(actionSteps.count)")
                } catch let error as JournalError {
                    print(TextWidth.padded(summary.id, to: 16) + " " + w[.cannotBeRead(error.problem.text(in: w.language))])
                } catch let error as IncidentError {
                    print(TextWidth.padded(summary.id, to: 16) + " " + w[.cannotBeRead(error.text(w, playbook: playbook, surface: .commandLine))])
                }
            }
        }
    }
}
