import LostphoneCore
import TerminalKit

/// Which contact a click in the details lands on: the row under the pointer, as the layout
/// wrapped it, holding a number, address or menu path of the shown step.
enum ContactClick {
    static func pick(x: Int, y: Int, in state: AppState) -> ContactPick? {
        let layout = Layout(state)
        guard case .normal = state.mode, let rect = layout.detail, rect.contains(x: x, y: y),
              !state.isTimeline, let step = state.selectedStep,
              let row = DetailLayout(state, layout)?.row(atLine: y) else { return nil }
        // The row's contact, by the tag its spans carry (the last row, saying more is below,
        // has none).
        guard let index = row.lazy.compactMap(\.hit).first(where: { $0 >= 0 }) else { return nil }
        let (provider, contacts) = ContactPick.contacts(step, state)
        guard contacts.indices.contains(index) else { return nil }
        return ContactPick(step: step.id, provider: provider, index: index, count: contacts.count, contact: contacts[index])
    }
}
