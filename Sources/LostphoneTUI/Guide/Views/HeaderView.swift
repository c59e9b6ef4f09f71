import LostphoneCore
import TerminalKit

/// The top line: the program, the clock since the start (or since the phone was lost), the device.
enum HeaderView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ content: HeaderContent, theme: Theme) {
        canvas.fill(rect, style: theme[.header])
        let clockWidth = TextWidth.of(content.clock)
        // What is left to do and what the person can still tell come before the full title:
        // where they do not fit beside it, the title is just the program's name.
        var title = content.title
        let wanted = TextWidth.of(title) + 2 + (content.urgent.map { TextWidth.of($0) + 2 } ?? 0)
            + TextWidth.of(content.middle) + 2 + clockWidth
        if wanted > rect.width { title = content.shortTitle }
        let titleWidth = canvas.put(title, x: rect.x, y: rect.y, style: theme[.headerTitle],
                                    limit: max(0, rect.width - clockWidth - 1))
        var x = rect.x + titleWidth + 2
        if let readOnly = content.readOnly {
            // Said first and in the warning style: nothing pressed here is kept.
            x += canvas.put(" \(readOnly) ", x: x, y: rect.y, style: theme[.warning],
                            limit: max(0, rect.width - titleWidth - clockWidth - 3)) + 1
        }
        if let urgent = content.urgent, rect.maxX - x - clockWidth - 2 >= TextWidth.of(urgent) {
            x += canvas.put(urgent, x: x, y: rect.y, style: theme[content.urgentSettled ? .header : .headerTitle]) + 2
        }
        // What is due after the first hour (`lostphone due`): said whole or not at all, in the
        // warning style once anything is overdue.
        if !content.due.isEmpty, rect.maxX - x - clockWidth - 2 >= TextWidth.of(content.due) {
            x += canvas.put(content.due, x: x, y: rect.y, style: theme[content.overdue ? .warning : .headerTitle]) + 2
        }
        let room = rect.maxX - x - clockWidth - 2
        // The offer of `i` is shown whole or not at all.
        var middle = content.middle
        if content.offer && TextWidth.of(middle) > room { middle = "" }
        if !middle.isEmpty && room > 8 {
            canvas.put(TextWidth.truncate(middle, to: room), x: x, y: rect.y, style: theme[.header])
        }
        if rect.width > clockWidth {
            canvas.put(content.clock, x: rect.maxX - clockWidth, y: rect.y, style: theme[.headerTitle])
        }
    }
}
