import ArgumentParser
import Foundation
import LostphoneCore
import LostphoneTUI

extension ReportFormat: ExpressibleByArgument {}

extension Lostphone {
    /// Writes the report of the latest incident.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a report of the latest incident (or --incident) for the police, the bank or the insurer.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        @Option(help: ArgumentHelp("md, json, txt or html (printable, A4).", valueName: "format"))
        var format: ReportFormat = .md

        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write; - for standard output. Default: lostphone-report-<incident>.<format> in the current directory.", valueName: "file"),
                completion: .file())
        var output: String?

        @Flag(help: "Replace the output file if it exists.")
        var force = false

        func run() throws {
            let playbook = try common.loadPlaybook()
            let (incident, _) = try IncidentSession.read(store: common.store, id: which.incident, language: common.language())
            let report = Report(incident: incident, playbook: playbook, language: common.language(), generatedAt: SystemClock().now())
            let content = format.render(report)
            if output == "-" {
                FileHandle.standardOutput.write(Data(content.utf8))
                return
            }
            let path = output ?? ReportWriter.defaultFileName(incident: incident, format: format)
            do {
                try ReportWriter.write(content, to: path, force: force)
            } catch {
                printError("lostphone export: \(error.message)")
                throw ExitCode(1)
            }
            printError("Report written to \(path) (readable only by you).")
        }
    }
}

extension ReportWriter {
    /// The export key in the program: writes Markdown to the working directory (the state
    /// directory when that is not writable), replacing this incident's earlier export.
    static func exportFromApp(incident: Incident, playbook: Playbook, language: Language,
                              stateDirectory: String) -> Result<String, ExportFailure> {
        let report = Report(incident: incident, playbook: playbook, language: language, generatedAt: SystemClock().now())
        let content = ReportFormat.md.render(report)
        let name = defaultFileName(incident: incident, format: .md)
        let cwd = FileManager.default.currentDirectoryPath
        var firstError = ""
        for dir in [cwd, stateDirectory] {
            // An earlier report is kept: this one takes the next free name, which the screen shows.
            let path = freePath(for: name, in: dir)
            do {
                try write(content, to: path, force: false)
                return .success(path)
            } catch {
                if firstError.isEmpty { firstError = error.message }
            }
        }
        return .failure(ExportFailure(firstError))
    }
}
