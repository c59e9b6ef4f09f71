import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// A one-screen text summary of the newest incident, readable without the full screen.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what has been recorded so far (the latest incident, or --incident), as plain text.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        func run() throws {
            let playbook = try common.loadPlaybook()
            let (incident, path) = try IncidentSession.read(store: common.store, id: which.incident)
            print(StatusText.render(incident, playbook: playbook, language: common.language(),
                                    now: SystemClock().now(), journalPath: path), terminator: "")
        }
    }
}
