import LostphoneCore
import TerminalKit

/// The guide's key table as the kit's help page, at the state's screen size.
enum GuideHelp {
    static func page(_ state: AppState) -> HelpPage {
        HelpPage(rows: KeyBindings.helpRows(state.display.language), footer: state.words[.keysFooter], title: state.words[.keysTitle],
                 theme: state.display.theme, screenWidth: state.display.width, screenHeight: state.display.height)
    }
}
