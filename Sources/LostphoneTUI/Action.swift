import LostphoneCore

/// Everything the person can ask for, whatever key or click asked. `update` turns an action and
/// the state into a new state and effects.
public enum Action: Hashable, Sendable {
    case moveSelection(Int)
    case pageUp, pageDown, top, bottom
    case nextPane, previousPane
    case focusPane(Int)
    case nextProvider, previousProvider
    case toggleDetail
    case scrollDetail(Int)
    case record(StepState)
    case startNote
    case undo
    case export
    case startSearch
    case toggleLanguage
    case nextTheme
    case toggleHelp
    case editDetails
    case quit
    /// Repaint the whole screen (Ctrl-L).
    case redraw
    /// A click at a screen cell.
    case click(x: Int, y: Int)
    case wheel(Int)
    /// A key typed while a text field or dialog has the focus.
    case input(Key)
    /// Text the terminal pasted: into the open text field, or ignored with a notice.
    case paste(String)
    case resize(width: Int, height: Int)
    case tick(Timestamp)
    /// Answers from the runtime after performing an effect.
    case recorded(Event)
    case recordFailed(String)
    /// The incident refused the command (a move the state machine does not allow).
    case refused(String)
    case exported(path: String)
    case exportFailed(String)
    case themeChanged(name: String, problems: [String])
}
