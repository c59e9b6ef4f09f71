import LostphoneCore

/// The message shown below the minimum size: wrapped to the screen, centred as far as it fits.
enum TooSmallView {
    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        let w = state.words
        let message = [(w[.tooSmall], ThemeElement.warning),
                       (w[.tooSmallNow(width: state.width, height: state.height)], ThemeElement.muted),
                       (w[.quitKey], ThemeElement.muted)]
        let lines = message.flatMap { text, element in
            StyledLine(text, element).wrapped(to: max(1, state.width)).map { ($0.map(\.text).joined(), element) }
        }
        let top = max(0, (state.height - lines.count) / 2)
        for (i, (line, element)) in lines.enumerated() where top + i < state.height {
            let width = TextWidth.of(line)
            canvas.put(line, x: max(0, (state.width - width) / 2), y: top + i, style: state.theme[element])
        }
    }
}
