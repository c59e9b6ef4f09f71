import LostphoneCore
import TerminalKit

/// The form's keys (`PrepareKeys`) in the guide's help box, with the reminder that no password
/// goes in.
enum PrepareHelpView {
    static func content(_ state: PrepareState) -> HelpOverlay.Content {
        HelpOverlay.Content(rows: PrepareKeys.helpRows(state.language),
                            footer: state.words[.noPasswords] + " " + state.words[.keysFooter],
                            title: state.words[.keysTitle], theme: state.theme,
                            screenWidth: state.width, screenHeight: state.height)
    }

    static func maxScroll(_ state: PrepareState) -> Int { HelpOverlay.maxScroll(content(state)) }

    static func draw(_ canvas: inout Canvas, _ state: PrepareState, scroll: Int) {
        HelpOverlay.draw(&canvas, content(state), scroll: scroll)
    }
}
