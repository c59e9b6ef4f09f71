import LostphoneCore
import TerminalKit

/// The Due tab: each follow-up as `lostphone due` lists it (overdue first, then by date, the done
/// ones last), three lines each: how late or how long left and the date; what to do; the contact
/// to use (first, as everywhere on the screen), the step and the provider. Overdue items in the
/// warning style; done ones dimmed, with ✓ and when.
enum DueView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, rows: [DueList.Row], selected: Int, scroll: Int,
                     language: Language, theme: Theme) {
        if rows.isEmpty {
            var y = rect.y
            for line in StyledLine(DueWords.nothingDue[language], .muted).wrapped(to: max(1, rect.width - 1)) where y < rect.maxY {
                canvas.put(line, x: rect.x + 1, y: y, width: rect.width - 1, theme: theme)
                y += 1
            }
            return
        }
        // An undo can take an item away before the scroll is clamped again: never past the end.
        for (slot, i) in (min(max(0, scroll), rows.count)..<rows.count).enumerated() {
            let top = rect.y + slot * DueLayout.linesPerItem
            guard top < rect.maxY else { break }
            let isSelected = i == selected
            for (k, spans) in lines(rows[i], language).enumerated() where top + k < rect.maxY {
                canvas.put(isSelected && k == 0 ? "›" : " ", x: rect.x, y: top + k, style: theme[.paneBorderFocused])
                canvas.put(spans, x: rect.x + 1, y: top + k, width: rect.width - 1, theme: theme)
            }
            if isSelected {
                let height = min(DueLayout.linesPerItem, rect.maxY - top)
                canvas.restyle(Rect(x: rect.x + 1, y: top, width: rect.width - 1, height: height)) { s in
                    var s = s
                    s.attributes.formUnion(theme[.selection].attributes)
                    return s
                }
            }
        }
    }

    /// One item's three lines.
    static func lines(_ row: DueList.Row, _ language: Language) -> [[Span]] {
        let whose = Span("  " + ([row.stepTitle] + (row.providerName.map { [$0] } ?? [])).joined(separator: " · "), .muted)
        if row.status == .done {
            let when = row.closedAt.map { " " + TimeInput.display($0) } ?? ""
            return [[Span("✓ " + DueWords.doneOn[language] + when, .muted)], [Span("  " + row.title, .muted)], [whose]]
        }
        let element: ThemeElement = switch row.status {
        case .overdue: .warning
        case .dueSoon: .priority
        case .later, .done: .text
        }
        let glyph = row.status == .overdue ? "⚠" : "◷"
        var third = [whose]
        if let contact = row.contact { third = [Span("  " + contact, .contactPhone), Span(" ·" + whose.text.dropFirst(), .muted)] }
        return [
            [Span(glyph + " " + (row.relative ?? DueWords.status(row.status)[language]), element),
             Span("  " + DueWords.due[language] + " " + TimeInput.display(row.due), .muted)],
            [Span("  " + row.title, row.status == .overdue ? .warning : .text)],
            third,
        ]
    }
}
