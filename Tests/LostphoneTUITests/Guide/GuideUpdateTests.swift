import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// The guide's update as a pure function: a state and an action in, the new state and the
/// effects out, with no terminal, runtime or journal (as `PrepareUpdate`'s tests do for the form).
@Suite struct GuideUpdateTests {
    static func state(width: Int = 80, height: Int = 24) -> AppState {
        let playbook = PlaybookLoader.builtin()
        let (incident, _) = Incident.open(id: "pure", playbook: playbook, at: t0)
        return AppState(playbook: playbook, incident: incident, language: .en, theme: Theme.fallback,
                        width: width, height: height, now: t0)
    }

    @Test func aKeyOfTheTableMovesTheSelectionAndAsksForNothing() {
        var s = Self.state()
        let effects = Update.apply(.key(.down), to: &s)
        #expect(effects.isEmpty)
        #expect(s.nav.selection[0] == 1)
    }

    @Test func recordingAsksTheJournalAndShowsNothingUntilItAnswers() throws {
        var s = Self.state()
        let step = try #require(s.selectedStep)
        let provider = s.provider(for: step)
        // The shown provider is not chosen yet: the first d asks, the second records.
        #expect(Update.apply(.key(.char("d")), to: &s).isEmpty)
        let effects = Update.apply(.key(.char("d")), to: &s)
        #expect(effects == [.record(.move(step.id, to: .done, provider: provider?.id, happenedAt: nil))])
        #expect(s.incident.record(step.id).state == .pending, "nothing shows before the journal answers")
        let event = try s.incident.event(for: .move(step.id, to: .done, provider: provider?.id, happenedAt: nil), at: at(5))
        _ = Update.apply(.recorded(event), to: &s)
        #expect(s.incident.record(step.id).state == .done)
    }

    @Test func theClockArrivesAsAnAction() {
        var s = Self.state()
        #expect(Update.apply(.tick(at(90)), to: &s).isEmpty)
        #expect(s.now == at(90))
    }

    /// The arrow is found by the tag its span carries, where the layout put it.
    @Test func aClickOnTheNextArrowShowsTheNextProvider() throws {
        var s = Self.state()
        s.nav.detailOpen = true
        let step = try #require(s.selectedStep)
        let before = s.provider(for: step)?.id
        let detail = try #require(DetailLayout(s, Layout(s)))
        let cells = (detail.inner.y..<detail.inner.maxY).flatMap { y in (detail.inner.x..<detail.inner.maxX).map { (x: $0, y: y) } }
        let arrow = try #require(cells.first { detail.hit(x: $0.x, y: $0.y) == DetailHit.nextProvider })
        _ = Update.apply(.click(x: arrow.x, y: arrow.y), to: &s)
        #expect(s.provider(for: step)?.id != before)
        #expect(s.provider(for: step)?.id == s.providerOrder(step)[1].id)
    }

    @Test func theHelpIgnoresKeysItDoesNotUseAndClosesOnEscape() {
        var s = Self.state(height: 12)
        _ = Update.apply(.key(.char("?")), to: &s)
        _ = Update.apply(.key(.char("d")), to: &s)
        #expect(s.mode == .help(scroll: 0), "d neither closes the help nor records")
        _ = Update.apply(.key(.pageDown), to: &s)
        #expect(s.mode != .help(scroll: 0), "PgDn scrolls the help, as in the form")
        #expect(Update.apply(.key(.ctrl("l")), to: &s) == [.redraw])
        _ = Update.apply(.key(.escape), to: &s)
        #expect(s.mode == .normal)
    }
}
