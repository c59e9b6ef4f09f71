import ArgumentParser
import Foundation
import LostphoneCore
import LostphoneTUI

extension ReportFormat: ExpressibleByArgument {}
extension ReportAudience: ExpressibleByArgument {}
extension ReportPaper: ExpressibleByArgument {}

extension Lostphone {
    /// Writes the report of the latest incident.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a report of the latest incident (or --incident) for the police, the bank or the insurer.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        @Option(help: ArgumentHelp("md, json, txt, html (printable: A4, or --paper letter) or ics (what is due, for a calendar).", valueName: "format"))
        var format: ReportFormat = .md

        @Option(name: .customLong("for"), help: ArgumentHelp("Cut the report to what one reader needs, on one page: police (the phone, owner, when lost, what was done when), bank (the cards frozen, when, with your notes) or insurer (the policy, IMEI, police report and timeline). Default: the full report. md, txt and html only.", valueName: "reader"))
        var audience: ReportAudience?

        @Option(help: ArgumentHelp("The paper the html report is laid out for: a4 or letter.", valueName: "paper"))
        var paper: ReportPaper = .a4

        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write; - for standard output. Default: lostphone-report-<incident>[-<reader>].<format> in the current directory.", valueName: "file"),
                completion: .file())
        var output: String?

        @Flag(help: "Replace the output file if it exists.")
        var force = false

        func validate() throws {
            if let audience, format == .json {
                throw ValidationError("--for \(audience.rawValue) cuts the md, txt and html reports; JSON always holds the whole incident. Drop --for, or choose --format md, txt or html.")
            }
            if let audience, format == .ics {
                throw ValidationError("--for \(audience.rawValue) cuts the md, txt and html reports; the calendar file holds only what is due. Drop --for.")
            }
        }

        func run() throws {
            let playbook = try common.loadPlaybook()
            let (incident, _) = try IncidentSession.read(store: common.store, id: which.incident, language: common.language())
            var report = Report(incident: incident, playbook: playbook, language: common.language(), generatedAt: SystemClock().now(),
                                audience: audience)
            report.paper = paper
            let content = format.render(report)
            if output == "-" {
                FileHandle.standardOutput.write(Data(content.utf8))
                return
            }
            let path = output ?? ReportWriter.defaultFileName(incident: incident, format: format, audience: audience)
            do {
                try ReportWriter.write(content, to: path, force: force)
            } catch {
                printError("lostphone export: " + error.text(common.language()))
                throw ExitCode(1)
            }
            printError(FileCheckWord.reportWritten(path: path).text(in: common.language()))
        }
    }
}

extension ReportWriter {
    /// The export key in the program: writes Markdown into the state directory's `reports`
    /// folder (made private, 0700, when missing), never into the folder the program was
    /// started from, and never over an earlier report: a second export takes the next free
    /// name. Returns the full path, which the screen shows. `audience` cuts it for one reader,
    /// as `export --for` does (nil: the full report).
    static func exportFromApp(incident: Incident, playbook: Playbook, language: Language,
                              stateDirectory: String, audience: ReportAudience? = nil) -> Result<String, ExportFailure> {
        let report = Report(incident: incident, playbook: playbook, language: language, generatedAt: SystemClock().now(),
                            audience: audience)
        let content = ReportFormat.md.render(report)
        let name = defaultFileName(incident: incident, format: .md, audience: audience)
        let directory = reportsDirectory(stateDirectory: stateDirectory)
        do {
            try PrivateDirectory.prepare(directory)
        } catch {
            return .failure(ExportFailure(error.text(language)))
        }
        let path = freePath(for: name, in: directory)
        do {
            try write(content, to: path, force: false)
            return .success(path)
        } catch {
            return .failure(ExportFailure(error.text(language)))
        }
    }

    /// `<state directory>/reports`: where `e` writes (`$XDG_STATE_HOME/lostphone/reports`).
    static func reportsDirectory(stateDirectory: String) -> String {
        (stateDirectory as NSString).appendingPathComponent("reports")
    }
}
