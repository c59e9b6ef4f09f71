import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// A contact's source on the screen is in the screen's language.
@Suite struct ContactSourceTests {
    /// The bank step with ICBC shown: its number's source is third-party.
    func onConstructionBank(_ language: Language) -> TestApp {
        let d = TestApp(width: 140, height: 45, language: language)
        d.press(.char("j"))
        #expect(d.state.selectedStep.flatMap { d.state.provider(for: $0) }?.id == "icbc")
        return d
    }

    @Test func theChineseScreenNamesAThirdPartySourceInChinese() {
        let d = onConstructionBank(.zh)
        #expect(d.screen.contains("来源：第三方指南"), "\(d.screen)")
        #expect(!d.screen.contains("third-party"))
    }

    @Test func theEnglishScreenNamesItInEnglish() {
        let d = onConstructionBank(.en)
        #expect(d.screen.contains("source: third-party guides"), "\(d.screen)")
    }
}
