import Foundation
import Testing
@testable import LostphoneCore

/// The screen's memory in the preferences: kept per incident, given back only to that incident.
@Suite final class ScreenMemoryTests {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-memory-\(UUID().uuidString)").path
    deinit { try? FileManager.default.removeItem(atPath: directory) }

    static func incident(at text: String) -> Incident {
        let playbook = PlaybookLoader.builtin()
        return Incident.open(id: "20261124-210000", playbook: playbook, at: Timestamp(parsing: text)!).0
    }

    static func memory(of incident: Incident) -> ScreenMemory {
        ScreenMemory(incident: incident.id, opened: incident.startedAt.text, seq: 1, pane: "locate",
                     selected: ["locate": "erase"], top: [:], timelineEvent: 1, detailOpen: false, detailScroll: 0,
                     providers: ["erase": "apple"], groups: ["brand": "apple"])
    }

    @Test func aMemoryComesBackToItsIncident() {
        let preferences = Preferences(directory: directory)
        let incident = Self.incident(at: "2026-11-24T21:00:00.000+08:00")
        preferences.remember(Self.memory(of: incident))
        #expect(preferences.screen(for: incident) == Self.memory(of: incident))
    }

    /// The same id in another state directory (another journal, opened at another time).
    @Test func anotherIncidentOfTheSameIdGetsNothing() {
        let preferences = Preferences(directory: directory)
        preferences.remember(Self.memory(of: Self.incident(at: "2026-11-24T21:00:00.000+08:00")))
        #expect(preferences.screen(for: Self.incident(at: "2026-11-24T21:00:00.500+08:00")) == nil)
    }

    @Test func anUnreadableMemoryIsNone() throws {
        let preferences = Preferences(directory: directory)
        let incident = Self.incident(at: "2026-11-24T21:00:00.000+08:00")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: directory + "/screen-\(incident.id).json"))
        #expect(preferences.screen(for: incident) == nil)
    }
}
