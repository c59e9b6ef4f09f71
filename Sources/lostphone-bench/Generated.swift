import Foundation
import LostphoneCore

/// The time the generated incidents start at.
let incidentStart = Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!
/// The id of every generated incident, and so its journal's file name.
let incidentID = "20261124-210000"

/// A playbook and an incident of one size, as the program reads them and as they are in memory.
struct Scenario {
    /// How the tables name it: "built-in, 40 events".
    var label: String
    var playbook: Playbook
    /// The playbook file's text; nil for the built-in playbook (no `--playbook`).
    var playbookYAML: String?
    /// The journal, as JSON Lines.
    var journal: String
    var incident: Incident
    var events: Int
    /// Text on the first frame, so a start is timed to its frame and not to its first byte.
    var marker: String
    /// A size people have (the targets apply) rather than one that must merely still work.
    var realistic: Bool

    /// Generates the playbook (unless built-in) and `events` events over its steps.
    static func make(label: String, steps: Int?, events: Int, realistic: Bool) throws -> Scenario {
        let playbook: Playbook
        var yaml: String? = nil
        if let steps {
            let text = generatedPlaybookYAML(steps: steps)
            switch PlaybookLoader.load(yaml: text, file: "generated.yaml") {
            case .success(let p): playbook = p
            case .failure(let e):
                throw BenchError("the generated playbook of \(steps) steps does not load:\n"
                                 + e.problems.prefix(5).map(\.description).joined(separator: "\n"))
            }
            yaml = text
        } else {
            playbook = PlaybookLoader.builtin()
        }
        let (journal, incident) = try generatedJournal(playbook, events: events)
        return Scenario(label: label, playbook: playbook, playbookYAML: yaml, journal: journal, incident: incident,
                        events: events, marker: steps == nil ? "Urgent" : "Pane 0", realistic: realistic)
    }
}

/// A failure to set the benchmark up, with what went wrong.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A playbook of `count` steps in three panes (two of actions, one of tips), each step with two
/// providers, in both languages: the shape of the built-in playbook, larger.
func generatedPlaybookYAML(steps count: Int) -> String {
    var y = "id: generated\nversion: 1\nlanguages: [zh, en]\ntitle: {zh: 大型测试, en: Large test}\n"
    y += "source: {publisher: {zh: 基准, en: Benchmark}}\npanes:\n"
    let perPane = count / 3
    for p in 0..<3 {
        let kind = p == 2 ? "tips" : "actions"
        y += "  - id: pane-\(p)\n    kind: \(kind)\n    title: {zh: 面板\(p), en: Pane \(p)}\n    steps:\n"
        let n = p == 2 ? count - 2 * perPane : perPane
        for s in 0..<n {
            y += "      - id: s\(p)-\(s)\n        title: {zh: 第\(s)步 冻结账户, en: Step \(s) freeze the account}\n"
            if kind == "actions" { y += "        priority: \(s % 9 + 1)\n" }
            y += "        why: {zh: 防止资金损失。, en: So nobody can take the money.}\n"
            y += "        providers:\n"
            for v in 0..<2 {
                y += "          - id: v\(v)\n            name: {zh: 机构\(v), en: Provider \(v)}\n"
                y += "            contacts: [{phone: \"9\(5000 + v)\", press: \"9\"}]\n"
            }
        }
    }
    return y
}

/// `count` valid events over the playbook's steps (opened first): moves, notes and undos, one
/// a second, from a fixed seed. Returns the journal's text and the incident it replays to.
func generatedJournal(_ playbook: Playbook, events count: Int) throws -> (String, Incident) {
    var (incident, first) = Incident.open(id: incidentID, playbook: playbook, at: incidentStart)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var out = String(decoding: try encoder.encode(first), as: UTF8.self) + "\n"
    let steps = playbook.allSteps
    let zone = TimeZone(secondsFromGMT: 8 * 3600)!
    var rng: UInt64 = 42
    for n in 1..<count {
        rng = rng &* 6364136223846793005 &+ 1442695040888963407
        let step = steps[Int(rng >> 33) % steps.count]
        let at = Timestamp(incidentStart.date.addingTimeInterval(Double(n)), timeZone: zone)
        let command: IncidentCommand
        switch (rng >> 20) % 10 {
        case 0 where incident.lastUndoableEvent != nil: command = .undo
        case 1, 2: command = .note(step.id, "ref \(n)", provider: step.providers.first?.id)
        default:
            let targets = StepState.allCases.filter { incident.record(step.id).state.canMove(to: $0) }
            command = .move(step.id, to: targets[Int(rng >> 40) % targets.count], provider: step.providers.first?.id)
        }
        let event = try incident.event(for: command, at: at)
        try incident.apply(event)
        out += String(decoding: try encoder.encode(event), as: UTF8.self) + "\n"
    }
    return (out, incident)
}

/// The benchmark's own folder under the system's temporary one, removed at the end.
struct Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "lostphone-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A new empty folder inside, for one use.
    func folder(_ name: String) throws -> String {
        let folder = path + "/" + name
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
