import LostphoneCore
import TerminalKit

/// What has the keyboard: the lists, or a dialog on top of them.
public enum Mode: Hashable, Sendable {
    case normal
    case help(scroll: Int)
    case note(StepID, TextInput)
    /// Search as you type; `origin` is where the selection was and `choices` the providers
    /// picked then, both restored on Esc.
    case search(TextInput, origin: Position, choices: [StepID: ProviderID])
    case details(DetailsForm)
    /// `@`: when the next recorded action happened.
    case happenedAt(TextInput)
    /// Recording a step before the steps it requires: waits for `y`.
    case confirmEarly(EarlyRecording)
    /// A contact as a QR code, until any key.
    case qrCode(QRCode, ContactPick)
    /// `b`: when to try again, asked before the blocked state is recorded (Enter: no time).
    case retryWhen(BlockedRecording, TextInput)
    /// After a provider of a grouped step was done or blocked and no other of the person's is
    /// open: "another bank of yours?" on the bottom line. Arrows pick one, `m` marks it,
    /// Enter records "no more", any other key goes on as usual.
    case another(AnotherQuestion)
}
