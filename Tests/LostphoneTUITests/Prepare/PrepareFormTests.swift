import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// The real form (`PrepareApp`) on a fake terminal, saving to a real profile file in a
/// temporary folder that goes when the test is done.
final class TestForm {
    let directory: URL
    let store: ProfileStore
    let terminal: FakeTerminal
    let clock: TestClock
    let app: PrepareApp
    let playbook = PlaybookLoader.builtin()
    /// `file`, when given, is the profile file's text before the form opens.
    init(width: Int = 80, height: Int = 24, language: Language = .en, file: String? = nil, now: Timestamp = t0) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-form-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        store = ProfileStore(path: directory.appendingPathComponent("config/profile.yaml").path)
        if let file {
            try! FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
            try! file.write(toFile: store.path, atomically: false, encoding: .utf8)
        }
        terminal = FakeTerminal(width: width, height: height)
        clock = TestClock(now)
        var config = PrepareConfiguration(playbook: playbook, load: store.load(playbook: playbook), store: store,
                                          language: language, theme: Theme.fallback, clock: clock)
        let remembered = Remembered()
        config.saveLanguage = { remembered.languages.append($0) }
        self.remembered = remembered
        app = PrepareApp(config: config, terminal: terminal)
        _ = app.run()
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    final class Remembered { var languages: [Language] = [] }
    private let remembered: Remembered
    var languagesRemembered: [Language] { remembered.languages }

    func press(_ keys: Key...) {
        terminal.input += keys.map { .key($0) }
        _ = app.run()
    }

    func type(_ text: String) {
        terminal.input += text.map { .key(.char($0)) }
        _ = app.run()
    }

    func send(_ event: InputEvent) {
        terminal.input.append(event)
        _ = app.run()
    }

    var state: PrepareState { app.currentState }
    var screen: String { terminal.frames.last?.text ?? "" }
    /// The profile file's text as it is on disk now; nil when there is none.
    var file: String? { try? String(contentsOfFile: store.path, encoding: .utf8) }
    var saved: Profile? { store.load(playbook: playbook).profile }

    /// Moves the selection onto `row` with ↓ and ↑, as a person would.
    func select(_ row: PrepareRow) throws {
        let target = try #require(state.rows.firstIndex(of: row), "no row \(row)")
        while state.selection < target { press(.down) }
        while state.selection > target { press(.up) }
    }
}

/// The update alone: an action and a state in, a state and effects out.
@Suite struct PrepareUpdateTests {
    let playbook = PlaybookLoader.builtin()

    func state(_ profile: Profile = Profile(), now: Timestamp = t0) -> PrepareState {
        PrepareState(playbook: playbook, profile: profile, fileExists: true, path: "/p/profile.yaml", language: .en, theme: Theme.fallback, width: 80, height: 24, now: now)
    }

    func selecting(_ row: PrepareRow, in s: PrepareState) throws -> PrepareState {
        var s = s
        s.selection = try #require(s.rows.firstIndex(of: row))
        return s
    }

    @Test func tickingABoxAsksToSaveTheChangedProfileAndShowsItOnlyOnceSaved() throws {
        var s = try selecting(.option(choice: "bank", option: "icbc"), in: state())
        let effects = PrepareUpdate.handle(.char(" "), in: &s)
        var expected = Profile()
        expected.set("bank", "icbc", ticked: true)
        #expect(effects == [.save(expected)])
        #expect(!s.profile.isTicked("bank", "icbc"), "not shown before the disk has it")
        _ = PrepareUpdate.apply(.saved(expected), to: &s)
        #expect(s.profile.isTicked("bank", "icbc"))
        #expect(s.message?.text == "Saved to /p/profile.yaml")
    }

    @Test func aWrongIMEIIsRefusedInTheFieldWithWhereToFindTheRealOneAndNothingIsSaved() throws {
        var s = try selecting(.field(.imei), in: state())
        #expect(PrepareUpdate.handle(.enter, in: &s).isEmpty)
        for c in "490154203237519" { _ = PrepareUpdate.handle(.char(c), in: &s) }
        let effects = PrepareUpdate.handle(.enter, in: &s)
        #expect(effects.isEmpty, "a refused IMEI asks for no save")
        let w = Words(.en)
        #expect(s.editor?.error == w[.imeiCheckDigit(8)] + " " + w[.imeiWhere])
        #expect(s.editor?.input.text == "490154203237519", "the text typed stays to be corrected")
        #expect(s.profile.device.imei == nil)
        // Corrected, it is kept as its 15 digits.
        _ = PrepareUpdate.handle(.backspace, in: &s)
        _ = PrepareUpdate.handle(.char("8"), in: &s)
        var expected = Profile()
        expected.device.imei = "490154203237518"
        #expect(PrepareUpdate.handle(.enter, in: &s) == [.save(expected)])
    }

