import Foundation
import LostphoneCore
@testable import LostphoneTUI

/// A fixed moment, in a fixed zone, so screens and journals do not depend on when tests run.
let t0 = Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!

/// A timestamp `seconds` after t0, written in +08:00.
func at(_ seconds: Double) -> Timestamp {
    Timestamp(t0.date.addingTimeInterval(seconds), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
}

/// The app without a terminal or a disk: keys go through the real keymap and update; a record
/// effect is turned into an event and applied, as the runtime does after the journal append.
struct Driver {
    var state: AppState
    var clock: Double = 60
    var effects: [Effect] = []

    init(width: Int = 80, height: Int = 24, language: Language = .en, playbook: Playbook = PlaybookLoader.builtin()) {
        let (incident, _) = Incident.open(id: "test", playbook: playbook, at: t0)
        state = AppState(playbook: playbook, incident: incident, language: language, theme: Theme.fallback,
                         width: width, height: height, now: at(0))
    }

    mutating func press(_ keys: Key...) {
        for k in keys {
            let out = Update.handle(k, in: &state)
            perform(out)
        }
    }

    mutating func type(_ text: String) {
        for c in text { press(.char(c)) }
    }

    mutating func send(_ action: Action) {
        perform(Update.apply(action, to: &state))
    }

    private mutating func perform(_ out: [Effect]) {
        for e in out {
            effects.append(e)
            if case .record(let command) = e {
                clock += 1
                do {
                    let event = try state.incident.event(for: command, at: at(clock))
                    _ = Update.apply(.recorded(event), to: &state)
                } catch {
                    _ = Update.apply(.refused(error.message), to: &state)
                }
            }
        }
    }

    var screen: String { Screen.render(state).text }

    func record(_ id: StepID) -> StepRecord { state.incident.record(id) }
}

/// Compares a rendered screen with its golden file in `Snapshots/`. With `UPDATE_SNAPSHOTS=1`
/// the file is (re)written instead, to be reviewed like code.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = dir.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] != nil {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? (text + "\n").write(to: file, atomically: false, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(file.path); run with UPDATE_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    let expected = golden.hasSuffix("\n") ? String(golden.dropLast()) : golden
    if expected != text {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        var diff = ""
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>"
            let al = i < a.count ? String(a[i]) : "<none>"
            if el != al { diff += "line \(i + 1):\n  expected: \(el)\n  actual:   \(al)\n" }
        }
        Issue.record("snapshot \(name) differs:\n\(diff)", sourceLocation: sourceLocation)
    }
}

import Testing
