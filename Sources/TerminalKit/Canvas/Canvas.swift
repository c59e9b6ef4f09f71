import LostphoneCore

/// One cell of the screen: a grapheme, its style, and the address it links to, if any. A wide
/// grapheme occupies its cell and the next, which is marked as a continuation and never drawn on
/// its own.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    public var style: Style
    public var isContinuation: Bool
    /// The URL a click on this cell opens (an OSC 8 hyperlink, where the terminal has them), as
    /// an index into its canvas's `links`: two bytes that fit in the cell's padding, where a
    /// String would make every cell half as large again, and every frame slower to build and
    /// compare.
    public var link: UInt16? = nil

    /// The same picture: what ncurses puts on screen, whatever the link.
    public func looksLike(_ other: Cell) -> Bool {
        grapheme == other.grapheme && style == other.style && isContinuation == other.isContinuation
    }

    public static let blank = Cell(grapheme: " ", style: .plain, isContinuation: false)
}

/// A grid of cells that views draw into and that the terminal backend puts on screen. Width is
/// decided here, once, by `TextWidth`'s rule: each cell holds one of `TextWidth.glyphs`, so what
/// the backend sends is what was measured. Callers pass text and get back how many columns it
/// took, and a wide character is never cut in half. Control characters never reach the grid raw: they become
/// visible placeholders (the Unicode control pictures ␀…␟, ␡, or � for C1 controls).
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The URLs the cells link to, each once.
    public private(set) var links: [String] = []

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(grapheme: " ", style: style, isContinuation: false),
                      count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Writes `text` from (x, y) without going past `limit` columns (or the right edge), and
    /// returns the number of columns written. A wide character that would not fit is left out,
    /// and text that does not fit ends in `…`. Every cell written links to `link`, if given.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style, limit: Int? = nil,
                             link url: String? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        var link: UInt16?
        if let url { link = linkIndex(url) }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var col = x
        var lastStart: Int?
        for raw in text {
            // An ASCII grapheme (most of any screen) is one column, placed without the glyph
            // array below (a heap allocation per character).
            if raw.isASCII {
                if col + 1 > end {
                    col = cut(y: y, col: col, end: end, lastStart: lastStart, style: style, link: link)
                    break
                }
                lastStart = col
                if col >= 0 { setCell(col, y, Cell(grapheme: Sanitize.visible(raw), style: style, isContinuation: false, link: link)) }
                col += 1
                continue
            }
            // The grapheme as TextWidth measures it, glyph by glyph; one that does not fit
            // whole is left out.
            let glyphs = TextWidth.glyphs(raw)
            let w = glyphs.reduce(0) { $0 + $1.width }
            if w == 0 { continue }  // only combining or invisible code points: nothing to place
            if col + w > end {
                col = cut(y: y, col: col, end: end, lastStart: lastStart, style: style, link: link)
                break
            }
            lastStart = col
            for glyph in glyphs {
                if col >= 0 {
                    setCell(col, y, Cell(grapheme: glyph.text, style: style, isContinuation: false, link: link))
                    if glyph.width == 2 { setCell(col + 1, y, Cell(grapheme: " ", style: style, isContinuation: true, link: link)) }
                }
                col += glyph.width
            }
        }
        return max(0, col - x)
    }

    /// Cut text says so: `…` in the last column it reaches (at `col`, or over the last grapheme
    /// placed when `col` is past the end). Returns the column after the text.
    private mutating func cut(y: Int, col: Int, end: Int, lastStart: Int?, style: Style, link: UInt16?) -> Int {
        if col >= 0 && col < end {
            setCell(col, y, Cell(grapheme: "…", style: style, isContinuation: false, link: link))
            return col + 1
        } else if let last = lastStart, last >= 0 {
            setCell(last, y, Cell(grapheme: "…", style: style, isContinuation: false, link: link))
            if col - last == 2 { setCell(last + 1, y, Cell(grapheme: " ", style: style, isContinuation: false, link: link)) }
        }
        return col
    }

    /// The URL the cell at (x, y) links to, if any.
    public func link(x: Int, y: Int) -> String? {
        self[x, y].link.map { links[Int($0)] }
    }

    /// The index of `url` in `links`, added if new; nil past 65,535 different URLs.
    private mutating func linkIndex(_ url: String) -> UInt16? {
        if let i = links.firstIndex(of: url) { return UInt16(i) }
        guard links.count <= Int(UInt16.max) else { return nil }
        links.append(url)
        return UInt16(links.count - 1)
    }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { setCell(x, y, Cell(grapheme: " ", style: style, isContinuation: false)) }
        }
    }

    /// Re-styles a row segment without changing its text (for selection highlights).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x].style = transform(cells[y * width + x].style) }
        }
    }

    /// Lays a selection style over a row segment: its attributes are added, and its colours
    /// replace the text's where it sets them, so each span keeps the rest of its own style.
    public mutating func highlight(_ rect: Rect, with selection: Style) {
        restyle(rect) { s in
            var s = s
            s.attributes.formUnion(selection.attributes)
            if selection.background != .default { s.background = selection.background }
            if selection.foreground != .default { s.foreground = selection.foreground }
            return s
        }
    }

    /// Sets one cell, repairing a wide character that the write splits: its other half becomes a
    /// blank, so the grid never holds half a wide character.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation && !cell.isContinuation && x > 0 {
            cells[i - 1] = Cell(grapheme: " ", style: cells[i - 1].style, isContinuation: false, link: cells[i - 1].link)
        }
        if !old.isContinuation && x + 1 < width && cells[i + 1].isContinuation && !cell.isContinuation
            && TextWidth.of(cell.grapheme) < 2 {
            cells[i + 1] = Cell(grapheme: " ", style: cells[i + 1].style, isContinuation: false, link: cells[i + 1].link)
        }
        if cell.isContinuation == false && TextWidth.of(cell.grapheme) == 2 && x + 2 < width
            && cells[i + 1].isContinuation == false && cells[i + 2].isContinuation {
            // writing a wide char over [narrow][wide]: the old wide char's second half is orphaned
            cells[i + 2] = Cell(grapheme: " ", style: cells[i + 2].style, isContinuation: false, link: cells[i + 2].link)
        }
        cells[i] = cell
    }

    /// A horizontal run of cells of one style that differs from the previous frame.
    public struct Run: Hashable, Sendable {
        public var y: Int
        public var x: Int
        public var endX: Int
        public var style: Style
    }

    /// The runs to send to go from `previous` to this canvas; everything when there is no
    /// previous frame or its size differs. Links are not compared: ncurses draws none of them. A run never starts on the second half of a wide
    /// character.
    public func changedRuns(from previous: Canvas?) -> [Run] {
        let full = previous == nil || previous!.width != width || previous!.height != height
        var runs: [Run] = []
        for y in 0..<height {
            let row = y * width
            var x = 0
            while x < width {
                if !full, previous!.cells[row + x].looksLike(cells[row + x]) { x += 1; continue }
                var start = x
                if cells[row + start].isContinuation && start > 0 { start -= 1 }
                let style = cells[row + start].style
                var end = x + 1
                while end < width, cells[row + end].style == style,
                      full || !previous!.cells[row + end].looksLike(cells[row + end]) || cells[row + end].isContinuation {
                    end += 1
                }
                runs.append(Run(y: y, x: start, endX: end, style: style))
                x = end
            }
        }
        return runs
    }

    /// A horizontal run of cells that link to one URL: what an OSC 8 hyperlink covers. An
    /// address wrapped over two rows is two runs with the same URL.
    public struct LinkRun: Hashable, Sendable {
        public var y: Int
        public var x: Int
        public var endX: Int
        public var url: String
    }

    /// The linked runs, row by row, left to right.
    public var linkRuns: [LinkRun] {
        var runs: [LinkRun] = []
        for y in 0..<height {
            let row = y * width
            var x = 0
            while x < width {
                guard let link = cells[row + x].link else { x += 1; continue }
                var end = x + 1
                while end < width, cells[row + end].link == link { end += 1 }
                runs.append(LinkRun(y: y, x: x, endX: end, url: links[Int(link)]))
                x = end
            }
        }
        return runs
    }

    /// The screen as text, one string per row, trailing spaces kept: what tests and the README
    /// screenshot read.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !self[x, y].isContinuation { s.append(self[x, y].grapheme) }
            return s
        }
    }

    /// The screen as text with trailing spaces trimmed, rows joined by newlines.
    public var text: String {
        lines.map { line in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }
}