    @Test func aTipIsDatedTheDayItIsTickedAndUntickingClearsIt() throws {
        let today = at(3600)
        var s = try selecting(.tip("tip-2"), in: state())
        _ = PrepareUpdate.apply(.tick(today), to: &s)
        let effects = PrepareUpdate.handle(.char(" "), in: &s)
        guard case .save(let ticked)? = effects.first else { Issue.record("no save: \(effects)"); return }
        #expect(ticked.tips["tip-2"] == today)
        _ = PrepareUpdate.apply(.saved(ticked), to: &s)
        guard case .save(let unticked)? = PrepareUpdate.handle(.char(" "), in: &s).first else { Issue.record("no save"); return }
        #expect(unticked.tips["tip-2"] == nil)
    }

    @Test func aFailedSaveSaysWhyAndTheScreenKeepsWhatIsOnDisk() throws {
        var s = try selecting(.option(choice: "carrier", option: "china-mobile"), in: state())
        _ = PrepareUpdate.handle(.char(" "), in: &s)
        _ = PrepareUpdate.apply(.saveFailed("profile.yaml:3: broken"), to: &s)
        #expect(s.message == StatusMessage(text: "NOT saved: profile.yaml:3: broken", kind: .error))
        #expect(!s.profile.isTicked("carrier", "china-mobile"))
        #expect(s.unsavedChanges == 1)
    }

    @Test func escapeLeavesAFieldUnchangedAndAsksForNoSave() throws {
        var s = try selecting(.field(.owner), in: state())
        _ = PrepareUpdate.handle(.enter, in: &s)
        for c in "张三" { _ = PrepareUpdate.handle(.char(c), in: &s) }
        #expect(PrepareUpdate.handle(.escape, in: &s).isEmpty)
        #expect(s.mode == .browse)
        #expect(s.profile.device.owner == nil)
    }

    @Test func controlAndInvisibleCharactersAreRefusedInAField() throws {
        var s = try selecting(.field(.emergencyContact), in: state())
        _ = PrepareUpdate.handle(.enter, in: &s)
        // A paste drops C0 controls; a right-to-left override is not a control to it, and would
        // make the card read differently from what it says.
        _ = PrepareUpdate.apply(.paste("李四 \u{202E}139"), to: &s)
        #expect(PrepareUpdate.handle(.enter, in: &s).isEmpty)
        #expect(s.editor?.error == Words(.en)[.formControlCharacter("U+202E")])
        #expect(PrepareField.emergencyContact.accept("a\u{7}b", Words(.en)) == .failure(FieldRefusal(message: Words(.en)[.formControlCharacter("U+0007")])))
    }

    @Test func tabGoesToTheNextSectionsFirstItemAndShiftTabBack() throws {
        var s = state()
        #expect(s.selectedRow == .option(choice: "carrier", option: "china-mobile"))
        _ = PrepareUpdate.handle(.tab, in: &s)
        #expect(s.selectedRow == .option(choice: "bank", option: "icbc"))
        _ = PrepareUpdate.handle(.down, in: &s)
        _ = PrepareUpdate.handle(.backTab, in: &s)
        #expect(s.selectedRow == .option(choice: "bank", option: "icbc"), "back to the section's own first item first")
        _ = PrepareUpdate.handle(.backTab, in: &s)
        #expect(s.selectedRow == .option(choice: "carrier", option: "china-mobile"))
        _ = PrepareUpdate.handle(.char("G"), in: &s)
        #expect(s.selectedRow == .tip("tip-wechat-pay-lock"))
        _ = PrepareUpdate.handle(.tab, in: &s)
        #expect(s.selectedRow == .option(choice: "carrier", option: "china-mobile"), "Tab wraps around")
    }

    @Test func theSelectionStaysInSightWithItsSectionsHeading() throws {
        var s = state()
        _ = PrepareUpdate.handle(.char("G"), in: &s)
        let layout = PrepareLayout(s)
        let line = layout.line(ofRow: s.selection, s)
        #expect(line >= s.scroll && line < s.scroll + layout.list.height)
        _ = PrepareUpdate.handle(.char("g"), in: &s)
        #expect(s.scroll == 0, "the first section's heading shows too")
    }

    @Test func aProfileOverAYearOldSaysSoAndSavingReviewsIt() throws {
        var old = Profile()
        old.updated = Timestamp(parsing: "2025-10-01T09:00:00.000+08:00")!
        var s = state(old)
        #expect(s.notices.contains { $0.text == Words(.en)[.formReview(since: "2025-10-01")] })
        #expect(PrepareUpdate.handle(.char("s"), in: &s) == [.save(old)])
        var saved = old
        saved.updated = t0
        _ = PrepareUpdate.apply(.saved(saved), to: &s)
        #expect(!s.notices.contains { $0.text.contains("2025-10-01") })
    }
}

/// The form as a person meets it: keys in, frames out, the profile file on disk.
@Suite struct PrepareFormTests {
    @Test func theLanguageKeySwitchesTheWholeFormAndIsRemembered() throws {
        let f = TestForm()
        #expect(f.screen.contains("Banks"))
        f.press(.char("L"))
        #expect(f.screen.contains("银行") && f.screen.contains("这里从不保存密码"), "\(f.screen)")
        #expect(!f.screen.contains("Banks"))
        #expect(f.languagesRemembered == [.zh])
        f.press(.char("L"))
        #expect(f.screen.contains("Banks") && f.languagesRemembered == [.zh, .en])
    }

