import LostphoneCore
import TerminalKit

/// What `update` asks the runtime to do: the only way anything reaches the disk.
public enum Effect: Hashable, Sendable {
    /// Build the event for this command, append it to the journal (fsync), then report back with
    /// `.recorded` or `.recordFailed`. The screen changes only on `.recorded`.
    case record(IncidentCommand)
    /// Write the report and answer `.exported` or `.exportFailed`.
    case export
    /// Load the theme after the current one and answer `.themeChanged`.
    case nextTheme
    /// Remember the theme for next time.
    case saveTheme(String)
    /// Repaint the whole terminal.
    case redraw
    /// Remember the language for next time.
    case saveLanguage(Language)
    /// Send the text to the person's terminal's clipboard (OSC 52), which answers nothing: the
    /// terminal does not say whether it obeyed. Where a local clipboard program is there, run it
    /// too; its end answers `.clipboardToolFinished` (`shown` is the text as the message names it).
    case copyToClipboard(String, shown: String)
    /// Encode the contact's URI as a QR code and answer `.qrCodeReady` or `.qrCodeFailed`.
    case makeQRCode(ContactPick, uri: String)
    /// Keep a prevention tip's state in the person's profile (done, with when, or not done), so
    /// later incidents start with it; answers `.tipNotKept` when it could not.
    case keepTip(StepID, doneAt: Timestamp?)
}
