import LostphoneCore
import TerminalKit

/// Which contact a click in the details lands on: the row under the pointer, as the details
/// draw it, holding a number, address or menu path of the shown step.
enum ContactClick {
    static func pick(x: Int, y: Int, in state: AppState) -> ContactPick? {
        let layout = Layout(width: state.width, height: state.height, detailOpen: state.detailOpen)
        guard case .normal = state.mode, !layout.tooSmall, let rect = layout.detail, rect.contains(x: x, y: y),
              !state.isTimeline, let step = state.selectedStep else { return nil }
        // The same rows DetailView draws.
        let width = rect.width - 2
        guard width > 4 else { return nil }
        let rows = DetailView.lines(step, state).flatMap { $0.wrapped(to: width) }
        let top = min(state.detailScroll, max(0, rows.count - rect.height))
        let index = top + (y - rect.y)
        // The last row says "more below" when something is hidden: nothing to copy there.
        if rows.count - top > rect.height && y == rect.maxY - 1 { return nil }
        guard rows.indices.contains(index) else { return nil }
        let (provider, contacts) = ContactPick.contacts(step, state)
        let shown: Set<ThemeElement> = [.contactPhone, .contactWeb, .contactPath]
        for span in rows[index] where shown.contains(span.element) {
            let text = span.text.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            // A number carries its "then press 9" in the same style; a long path wraps.
            let hit = contacts.firstIndex { c in
                let full = ContactPick(step: step.id, provider: provider, index: 0, count: 1, contact: c).text(state.language)
                return text == full || text.hasPrefix(full + " ") || (text.count >= 3 && full.contains(text))
            }
            if let i = hit {
                return ContactPick(step: step.id, provider: provider, index: i, count: contacts.count, contact: contacts[i])
            }
        }
        return nil
    }
}
