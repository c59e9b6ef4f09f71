import Foundation
import LostphoneCore
import Yams

/// What a start reads, in process: the playbook from YAML (and how much of that is Yams), the
/// journal read and replayed, and `Journal.openIncident` as the full screen calls it.
func measureLoading(_ scenario: Scenario, files: ScenarioFiles, runs: Int, into figures: Figures) throws {
    let yaml = scenario.playbookYAML ?? BuiltinResources.playbookYAML
    var load: [Double] = [], compose: [Double] = []
    for _ in 0..<runs {
        var start = now()
        _ = PlaybookLoader.load(yaml: yaml, file: "bench.yaml")
        load.append(milliseconds(from: start, to: now()))
        start = now()
        _ = try? Yams.compose(yaml: yaml, .basic)   // as YAMLReader does
        compose.append(milliseconds(from: start, to: now()))
    }
    let steps = scenario.playbookYAML == nil ? "built-in playbook" : "\(scenario.playbook.allSteps.count) steps"
    figures.report("playbook load (Yams + validation), \(steps)", median(load), "ms", "Yams.compose alone \(Figures.format(median(compose))) ms")

    var replay: [Double] = [], open: [Double] = []
    for _ in 0..<runs {
        var start = now()
        let events = try Journal.read(path: files.journal)
        let incident = try Incident.replay(events, id: incidentID)
        replay.append(milliseconds(from: start, to: now()))
        guard incident == scenario.incident else { throw BenchError("the replayed journal differs from the generated incident") }
        start = now()
        let (journal, opened, _) = try Journal.openIncident(path: files.journal, id: incidentID)
        open.append(milliseconds(from: start, to: now()))
        journal.close()
        guard (try? opened.get()) == scenario.incident else { throw BenchError("the opened journal differs from the generated incident") }
    }
    figures.report("journal read + replay, \(scenario.events) events", median(replay), "ms")
    figures.report("Journal.openIncident (lock, read, replay), \(scenario.events) events", median(open), "ms")
}

/// Start to first frame of the real binary on a terminal, and its peak memory, over `runs`
/// starts that quit at once.
func measureStartUp(_ scenario: Scenario, files: ScenarioFiles, launcher: LostphoneLauncher, runs: Int, into figures: Figures) throws {
    var frames: [Double] = [], firstBytes: [Double] = [], rss = 0
    for _ in 0..<runs {
        let s = try launcher.session(scenario, files: files, phases: [])
        frames.append(s.firstFrameMs)
        firstBytes.append(s.firstByteMs)
        rss = max(rss, s.rssKiB ?? 0)
    }
    let frame = median(frames)
    figures.report("start to first frame, \(scenario.label)", frame, "ms", "first byte \(Figures.format(median(firstBytes))) ms; starts: \(runs)")
    let mib = Double(rss) / 1024
    figures.report("peak memory (max RSS), \(scenario.label)", mib, "MiB",
                   scenario.playbookYAML == nil ? target(mib, below: 20, unit: "MiB") : "")
}
