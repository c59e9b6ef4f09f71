import LostphoneCore

/// The top line: the program, the clock since the start (or since the phone was lost), the device.
enum HeaderView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let w = state.words
        canvas.fill(rect, style: state.theme[.header])
        let start = state.incident.lostAt ?? state.incident.startedAt
        let clock = "◷ \(w[state.incident.lostAt == nil ? .sinceStart : .sinceLoss]) \(TimeInput.elapsed(from: start, to: state.now)) "
        let clockWidth = TextWidth.of(clock)
        let titleWidth = canvas.put(" " + w[.appTitle], x: rect.x, y: rect.y, style: state.theme[.headerTitle],
                                    limit: max(0, rect.width - clockWidth - 1))
        var x = rect.x + titleWidth + 2
        if state.readOnlyDirectory != nil {
            // Said first and in the warning style: nothing pressed here is kept.
            x += canvas.put(" \(w[.readOnly]) ", x: x, y: rect.y, style: state.theme[.warning],
                            limit: max(0, rect.width - titleWidth - clockWidth - 3)) + 1
        }
        var middle = ""
        if let model = state.incident.device.model { middle += model }
        if let imei = state.incident.device.imei { middle += (middle.isEmpty ? "" : " · ") + "\(w[.imei]) \(imei)" }
        if let lost = state.incident.lostAt { middle += (middle.isEmpty ? "" : " · ") + "\(w[.lostAt]) \(TimeInput.display(lost))" }
        let room = rect.maxX - x - clockWidth - 2
        if !middle.isEmpty && room > 8 {
            canvas.put(TextWidth.truncate(middle, to: room), x: x, y: rect.y, style: state.theme[.header])
        }
        if rect.width > clockWidth {
            canvas.put(clock, x: rect.maxX - clockWidth, y: rect.y, style: state.theme[.headerTitle])
        }
    }
}
