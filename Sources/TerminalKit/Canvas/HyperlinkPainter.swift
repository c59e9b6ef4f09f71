import LostphoneCore

/// Puts the canvas's links on the terminal as OSC 8 hyperlinks, after ncurses has drawn the
/// frame. ncurses knows nothing of hyperlinks, so each linked run is written again past it: the
/// same characters in the same colours, inside `ESC ] 8 ; ; URL ESC \` … `ESC ] 8 ; ; ESC \`,
/// between DECSC and DECRC (`ESC 7` … `ESC 8`, which save and restore the cursor and the
/// attributes ncurses believes the terminal has). What is on screen is what ncurses thinks is
/// there, so its next update stays right.
///
/// A terminal forgets a cell's link when the cell is written again, and ncurses may rewrite a
/// cell that did not change (to move the cursor right it can send the characters already
/// there), so a run is written again whenever anything on its row was redrawn, not only when
/// its own cells were. Runs on rows that stayed as they were cost nothing. A run that is gone
/// while its cells still look the same (ncurses sends nothing for them) is written again plain.
///
/// An address wrapped over two rows is two runs, each linking the whole URL: a click on either
/// part opens it (no `id=`, so a terminal underlines each part on its own when hovered).
public struct HyperlinkPainter: Sendable {
    public let colorDepth: ColorDepth
    /// The runs on screen as links now.
    private var shown: Set<Canvas.LinkRun> = []
    private var last: Canvas?

    public init(colorDepth: ColorDepth) { self.colorDepth = colorDepth }

    /// What to write once `canvas` is on screen; empty when no link needs writing.
    /// `repaintedAll`: the terminal was repainted whole (the first frame, Ctrl-L, a resize), so
    /// no link is left on it.
    public mutating func sequence(for canvas: Canvas, repaintedAll: Bool) -> String {
        let runs = canvas.linkRuns
        defer { last = canvas }
        if runs.isEmpty && shown.isEmpty { return "" }
        var previous = repaintedAll ? nil : last
        if let p = previous, p.width != canvas.width || p.height != canvas.height { previous = nil }
        var out = ""
        if let previous {
            let current = Set(runs)
            for run in shown.sorted(by: Self.order) where !current.contains(run) {
                // Cells that still look the same and link nowhere: ncurses did not rewrite them.
                var x = run.x
                while x < run.endX {
                    let stale = { (x: Int) in canvas[x, run.y].link == nil && canvas[x, run.y].looksLike(previous[x, run.y]) }
                    guard stale(x) else { x += 1; continue }
                    var end = x + 1
                    while end < run.endX, stale(end) { end += 1 }
                    out += write(canvas, y: run.y, from: x, to: end, url: nil)
                    x = end
                }
            }
        }
        var redrawn: [Int: Bool] = [:]
        func rowRedrawn(_ y: Int) -> Bool {
            guard let previous else { return true }
            if let known = redrawn[y] { return known }
            let changed = (0..<canvas.width).contains { !canvas[$0, y].looksLike(previous[$0, y]) }
            redrawn[y] = changed
            return changed
        }
        var nowShown: Set<Canvas.LinkRun> = []
        for run in runs where Hyperlink.open(run.url) != nil {
            if !shown.contains(run) || rowRedrawn(run.y) {
                out += write(canvas, y: run.y, from: run.x, to: run.endX, url: run.url)
            }
            nowShown.insert(run)
        }
        shown = nowShown
        return out
    }

    /// Cells `from..<to` of row `y` as the canvas has them, linked to `url` (or to nothing).
    private func write(_ canvas: Canvas, y: Int, from: Int, to: Int, url: String?) -> String {
        var start = from
        while start < to, canvas[start, y].isContinuation { start += 1 }
        guard start < to else { return "" }
        var out = "\u{1B}7\u{1B}[\(y + 1);\(start + 1)H"
        if let url, let open = Hyperlink.open(url) { out += open }
        var style: Style?
        for x in start..<to where !canvas[x, y].isContinuation {
            let cell = canvas[x, y]
            if cell.style != style {
                out += SGR.sequence(cell.style, depth: colorDepth)
                style = cell.style
            }
            out.append(cell.grapheme)
        }
        if url != nil { out += Hyperlink.close }
        return out + "\u{1B}8"
    }

    private static func order(_ a: Canvas.LinkRun, _ b: Canvas.LinkRun) -> Bool {
        (a.y, a.x) < (b.y, b.x)
    }
}
