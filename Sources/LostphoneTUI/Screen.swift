import LostphoneCore

/// Draws the whole screen for a state. Pure: the same state always gives the same canvas, and
/// only what is visible is drawn, so a frame costs the screen's size, not the playbook's.
public enum Screen {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height, style: state.theme[.text])
        let layout = Layout(width: state.width, height: state.height, detailOpen: state.detailOpen)
        if layout.tooSmall {
            TooSmallView.draw(&canvas, state)
            return canvas
        }
        HeaderView.draw(&canvas, layout.header, state)
        TabsView.draw(&canvas, layout.tabs, state)
        if state.isTimeline {
            TimelineView.draw(&canvas, layout.list, state)
        } else {
            StepListView.draw(&canvas, layout.list, state)
        }
        if let divider = layout.divider {
            let style = state.theme[.paneBorder]
            for y in divider.y..<divider.maxY {
                canvas.put(String(repeating: layout.sideBySide ? "│" : "─", count: divider.width),
                           x: divider.x, y: y, style: style)
            }
        }
        if let detail = layout.detail { DetailView.draw(&canvas, detail, state) }
        StatusBarView.draw(&canvas, layout.status, state)
        switch state.mode {
        case .help(let scroll): HelpOverlay.draw(&canvas, state, scroll: scroll)
        case .details(let form): DetailsFormView.draw(&canvas, state, form: form)
        case .normal, .note, .search: break
        }
        return canvas
    }
}

/// The message shown below the minimum size, centred as far as it fits.
enum TooSmallView {
    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        let lines = [state.words[.tooSmall], "(\(state.width)×\(state.height))", state.words[.quitKey]]
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < state.height {
            let w = TextWidth.of(line)
            canvas.put(line, x: max(0, (state.width - w) / 2), y: top + i,
                       style: state.theme[i == 0 ? .warning : .muted])
        }
    }
}

/// The top line: the program, the clock since the start (or since the phone was lost), the device.
enum HeaderView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let w = state.words
        canvas.fill(rect, style: state.theme[.header])
        let start = state.incident.lostAt ?? state.incident.startedAt
        let clock = "⏱ \(w[state.incident.lostAt == nil ? .sinceStart : .sinceLoss]) \(DetailsInput.elapsed(from: start, to: state.now)) "
        let clockWidth = TextWidth.of(clock)
        let titleWidth = canvas.put(" " + w[.appTitle], x: rect.x, y: rect.y, style: state.theme[.headerTitle],
                                    limit: max(0, rect.width - clockWidth - 1))
        var middle = ""
        if let model = state.incident.device.model { middle += model }
        if let imei = state.incident.device.imei { middle += (middle.isEmpty ? "" : " · ") + "\(w[.imei]) \(imei)" }
        if let lost = state.incident.lostAt { middle += (middle.isEmpty ? "" : " · ") + "\(w[.lostAt]) \(DetailsInput.display(lost))" }
        let room = rect.width - titleWidth - clockWidth - 4
        if !middle.isEmpty && room > 8 {
            canvas.put(TextWidth.truncate(middle, to: room), x: rect.x + titleWidth + 2, y: rect.y, style: state.theme[.header])
        }
        if rect.width > clockWidth {
            canvas.put(clock, x: rect.maxX - clockWidth, y: rect.y, style: state.theme[.headerTitle])
        }
    }
}

/// The pane tabs with their progress; the focused one stands out.
enum TabsView {
    /// Each tab as number, title and progress; only the title is ever shortened.
    static func parts(_ state: AppState) -> [(number: String, title: String, count: String)] {
        let n = state.playbook.panes.count
        return (0..<state.tabCount).map { i in
            if i < n {
                let p = state.progress[i]
                return ("\(i + 1)", state.playbook.panes[i].title[state.language], "\(p.settled)/\(p.total)")
            }
            return ("\(i + 1)", state.words.capitalized(.timeline), "\(state.incident.events.count)")
        }
    }

    static func labels(_ state: AppState) -> [String] {
        parts(state).map { "\($0.number) \($0.title) \($0.count)" }
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

    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        for (i, t) in placed(state).enumerated() {
            let focused = i == state.focus
            var style = state.theme[focused ? .paneBorderFocused : .paneBorder]
            if focused { style.attributes.insert(.reverse) }
            canvas.put(" \(t.label) ", x: rect.x + t.x, y: rect.y, style: style, limit: rect.maxX - rect.x - t.x)
        }
    }
}
