import LostphoneCore
import TerminalKit

/// The form's keys (`PrepareKeys`) as the kit's help page, with the reminder that no password
/// goes in.
enum PrepareHelp {
    static func page(_ state: PrepareState) -> HelpPage {
        HelpPage(rows: PrepareKeys.helpRows(state.language),
                 footer: state.words[.noPasswords] + " " + state.words[.keysFooter],
                 title: state.words[.keysTitle], theme: state.theme,
                 screenWidth: state.width, screenHeight: state.height)
    }
}
