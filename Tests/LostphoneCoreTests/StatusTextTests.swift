import Foundation
import LostphoneCore
import Testing

/// `lostphone status` counts time as the screen does.
@Suite struct StatusTextTests {
    static let start = Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!

    func status(lostAt: Timestamp?) throws -> String {
        let playbook = PlaybookLoader.builtin()
        var (incident, _) = Incident.open(id: "s", playbook: playbook, at: Self.start)
        if let lostAt {
            let event = try incident.event(for: .details(lostAt: lostAt, device: DeviceDetails()), at: Self.start)
            try incident.apply(event)
        }
        let now = Timestamp(Self.start.date.addingTimeInterval(600), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        return StatusText.render(incident, playbook: playbook, language: .en, now: now, journalPath: "j")
    }

    @Test func elapsedTimeCountsFromTheLossWhenItsTimeIsKnown() throws {
        let lost = Timestamp(parsing: "2026-11-24T20:30:00.000+08:00")!
        #expect(try status(lostAt: lost).contains("Since loss 0:40:00"))
    }

    @Test func elapsedTimeCountsFromTheStartOtherwise() throws {
        #expect(try status(lostAt: nil).contains("Elapsed 0:10:00"))
    }
}
