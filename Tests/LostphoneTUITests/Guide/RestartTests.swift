import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// #25 item 2, as pure state: a state made again from the same journal (and the screen's
/// memory) shows what the one before showed: the provider of every step and group, the marks,
/// the pane and the step selected.
@Suite struct RestartTests {
    /// Carriers in two steps, brands in two locate steps (the second guarded like Erase).
    static let playbook = testPlaybook("restart", panes: """
          - id: now
            kind: actions
            title: {en: "Now", zh: "现在"}
            steps:
              - id: sim
                title: {en: "Freeze the SIM", zh: "冻结 SIM"}
                priority: 1
                group: carrier
                providers: &carriers
                  - {id: mobile, name: {en: "Mobile", zh: "移动"}}
                  - {id: unicom, name: {en: "Unicom", zh: "联通"}}
                  - {id: telecom, name: {en: "Telecom", zh: "电信"}}
              - id: bank
                title: {en: "Freeze cards", zh: "冻结银行卡"}
                priority: 2
                group: bank
                providers:
                  - {id: icbc, name: {en: "ICBC", zh: "工商银行"}}
                  - {id: cmb, name: {en: "CMB", zh: "招商银行"}}
          - id: locate
            kind: actions
            title: {en: "Locate", zh: "定位"}
            steps:
              - id: locate
                title: {en: "Locate", zh: "定位"}
                priority: 1
                group: brand
                providers: &brands
                  - {id: huawei, name: {en: "Huawei", zh: "华为"}}
                  - {id: apple, name: {en: "Apple", zh: "苹果"}}
              - id: erase
                title: {en: "Erase", zh: "抹掉"}
                priority: 2
                group: brand
                providers: *brands
          - id: after
            kind: actions
            title: {en: "After", zh: "之后"}
            steps:
              - id: new-sim
                title: {en: "Get a new SIM card", zh: "补办 SIM 卡"}
                priority: 1
                group: carrier
                providers: *carriers
        """)

    static func state(_ incident: Incident? = nil, memory: ScreenMemory? = nil) -> AppState {
        let incident = incident ?? Incident.open(id: "restart", playbook: playbook, at: t0).0
        return AppState(playbook: playbook, incident: incident, language: .en, theme: Theme.fallback,
                        width: 100, height: 24, now: at(600), memory: memory)
    }

    /// What the journal answers to `command`, applied as the screen applies it.
    static func record(_ command: IncidentCommand, _ s: inout AppState, at seconds: Double = 60) throws {
        let event = try s.incident.event(for: command, at: at(seconds))
        _ = Update.apply(.recorded(event), to: &s)
    }

    /// The screen of a state, less the bottom line (what the last action said, gone at a restart).
    static func screen(_ s: AppState) -> String {
        Screen.render(s).text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().joined(separator: "\n")
    }

    static func step(_ s: AppState, _ id: StepID) throws -> Step { try #require(s.step(id)) }

    @Test func aCarrierActedOnIsStillChosenInTheOtherStepsOfItsGroup() throws {
        var s = Self.state()
        try Self.record(.move("sim", to: .done, provider: "unicom"), &s)
        let reopened = Self.state(s.incident)
        let newSIM = try Self.step(reopened, "new-sim")
        #expect(reopened.provider(for: newSIM)?.id == "unicom", "not Mobile, the first")
        #expect(reopened.isChosen(try #require(newSIM.provider("unicom")), in: newSIM))
    }

    @Test func aBrandActedOnNeedsNoSecondPressAfterARestart() throws {
        var s = Self.state()
        try Self.record(.move("locate", to: .done, provider: "apple"), &s)
        var reopened = Self.state(s.incident)
        reopened.nav.focus = 1
        reopened.nav.selection[1] = 1
        let effects = Update.apply(.key(.char("s")), to: &reopened)
        #expect(effects == [.record(.move("erase", to: .inProgress, provider: "apple", happenedAt: nil))],
                "recorded at once, for Apple: \(reopened.message?.text ?? "")")
    }

