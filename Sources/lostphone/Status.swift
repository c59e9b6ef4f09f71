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

        @Flag(help: "Print the report as JSON (the same as export --format json -o -).")
        var json = false

        func run() throws {
            let playbook = try common.loadPlaybook()
            let (incident, path) = try IncidentSession.read(store: common.store, id: which.incident, language: common.language())
            if json {
                let report = Report(incident: incident, playbook: playbook, language: common.language(), generatedAt: SystemClock().now())
                print(ReportFormat.json.render(report), terminator: "")
                return
            }
            print(StatusText.render(incident, playbook: playbook, language: common.language(),
                                    now: SystemClock().now(), journalPath: path), terminator: "")
        }
    }
}
