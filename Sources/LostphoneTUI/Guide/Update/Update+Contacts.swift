import LostphoneCore
import TerminalKit

// Contacts: copying a number or address, and its QR code.
extension Update {
    /// Sends the report's path right after an export, else the selected step's next contact.
    static func copy(_ state: inout AppState) -> [Effect] {
        let lang = state.display.language
        if let path = state.clipboard.reportPath {
            state.clipboard.reportPath = nil
            state.message = sentMessage(path, again: false, lang)
            return [.copyToClipboard(path, shown: path)]
        }
        guard let step = actionableStep(&state) else { return [] }
        guard let pick = ContactPick.next(in: state, after: state.clipboard.lastContact) else {
            state.message = StatusMessage(text: Word.nothingToCopy.text(in: lang) + " (\(step.title[lang]))", kind: .info)
            return []
        }
        return copy(pick, &state)
    }

    /// Sends `pick` to the clipboard and says only that: the terminal never confirms OSC 52.
    static func copy(_ pick: ContactPick, _ state: inout AppState) -> [Effect] {
        let lang = state.display.language
        state.clipboard.lastContact = pick
        let shown = pick.summary(lang)
        state.message = sentMessage(shown, again: pick.count > 1, lang)
        return [.copyToClipboard(pick.text(lang), shown: shown)]
    }

    /// "Sent 10086 to the terminal's clipboard (nothing pastes? Q shows a QR code)", as
    /// information: nothing is known to be copied yet.
    static func sentMessage(_ shown: String, again: Bool, _ lang: Language) -> StatusMessage {
        StatusMessage(text: Word.sentToClipboard(shown).text(in: lang) + (again ? Word.copyAgain.text(in: lang) : "")
                        + Word.sentClipboardHint.text(in: lang), kind: .info)
    }

    /// The local clipboard program ended: "Copied" once it exited 0, and only while the
    /// message still speaks of that copy (a later message is not overwritten). A failure leaves
    /// the "sent" message, which stays true.
    static func clipboardToolFinished(shown: String, outcome: ClipboardToolOutcome, _ state: inout AppState) {
        let lang = state.display.language
        guard outcome.copied, let message = state.message,
              message.text.hasPrefix(Word.sentToClipboard(shown).text(in: lang)) else { return }
        let again = message.text.contains(Word.copyAgain.text(in: lang))
        state.message = StatusMessage(text: Word.copied(shown).text(in: lang) + (again ? Word.copyAgain.text(in: lang) : ""), kind: .success)
    }

    /// Asks for the QR code of the contact last copied on this step (else the first), or of
    /// the one after `after`.
    static func showQRCode(_ state: inout AppState, after: ContactPick?) -> [Effect] {
        guard let step = actionableStep(&state) else { return [] }
        var pick: ContactPick?
        if let after {
            pick = ContactPick.next(in: state, after: after)
        } else if let last = state.clipboard.lastContact, let current = ContactPick.next(in: state, after: nil),
                  last.step == current.step, last.provider == current.provider {
            pick = last
        } else {
            pick = ContactPick.next(in: state, after: nil)
        }
        guard let pick else {
            state.message = StatusMessage(text: state.words[.nothingToCopy] + " (\(step.title[state.display.language]))", kind: .info)
            return []
        }
        return [.makeQRCode(pick, uri: pick.uri(state.display.language))]
    }
}
