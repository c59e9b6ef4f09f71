import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// The incident's details from the command line, as `i` sets them on the screen: when the
    /// phone was lost, whose it is, its number, model and IMEI, the insurer and policy. Checked by
    /// the same rules (`DeviceField.accept`, `RecordingRules.lostAtProblem`) and recorded as the
    /// same `details` event.
    struct Details: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set the incident's details: lost-at time, owner, number, model, IMEI, insurer, policy.",
            discussion: """
            Without options, prints them. Each option given replaces that detail; an empty one \
            (--imei "") removes it; the others are kept. The IMEI's check digit must hold. \
            Refused while the full screen has the same incident open: quit it first, or use its i key.
            """)

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        // Unconditional: `-2h` is a value here, not an option.
        @Option(name: .customLong("lost-at"), parsing: .unconditional,
                help: ArgumentHelp("When the phone was lost: 14:30 (a clock time later than now is that time yesterday), 2026-12-03 14:30 or -2h. Not after the first step recorded.", valueName: "time"))
        var lostAt: String?

        @Option(help: ArgumentHelp("The owner's name.", valueName: "name"))
        var owner: String?

        @Option(help: ArgumentHelp("The lost phone's own number.", valueName: "number"))
        var number: String?

        @Option(help: ArgumentHelp("The phone's model (iPhone 15, Mate 60).", valueName: "model"))
        var model: String?

        @Option(help: ArgumentHelp("The phone's IMEI: 15 digits, the last a check digit (on the box, the receipt, the carrier's account).", valueName: "digits"))
        var imei: String?

        @Option(help: ArgumentHelp("Who insures the phone.", valueName: "name"))
        var insurer: String?

        @Option(help: ArgumentHelp("The insurance policy's number.", valueName: "number"))
        var policy: String?

        var given: [DeviceField: String] {
            var out: [DeviceField: String] = [:]
            out[.owner] = owner; out[.number] = number; out[.model] = model
            out[.imei] = imei; out[.insurer] = insurer; out[.policy] = policy
            return out
        }

        func run() throws {
            let w = Words(common.language())
            guard lostAt != nil || !given.isEmpty else { return try show(w) }
            let playbook = try common.loadPlaybook()
            let clock = SystemClock()
            let session = try IncidentSession.openForRecording(store: common.store, id: which.incident,
                                                               playbook: { playbook }, startNew: false, clock: clock,
                                                               profile: ProfileStore(environment: common.environment), language: w.language)
            guard case .journal(let journal) = session.recording else { fail(w[.stateDirectoryUnwritable], w) }
            defer { journal.close() }
            for note in session.profileNotes { printError("lostphone: " + note) }
            var incident = session.incident
            let now = clock.now()
            var lost = incident.lostAt
            if let lostAt {
                if lostAt.trimmingWhitespace().isEmpty {
                    lost = nil
                } else {
                    guard let t = TimeInput.parse(lostAt, now: now) else { fail(w[.badTime(Sanitize.brief(lostAt, limit: 40))], w) }
                    if let problem = RecordingRules(playbook: playbook).lostAtProblem(t, now: now, in: incident) {
                        fail(w.sentences(problem.text(w, playbook: playbook, surface: .commandLine), w[.nothingRecorded]), w)
                    }
                    lost = t
                }
            }
            var device = incident.device
            var problems: [String] = []
            for field in DeviceField.incidentFields {
                guard let text = given[field] else { continue }
                switch field.accept(text) {
                case .success(let kept): field.set(kept, in: &device)
                case .failure(let problem): problems.append(problem.text(w))
                }
            }
            if !problems.isEmpty { fail(w.sentences(problems.joined(separator: " "), w[.nothingRecorded]), w) }
            if lost == incident.lostAt && device == incident.device {
                print(w[.detailsUnchanged])
                return
            }
            switch RecordingRules(playbook: playbook).event(for: .details(lostAt: lost, device: device), in: incident, at: now) {
            case .success(let event):
                do {
                    try journal.append(event)
                    try incident.apply(event)
                } catch let error as JournalError {
                    fail(error.text(w.language), w)
                } catch let error as IncidentError {
                    fail(error.text(w, playbook: playbook, surface: .commandLine), w)
                }
            case .failure(let refusal):
                fail(w.sentences(refusal.text(w, playbook: playbook, surface: .commandLine), w[.nothingRecorded]), w)
            }
            print(w[.detailsSaved(incident: incident.id)])
            print(Self.lines(incident, w).joined(separator: "\n"))
        }

        /// The details of the incident, read without the lock (they can be shown while the full
        /// screen is open).
        func show(_ w: Words) throws {
            let (incident, _) = try IncidentSession.read(store: common.store, id: which.incident, language: w.language)
            if incident.lostAt == nil && incident.device.isEmpty {
                print(w[.detailsNone(incident: incident.id)])
                return
            }
            print(Self.lines(incident, w).joined(separator: "\n"))
        }

        /// One line per detail that is known, labelled: plain lines a screen reader reads well.
        static func lines(_ incident: Incident, _ w: Words) -> [String] {
            var out: [String] = []
            if let lost = incident.lostAt { out.append(w.label(.lostAt) + TimeInput.display(lost)) }
            for field in DeviceField.incidentFields {
                guard let value = field.value(in: incident.device) else { continue }
                let name = field.name(w)
                out.append(name.prefix(1).uppercased() + name.dropFirst() + w.colon + value)
            }
            return out
        }

        func fail(_ message: String, _ w: Words) -> Never {
            printError("lostphone details: \(message)")
            Lostphone.exit(withError: ExitCode(1))
        }
    }
}
