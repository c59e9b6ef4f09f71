import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// Marks the latest incident resolved: its report then says when, and the next `lostphone`
    /// starts a new incident.
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark the latest incident (or --incident) resolved (the next run starts a new one).")

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        func run() throws {
            let store = common.store
            let w = Words(common.language())
            let summary: IncidentSummary
            if let id = which.incident {
                summary = try IncidentSession.summary(id, in: store)
            } else if let newest = store.list().first {
                summary = newest
            } else {
                printError("lostphone resolve: " + w[.noIncidentYet(directory: store.directory)])
                throw ExitCode(1)
            }
            do {
                let (journal, replayed, _) = try Journal.openIncident(path: summary.path, id: summary.id)
                defer { journal.close() }
                let incident = try replayed.get()
                let event = try incident.event(for: .resolve, at: SystemClock().now())
                try journal.append(event)
                print(w[.resolvedNow(summary.id, at: event.at.readable)])
            } catch let error as JournalError {
                printError("lostphone resolve: " + error.text(w.language))
                throw ExitCode(1)
            } catch let error as IncidentError {
                printError("lostphone resolve: \(summary.path): " + error.text(w, playbook: nil, surface: .commandLine))
                throw ExitCode(1)
            }
        }
    }
}
