import Foundation
import LostphoneCore

/// The report in each format, in process (building the report and rendering it).
func measureExport(_ scenario: Scenario, runs: Int, into figures: Figures) {
    for format in ReportFormat.allCases {
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<runs {
            let start = now()
            let text = format.render(Report(incident: scenario.incident, playbook: scenario.playbook, language: .en, generatedAt: incidentStart))
            times.append(milliseconds(from: start, to: now()))
            bytes = text.utf8.count
        }
        figures.report("export \(format.rawValue), \(scenario.label)", median(times), "ms", "\(bytes / 1024) KiB")
    }
}

/// `lostphone export --format json` as a person runs it: a whole process, with its peak memory.
func measureExportProcess(_ scenario: Scenario, files: ScenarioFiles, launcher: LostphoneLauncher, runs: Int, into figures: Figures) throws {
    var times: [Double] = [], rss = 0
    for _ in 0..<runs {
        let folder = try launcher.scratch.folder("export-run")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/incidents", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: files.journal, toPath: folder + "/incidents/\(incidentID).jsonl")
        let arguments = ["export", "--format", "json", "--force", "-o", folder + "/report.json", "--state-dir", folder + "/incidents"]
            + (files.playbook.map { ["--playbook", $0] } ?? [])
        let program = try PTYProgram(launcher.binary, arguments, environment: terminalEnvironment(folder), scratch: launcher.scratch.path)
        let peak = program.finish(quit: "", graceMs: 120_000)
        times.append(milliseconds(from: program.startedAt, to: now()))
        guard FileManager.default.fileExists(atPath: folder + "/report.json") else { throw BenchError("lostphone export wrote no report") }
        rss = max(rss, peak ?? 0)
    }
    figures.report("lostphone export --format json, a process, \(scenario.label)", median(times), "ms",
                   "peak memory \(Figures.format(Double(rss) / 1024)) MiB")
}
