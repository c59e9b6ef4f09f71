import LostphoneCore
import TerminalKit

// Contacts: copying a number or address, and its QR code.
extension Update {
    /// Copies the report's path right after an export, else the selected step's next contact.
    static func copy(_ state: inout AppState) -> [Effect] {
        let lang = state.language
        if let path = state.clipboard.reportPath {
            state.clipboard.reportPath = nil
            state.message = StatusMessage(text: Word.copied(path).text(in: lang), kind: .success)
            return [.copyToClipboard(path)]
        }
        guard let step = actionableStep(&state) else { return [] }
        guard let pick = ContactPick.next(in: state, after: state.clipboard.lastContact) else {
            state.message = StatusMessage(text: Word.nothingToCopy.text(in: lang) + " (\(step.title[lang]))", kind: .info)
            return []
        }
        return copy(pick, &state)
    }

    /// Copies `pick` and says what was copied.
    static func copy(_ pick: ContactPick, _ state: inout AppState) -> [Effect] {
        let lang = state.language
        state.clipboard.lastContact = pick
        state.message = StatusMessage(text: Word.copied(pick.summary(lang)).text(in: lang) + (pick.count > 1 ? Word.copyAgain.text(in: lang) : ""),
                                      kind: .success)
        return [.copyToClipboard(pick.text(lang))]
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
            state.message = StatusMessage(text: state.words[.nothingToCopy] + " (\(step.title[state.language]))", kind: .info)
            return []
        }
        return [.makeQRCode(pick, uri: pick.uri(state.language))]
    }
}
