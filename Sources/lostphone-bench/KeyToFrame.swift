import Foundation
import LostphoneCore
import LostphoneTUI

/// Median nanoseconds from a key to the diff of the new frame against the last (update, render
/// and canvas diff, in process), for `keys` pressed in turn after `setup`. A recorded action
/// goes the runtime's way: event, apply, render.
func keyToFrame(_ scenario: Scenario, width: Int, height: Int, keys: [Key], rounds: Int, setup: [Key] = []) -> Double {
    var state = AppState(playbook: scenario.playbook, incident: scenario.incident, language: .en, theme: ThemeLoader.builtinDefault,
                         width: width, height: height, now: incidentStart)
    for key in setup { _ = Update.handle(key, in: &state) }
    var previous = Screen.render(state)
    var times: [Double] = []
    times.reserveCapacity(rounds)
    var clock = incidentStart.date.addingTimeInterval(1_000_000)
    var sink = 0
    for i in 0..<rounds {
        let key = keys[i % keys.count]
        let start = now()
        for effect in Update.handle(key, in: &state) {
            if case .record(let command) = effect {
                clock.addTimeInterval(1)
                if let event = try? state.incident.event(for: command, at: Timestamp(clock)) {
                    _ = Update.apply(.recorded(event), to: &state)
                }
            }
        }
        let frame = Screen.render(state)
        sink &+= frame.changedRuns(from: previous).count
        previous = frame
        times.append(Double(now() - start))
    }
    if sink < 0 { print(sink) }
    return median(times)
}

/// Key-to-frame for navigation and for a recorded action at 80x24 and 200x60, and in the
/// timeline for an incident of many events.
func measureKeyToFrame(_ scenario: Scenario, rounds: Int, into figures: Figures) {
    let navigation: [Key] = [.down, .down, .up, .char("j"), .char("k"), .tab, .backTab]
    let actions: [Key] = [.char("s"), .char("r")]
    let timeline: [Key] = [.char("j"), .char("j"), .char("k"), .pageUp, .pageDown, .end]
    for (w, h) in [(80, 24), (200, 60)] {
        let n = keyToFrame(scenario, width: w, height: h, keys: navigation, rounds: rounds) / 1e6
        figures.report("key-to-frame, navigation, \(scenario.label), \(w)x\(h)", n, "ms", target(n, below: 1, when: scenario.realistic))
        // → ← first: the shown provider is then chosen, so s and r record at once.
        let a = keyToFrame(scenario, width: w, height: h, keys: actions, rounds: rounds / 2, setup: [.right, .left]) / 1e6
        figures.report("key-to-frame, recorded action, \(scenario.label), \(w)x\(h)", a, "ms", target(a, below: 1, when: scenario.realistic))
        if scenario.events >= 1000, scenario.playbook.panes.count < 9 {
            let timelineTab = Character(String(scenario.playbook.panes.count + 1))
            let t = keyToFrame(scenario, width: w, height: h, keys: timeline, rounds: rounds, setup: [.char(timelineTab), .home]) / 1e6
            figures.report("key-to-frame, timeline, \(scenario.label), \(w)x\(h)", t, "ms", target(t, below: 1, when: scenario.realistic))
        }
    }
}

/// "target < 1 ms: met" (or missed) for a figure a target applies to; "" otherwise.
func target(_ value: Double, below limit: Double, when applies: Bool = true, unit: String = "ms") -> String {
    guard applies else { return "" }
    let shown = limit == limit.rounded() ? String(Int(limit)) : String(limit)
    return "target < \(shown) \(unit): \(value < limit ? "met" : "missed")"
}
