import LostphoneCore
import TerminalKit

/// Everything the person can ask for, whatever key or click asked. `update` turns an action and
/// the state into a new state and effects.
public enum Action: Hashable, Sendable {
    case moveSelection(Int)
    case pageUp, pageDown, top, bottom
    case nextPane, previousPane
    case focusPane(Int)
    /// `D`: the Due tab, whatever its number.
    case focusDue
    case nextProvider, previousProvider
    case toggleDetail
    case scrollDetail(Int)
    case record(StepState)
    case startNote
    /// `m`: the shown provider is one of mine, or no longer.
    case toggleMine
    /// `X`: the person has none (or no other) of the step's providers: no lending platform.
    case noneOfMine
    /// `@`: the next action happened earlier; ask when.
    case startHappenedAt
    case undo
    case export
    case startSearch
    /// `N`: the previous hit of the last search.
    case previousMatch
    case toggleLanguage
    case nextTheme
    case toggleHelp
    case editDetails
    /// Send the selected contact (or the report's path right after an export) to the clipboard.
    case copyContact
    /// Show the selected contact as a QR code.
    case showQRCode
    case quit
    /// Repaint the whole screen (Ctrl-L).
    case redraw
    /// A click at a screen cell.
    case click(x: Int, y: Int)
    /// The wheel turned (`delta` rows, down positive) over a screen cell.
    case wheel(Int, x: Int, y: Int)
    /// A key as it arrives: the open dialog or text field takes it, else the key table.
    case key(Key)
    /// A key typed while a text field or dialog has the focus.
    case input(Key)
    /// Text the terminal pasted: into the open text field, or ignored with a notice.
    case paste(String)
    case resize(width: Int, height: Int)
    /// The clock moved on (the runtime reads it once a loop).
    case tick(Timestamp)
    /// Answers from the runtime after performing an effect.
    case recorded(Event)
    case recordFailed(String)
    /// The incident refused the command (a move the state machine does not allow).
    case refused(String)
    case exported(path: String)
    case exportFailed(String)
    /// The theme named `name` was loaded (the default in its place when it has `problems`).
    case themeChanged(name: String, theme: Theme, problems: [LocalizedText])
    /// The QR code of `pick` was made.
    case qrCodeReady(QRCode, ContactPick)
    /// No QR code could be made; the message says how to get one.
    case qrCodeFailed(String)
    /// A tip's state could not be kept in the profile (it is recorded in the incident still).
    case tipNotKept(String)
    /// The local clipboard program `tool` ended, after `y` sent `shown` (as the message names it).
    case clipboardToolFinished(shown: String, tool: String, ClipboardToolOutcome)
}
