import LostphoneCore
import TerminalKit

/// The top line: the program, the clock since the start (or since the phone was lost), the device.
enum HeaderView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let w = state.words
        canvas.fill(rect, style: state.theme[.header])
        let start = state.incident.lostAt ?? state.incident.startedAt
        let clock = "◷ \(w[state.incident.lostAt == nil ? .sinceStart : .sinceLoss]) \(TimeInput.elapsed(from: start, to: state.now)) "
        let clockWidth = TextWidth.of(clock)
        // What is left to do and what the person can still tell come before the full title:
        // where they do not fit beside it, the title is just the program's name.
        let urgent = state.urgentLeft.map { w[.urgentLeft($0)] }
        var middle = ""
        if let model = state.incident.device.model { middle += model }
        if let imei = state.incident.device.imei { middle += (middle.isEmpty ? "" : " · ") + "\(w[.imei]) \(imei)" }
        if let lost = state.incident.lostAt { middle += (middle.isEmpty ? "" : " · ") + "\(w[.lostAt]) \(TimeInput.display(lost))" }
        let offer = middle.isEmpty && state.readOnlyDirectory == nil
        if offer { middle = w[.detailsOffer] }
        var title = " " + w[.appTitle]
        let wanted = TextWidth.of(title) + 2 + (urgent.map { TextWidth.of($0) + 2 } ?? 0) + TextWidth.of(middle) + 2 + clockWidth
        if wanted > rect.width { title = " lostphone" }
        let titleWidth = canvas.put(title, x: rect.x, y: rect.y, style: state.theme[.headerTitle],
                                    limit: max(0, rect.width - clockWidth - 1))
        var x = rect.x + titleWidth + 2
        if state.readOnlyDirectory != nil {
            // Said first and in the warning style: nothing pressed here is kept.
            x += canvas.put(" \(w[.readOnly]) ", x: x, y: rect.y, style: state.theme[.warning],
                            limit: max(0, rect.width - titleWidth - clockWidth - 3)) + 1
        }
        if let urgent, rect.maxX - x - clockWidth - 2 >= TextWidth.of(urgent) {
            x += canvas.put(urgent, x: x, y: rect.y, style: state.theme[urgent == w[.urgentLeft(0)] ? .header : .headerTitle]) + 2
        }
        // What is due after the first hour (`lostphone due`): said whole or not at all, in the
        // warning style once anything is overdue.
        let (overdue, dueSoon) = FollowUps.counts(FollowUps.list(state.incident, playbook: state.playbook), now: state.now)
        let due = DueWords.count(overdue: overdue, dueSoon: dueSoon, state.language)
        if !due.isEmpty, rect.maxX - x - clockWidth - 2 >= TextWidth.of(due) {
            x += canvas.put(due, x: x, y: rect.y, style: state.theme[overdue > 0 ? .warning : .headerTitle]) + 2
        }
        let room = rect.maxX - x - clockWidth - 2
        // The offer of `i` is shown whole or not at all.
        if offer && TextWidth.of(middle) > room { middle = "" }
        if !middle.isEmpty && room > 8 {
            canvas.put(TextWidth.truncate(middle, to: room), x: x, y: rect.y, style: state.theme[.header])
        }
        if rect.width > clockWidth {
            canvas.put(clock, x: rect.maxX - clockWidth, y: rect.y, style: state.theme[.headerTitle])
        }
    }
}
