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
                return ("\(i + 1)", state.playbook.panes[i].title[state.language], "\(p.settled)/\(p.total)")
            }
            if i == state.dueTab { return ("\(i + 1)", DueWords.tab[state.language], "\(state.dueOpenCount)") }
            return ("\(i + 1)", state.words.capitalized(.timeline), "\(state.incident.events.count)")
        }
    }

    /// Each tab's label and columns. When they do not all fit, the progress counts go first
    /// (the focused tab keeps its own), then the longest title loses a column at a time: the
    /// titles are what a person navigates by.
    static func placed(_ state: AppState) -> [(label: String, x: Int, width: Int)] {
        var items = parts(state)
        let available = state.width - 1
        func width(_ t: (number: String, title: String, count: String)) -> Int {
            TextWidth.of(t.number) + (t.title.isEmpty ? 0 : TextWidth.of(t.title) + 1)
                + (t.count.isEmpty ? 0 : TextWidth.of(t.count) + 1) + 3
        }
        var total: Int { items.reduce(0) { $0 + width($1) } }
        if total > available {
            for i in items.indices where i != state.focus { items[i].count = "" }
        }
        while total > available {
            guard let i = items.indices.max(by: { TextWidth.of(items[$0].title) < TextWidth.of(items[$1].title) }),
                  TextWidth.of(items[i].title) > 0 else { break }
            let w = TextWidth.of(items[i].title)
            items[i].title = w <= 2 ? "" : TextWidth.truncate(items[i].title, to: w - 1)
        }
        var x = 1
        return items.map { t in
            let l = [t.number, t.title, t.count].filter { !$0.isEmpty }.joined(separator: " ")
            let w = TextWidth.of(l) + 2
            defer { x += w + 1 }
            return (l, x, w)
        }
    }

    static func tab(at x: Int, state: AppState) -> Int? {
        placed(state).firstIndex { x >= $0.x && x < $0.x + $0.width }
    }
}
