import LostphoneCore

/// The message shown below the minimum size: wrapped to the screen, centred as far as it fits.
public enum TooSmallView {
    /// The same message for any full screen (the guide, the form of `lostphone prepare`).
    public static func draw(_ canvas: inout Canvas, words w: Words, theme: Theme, width screenWidth: Int, height screenHeight: Int) {
        let message = [(w[.tooSmall], ThemeElement.warning),
                       (w[.tooSmallNow(width: screenWidth, height: screenHeight)], ThemeElement.muted),
                       (w[.quitKey], ThemeElement.muted)]
        let lines = message.flatMap { text, element in
            StyledLine(text, element).wrapped(to: max(1, screenWidth)).map { ($0.map(\.text).joined(), element) }
        }
        let top = max(0, (screenHeight - lines.count) / 2)
        for (i, (line, element)) in lines.enumerated() where top + i < screenHeight {
            let width = TextWidth.of(line)
            canvas.put(line, x: max(0, (screenWidth - width) / 2), y: top + i, style: theme[element])
        }
    }
}