    /// In event order: the last carrier acted on is the group's, and a provider marked "not
    /// mine" does not become the choice.
    @Test func theGroupsChoiceIsTheLastProviderActedOn() throws {
        var s = Self.state()
        try Self.record(.move("sim", to: .done, provider: "unicom"), &s)
        try Self.record(.mine("sim", "telecom", true), &s, at: 70)
        try Self.record(.mine("sim", "mobile", false), &s, at: 80)
        #expect(s.choices.groupChoice["carrier"] == "telecom")
        let reopened = Self.state(s.incident)
        #expect(reopened.choices.groupChoice == s.choices.groupChoice)
        #expect(reopened.provider(for: try Self.step(reopened, "new-sim"))?.id == "telecom")
    }

    /// A ←/→ pick with no action, the pane and the step: the journal cannot hold them, the
    /// memory does, and the screen is the same.
    @Test func theMemoryGivesBackWhatTheJournalCannotHold() throws {
        var s = Self.state()
        try Self.record(.move("sim", to: .done, provider: "unicom"), &s)
        _ = Update.apply(.key(.char("3")), to: &s)
        _ = Update.apply(.key(.right), to: &s)
        _ = Update.apply(.key(.char("2")), to: &s)
        _ = Update.apply(.key(.down), to: &s)
        _ = Update.apply(.key(.right), to: &s)
        _ = Update.apply(.key(.enter), to: &s)
        let reopened = Self.state(s.incident, memory: s.memory)
        #expect(reopened.nav.focus == s.nav.focus && reopened.nav.selection == s.nav.selection && reopened.nav.detailOpen == s.nav.detailOpen)
        #expect(reopened.choices.providerChoice == s.choices.providerChoice && reopened.choices.groupChoice == s.choices.groupChoice)
        #expect(Self.screen(reopened) == Self.screen(s))
        // Without the memory, the screen opens on what to do now: it differs.
        #expect(Self.screen(Self.state(s.incident)) != Self.screen(s))
    }

    /// A memory naming a step, pane or provider the playbook no longer has is ignored.
    @Test func aStaleMemoryIsIgnored() throws {
        var s = Self.state()
        try Self.record(.move("sim", to: .done, provider: "unicom"), &s)
        var memory = s.memory
        memory.pane = "gone"
        memory.selected = ["now": "gone", "locate": "sim"]
        memory.providers = ["new-sim": "vodafone", "gone": "unicom"]
        memory.groups = ["carrier": "vodafone", "brand": "unicom"]
        let reopened = Self.state(s.incident, memory: memory)
        let fresh = Self.state(s.incident)
        #expect(reopened.nav.focus == fresh.nav.focus && reopened.nav.selection == fresh.nav.selection)
        #expect(reopened.choices.providerChoice.isEmpty)
        #expect(reopened.choices.groupChoice == ["carrier": "unicom"], "the journal's truth stands")
    }

    /// Mobile picked with ←/→ and the screen left; then Telecom recorded from the command line.
    /// The journal is newer: Telecom is shown.
    @Test func eventsAfterTheMemoryWinOverIt() throws {
        var s = Self.state()
        try Self.record(.move("sim", to: .done, provider: "unicom"), &s)
        _ = Update.apply(.key(.char("3")), to: &s)
        _ = Update.apply(.key(.left), to: &s)
        #expect(s.provider(for: try Self.step(s, "new-sim"))?.id == "mobile")
        let memory = s.memory
        try Self.record(.move("new-sim", to: .done, provider: "telecom"), &s, at: 90)
        let reopened = Self.state(s.incident, memory: memory)
        #expect(reopened.provider(for: try Self.step(reopened, "new-sim"))?.id == "telecom")
        #expect(reopened.choices.groupChoice["carrier"] == "telecom")
    }

    /// The second bank the screen moved on to after the first was done stays shown.
    @Test func theProviderTheScreenMovedOnToStaysShown() throws {
        var s = Self.state()
        try Self.record(.mine("bank", "icbc", true), &s)
        try Self.record(.mine("bank", "cmb", true), &s, at: 61)
        s.nav.selection[0] = 1
        try Self.record(.move("bank", to: .done, provider: "icbc"), &s, at: 62)
        #expect(s.provider(for: try Self.step(s, "bank"))?.id == "cmb")
        let reopened = Self.state(s.incident, memory: s.memory)
        #expect(reopened.provider(for: try Self.step(reopened, "bank"))?.id == "cmb")
        #expect(Self.screen(reopened) == Self.screen(s))
    }
}