    @Test func aTickIsOnDiskAtOnceAndOnTheScreen() throws {
        let f = TestForm()
        try f.select(.option(choice: "bank", option: "icbc"))
        f.press(.char(" "))
        #expect(f.saved?.ticked("bank") == ["icbc"])
        #expect(f.file?.contains("bank: [icbc]") == true)
        #expect(f.screen.contains("[x] ICBC"))
        #expect(f.state.message?.text == "Saved to \(f.store.path)")
        #expect(f.screen.contains(" Saved to"), "the bottom line says where")
        let mode = try FileManager.default.attributesOfItem(atPath: f.store.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aWrongIMEIIsRefusedOnScreenAndNeverWritten() throws {
        let f = TestForm()
        try f.select(.field(.imei))
        f.press(.enter)
        f.type("490154203237519")
        f.press(.enter)
        #expect(f.screen.contains("does not match"), "the reason is on screen:\n\(f.screen)")
        #expect(f.screen.contains("*#06#"), "and where to find the real one")
        #expect(f.file == nil, "nothing written")
        f.press(.backspace)
        f.type("8")
        f.press(.enter)
        #expect(f.saved?.device.imei == "490154203237518")
        #expect(!f.screen.contains("does not match"))
    }

    @Test func aTickedTipShowsTheDateItWasDoneAndItIsKept() throws {
        let f = TestForm()
        f.press(.char("G"))
        try f.select(.tip("tip-2"))
        f.press(.enter)
        #expect(f.saved?.tips["tip-2"] == t0)
        #expect(f.screen.contains("[x] Set a SIM card PIN  ✓ 2026-11-24"), "\(f.screen)")
    }

    @Test func aDamagedFileIsNeverReplacedAndTheScreenSaysWhy() throws {
        let f = TestForm()
        // Damaged by hand while the form was open.
        try FileManager.default.createDirectory(atPath: f.store.directory, withIntermediateDirectories: true)
        try "version: [\n".write(toFile: f.store.path, atomically: false, encoding: .utf8)
        f.press(.char(" "))
        #expect(f.file == "version: [\n", "the file is left as it was")
        let message = try #require(f.state.message)
        #expect(message.kind == .error && message.text.hasPrefix("NOT saved: \(f.store.path):2:1: not valid YAML"), "\(message.text)")
        #expect(message.text.contains("the file is left as it is"))
        #expect(f.screen.contains(" NOT saved:"), "\(f.screen)")
        #expect(f.screen.contains("[ ] China Mobile"), "the change is not shown as made")
        #expect(f.state.unsavedChanges == 1)
    }

    @Test func clickingALineTicksIt() throws {
        let f = TestForm()
        let y = try #require(f.screen.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("China Unicom") })
        f.send(.click(x: 6, y: y))
        #expect(f.saved?.ticked("carrier") == ["china-unicom"])
    }

    @Test func idsTheGuideNoLongerHasAreNamedOnTheFirstScreenUntilASaveLeavesThemOut() throws {
        let f = TestForm(file: "version: 1\nchoices:\n  bank: [icbc, gone-bank]\n")
        #expect(f.screen.contains("left out when saved: Banks gone-bank"), "\(f.screen)")
        #expect(f.screen.contains("[x] ICBC"))
        f.press(.char("s"))
        #expect(f.file?.contains("gone-bank") == false)
        #expect(!f.screen.contains("gone-bank"))
    }

    @Test func theHelpListsEveryKeyOfTheTable() throws {
        let f = TestForm(width: 100, height: 30)
        f.press(.char("?"))
        for row in PrepareKeys.helpRows(.en) { #expect(f.screen.contains(row.keys), "help lacks \(row.keys)") }
        #expect(f.screen.contains("Never a password"))
        f.press(.escape)
        #expect(!f.screen.contains("┌"))
        #expect(!f.state.shouldQuit, "Esc closes the help, not the form")
    }

    @Test func belowTheMinimumSizeOnlyLeavingWorks() throws {
        let f = TestForm(width: 39, height: 9)
        #expect(f.screen.contains("Enlarge the terminal"))
        f.press(.char(" "), .enter)
        #expect(f.file == nil)
        f.press(.char("q"))
        #expect(f.state.shouldQuit)
    }

    @Test func aPasteWithNoFieldOpenIsNeverKeys() throws {
        let f = TestForm()
        f.send(.paste(" q"))
        #expect(f.file == nil && !f.state.shouldQuit)
        #expect(f.screen.contains("Paste ignored"))
    }

    @Test(arguments: Language.allCases)
    func theFormAtEightyByTwentyFour(language: Language) throws {
        let f = TestForm(language: language)
        try f.select(.option(choice: "bank", option: "icbc"))
        f.press(.char(" "))
        try f.select(.field(.model))
        f.press(.enter)
        f.type("iPhone 15")
        f.press(.enter, .down, .enter)
        f.type("4901542032375")
        f.press(.enter)
        assertSnapshot(f.screen, named: "prepare-\(language.rawValue)-80x24")
    }
}
