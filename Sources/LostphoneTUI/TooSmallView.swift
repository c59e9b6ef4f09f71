import LostphoneCore

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
