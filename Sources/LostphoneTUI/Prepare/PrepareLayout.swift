import LostphoneCore

/// Where the form's parts go for a state: the title, the notices (wrapped, at most a third of
/// the screen), the list and the bottom line. `PrepareUpdate` scrolls by it and `PrepareView`
/// draws by it, so the selection stays where the person can see it.
public struct PrepareLayout: Sendable {
    public var header: Rect
    /// The notices' lines, wrapped, and where they go.
    public var notices: [(spans: [Span], element: ThemeElement)]
    public var noticeRect: Rect
    public var list: Rect
    public var status: Rect
    public var tooSmall: Bool
    /// Columns from the list's left edge to a field's value.
    public var valueColumn: Int
    /// Extra list lines under the field being edited: its refusal, wrapped.
    public var errorLines: [[Span]]

    public init(_ state: PrepareState) {
        let screen = Rect(x: 0, y: 0, width: state.width, height: state.height)
        tooSmall = state.width < Layout.minimumWidth || state.height < Layout.minimumHeight
        let (header, rest) = screen.splitTop(1)
        let (body, status) = rest.splitBottom(1)
        self.header = header
        self.status = status
        var lines: [(spans: [Span], element: ThemeElement)] = []
        for notice in state.notices {
            for part in StyledLine(" " + notice.text, notice.element, hangingIndent: 1).wrapped(to: max(1, state.width - 1)) {
                lines.append((part, notice.element))
            }
        }
        let room = max(1, body.height / 3)
        if lines.count > room {
            // Cut, and the last line kept says it is cut.
            lines = Array(lines.prefix(room))
            if var last = lines.last?.spans, !last.isEmpty {
                last[last.count - 1].text += "…"
                lines[lines.count - 1].spans = last
            }
        }
        notices = lines
        let (noticeRect, list) = body.splitTop(lines.count)
        self.noticeRect = noticeRect
        self.list = list
        let labels = PrepareField.allCases.map { TextWidth.of($0.label(state.words)) }.max() ?? 10
        valueColumn = min(4 + labels + 2, max(4, list.width / 2))
        if let error = state.editor?.error {
            errorLines = StyledLine(error, .error).wrapped(to: max(1, list.width - valueColumn - 1))
        } else {
            errorLines = []
        }
    }

    /// The list line a row starts on (the edited field's refusal takes lines below it).
    public func line(ofRow row: Int, _ state: PrepareState) -> Int {
        guard let edited = editedRow(state), edited < row else { return row }
        return row + errorLines.count
    }

    /// How many list lines a row takes.
    public func height(ofRow row: Int, _ state: PrepareState) -> Int {
        row == editedRow(state) ? 1 + errorLines.count : 1
    }

    /// All the list's lines.
    public func lineCount(_ state: PrepareState) -> Int { state.rows.count + errorLines.count }

    /// The row drawn on list line `line`, and whether it is the row's first line.
    public func row(atLine line: Int, _ state: PrepareState) -> (row: Int, first: Bool)? {
        guard line >= 0, line < lineCount(state) else { return nil }
        if let edited = editedRow(state), line > edited {
            if line <= edited + errorLines.count { return (edited, false) }
            return (line - errorLines.count, true)
        }
        return (line, true)
    }

    private func editedRow(_ state: PrepareState) -> Int? { state.editor == nil ? nil : state.selection }
}
