import LostphoneCore
import TerminalKit

/// The contact `y` copies and `Q` shows: the shown provider's contacts first, then the step's
/// own, in the order the details list them. Pressing the same key again on the same step moves
/// to the next contact, so every number and address can be reached without a cursor.
public struct ContactPick: Hashable, Sendable {
    public var step: StepID
    public var provider: ProviderID?
    /// Which of the step's contacts, from 0.
    public var index: Int
    public var count: Int
    public var contact: Contact

    /// The contacts of the selected step as `y` and `Q` go through them.
    static func contacts(_ step: Step, _ state: AppState) -> (ProviderID?, [Contact]) {
        let provider = step.providers.isEmpty ? nil : state.provider(for: step)
        return (provider?.id, (provider?.contacts ?? []) + step.contacts)
    }

    /// The contact after `previous` when it was on this step and provider, else the first.
    static func next(in state: AppState, after previous: ContactPick?) -> ContactPick? {
        guard !state.isTimeline, let step = state.selectedStep else { return nil }
        let (provider, contacts) = contacts(step, state)
        guard !contacts.isEmpty else { return nil }
        var index = 0
        if let previous, previous.step == step.id, previous.provider == provider {
            index = (previous.index + 1) % contacts.count
        }
        return ContactPick(step: step.id, provider: provider, index: index, count: contacts.count, contact: contacts[index])
    }

    /// What goes on the clipboard: the number, address or menu path as the details show it.
    public func text(_ language: Language) -> String {
        switch contact.kind {
        case .phone(let number): number
        case .web(let address): address
        case .path(let path): path[language]
        }
    }

    /// What a QR code carries: `tel:` with the digits for a number (a phone's camera offers to
    /// dial it), an `https://` address for the web, the plain text of a menu path.
    public func uri(_ language: Language) -> String {
        switch contact.kind {
        case .phone(let number):
            return Contact.telURI(number)
        case .web(let address):
            return Hyperlink.withScheme(address)
        case .path(let path):
            return path[language]
        }
    }

    /// "10086 (1/2)" for the bottom line.
    func summary(_ language: Language) -> String {
        text(language) + (count > 1 ? " (\(index + 1)/\(count))" : "")
    }
}

/// What `y` copies next: the report's path right after an export, else the next contact.
public struct ClipboardCursor: Hashable, Sendable {
    /// The path of the report just written, until another key is pressed.
    public var reportPath: String?
    /// The contact copied last, so the next `y` on the same step copies the next one.
    public var lastContact: ContactPick?
    public init() {}
}
