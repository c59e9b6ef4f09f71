import LostphoneCore
import TerminalKit

/// Where the form's parts go for a state: the title, the notices (wrapped, at most a third of
/// the screen), the list and the bottom line. `PrepareUpdate` scrolls by it and `PrepareView`
/// draws by it, so the selection stays where the person can see it.
public struct PrepareLayout: Sendable {
    public var header: Rect
    /// The notices' lines, wrapped, and where they go.
    public var notices: [(spans: [Span], element: ThemeElement)]
    public var noticeRect: Rect
    /// The bottom line's message, wrapped; empty when the line shows hints or the edit keys.
    public var message: [(spans: [Span], element: ThemeElement)]
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
        let room = max(1, (rest.height - 1) / 3)
        // A message is said whole (a path, a reason): wrapped over a few lines if need be.
        if let m = state.message, state.editor == nil {
            let element: ThemeElement = m.kind == .error ? .error : (m.kind == .success ? .success : .status)
            message = PrepareLayout.wrap([(" " + m.text, element)], width: state.width, room: room)
        } else {
            message = []
        }
        let (body, status) = rest.splitBottom(max(1, message.count))
        self.header = header
        self.status = status
        notices = PrepareLayout.wrap(state.notices.map { (" " + $0.text, $0.element) }, width: state.width, room: room)
        let (noticeRect, list) = body.splitTop(notices.count)
        self.noticeRect = noticeRect
        self.list = list
        let labels = PrepareField.allCases.map { TextWidth.of($0.label(state.words)) }.max() ?? 10
        valueColumn = min(3 + labels + 2, max(5, list.width / 2))
        if let error = state.editor?.error {
            errorLines = StyledLine(error, .error).wrapped(to: max(1, list.width - valueColumn - 1))
        } else {
            errorLines = []
        }
    }

    /// `texts` wrapped to `width` with a one-column hanging indent, at most `room` lines; a cut
    /// text ends in `…`.
    static func wrap(_ texts: [(String, ThemeElement)], width: Int, room: Int) -> [(spans: [Span], element: ThemeElement)] {
        var lines: [(spans: [Span], element: ThemeElement)] = []
        for (text, element) in texts {
            for part in StyledLine(text, element, hangingIndent: 1).wrapped(to: max(1, width - 1)) {
                // The indent in the line's own style, so a coloured line has no gap.
                lines.append((part.map { Span($0.text, element) }, element))
            }
        }
        guard lines.count > room else { return lines }
        lines = Array(lines.prefix(room))
        if var last = lines.last?.spans, !last.isEmpty {
            last[last.count - 1].text += "…"
            lines[lines.count - 1].spans = last
        }
        return lines
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
