import LostphoneCore
import TerminalKit

/// Where each pane tab goes on the tab line, with its progress, shortened to fit; a click on
/// the line finds its tab here.
enum TabStrip {
    /// Each tab as number, title and progress; only the title is ever shortened.
    static func parts(_ state: AppState) -> [(number: String, title: String, count: String)] {
        let n = state.playbook.panes.count
        return (0..<state.tabCount).map { i in
            if i < n {
                let p = state.progress[i]
                return ("\(i + 1)", state.playbook.panes[i].title[state.display.language], "\(p.settled)/\(p.total)")
            }
            if i == state.dueTab { return ("\(i + 1)", DueWords.tab[state.display.language], "\(state.dueOpenCount)") }
            return ("\(i + 1)", state.words.capitalized(.timeline), "\(state.incident.events.count)")
        }
    }

    /// Each tab's label and columns. When they do not all fit, the other tabs' progress counts
    /// go first (the focused tab keeps its own); then the other tabs show only their numbers,
    /// side by side (a cut title such as "L…" reads as nothing), while the focused tab keeps its
    /// whole title: `1 Urgent freezes 0/10  2  3  4  5`. Only when even that is too wide is the
    /// focused title shortened.
    static func placed(_ state: AppState) -> [(label: String, x: Int, width: Int)] {
        var items = parts(state)
        let available = state.display.width - 1
        var gap = 1
        // The non-empty parts with a space between, put together here: `[String].joined` is
        // unspecialized in the standard library, and its first use asks the runtime for an
        // associated type by name (0.2 ms of the first frame).
        func label(_ t: (number: String, title: String, count: String)) -> String {
            var text = t.number
            for part in [t.title, t.count] where !part.isEmpty {
                if !text.isEmpty { text += " " }
                text += part
            }
            return text
        }
        var total: Int { items.reduce(0) { $0 + TextWidth.of(label($1)) + 2 + gap } }
        if total > available {
            for i in items.indices where i != state.nav.focus { items[i].count = "" }
        }
        if total > available {
            for i in items.indices where i != state.nav.focus { items[i].title = "" }
            // Numbers alone are told apart by their padding: no gap between tabs.
            gap = 0
        }
        if total > available, items.indices.contains(state.nav.focus) {
            let title = items[state.nav.focus].title
            let keep = TextWidth.of(title) - (total - available)
            items[state.nav.focus].title = keep < 2 ? "" : TextWidth.truncate(title, to: keep)
        }
        var x = 1
        return items.map { t in
            let l = label(t)
            let w = TextWidth.of(l) + 2
            defer { x += w + gap }
            return (l, x, w)
        }
    }

    static func tab(at x: Int, state: AppState) -> Int? {
        placed(state).firstIndex { x >= $0.x && x < $0.x + $0.width }
    }
}
