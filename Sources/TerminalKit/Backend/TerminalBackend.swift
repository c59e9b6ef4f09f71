import LostphoneCore

/// Puts canvases on a screen and reads input. The ncurses backend is the real one; the TUI
/// tests drive `App` through a fake that queues keys and keeps the frames.
public protocol TerminalBackend: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// How many colours the terminal can show, after NO_COLOR.
    var colorDepth: ColorDepth { get }
    /// Shows `canvas`, sending only what changed since the last frame.
    func draw(_ canvas: Canvas)
    /// Waits up to `timeoutMilliseconds` for input; nil on timeout.
    func read(timeoutMilliseconds: Int) -> InputEvent?
    /// Forgets what is on screen, so the next draw repaints everything.
    func invalidate()
    /// Sends an escape sequence that draws nothing straight to the terminal (OSC 52: set the
    /// clipboard).
    func writeRaw(_ sequence: String)
}

extension TerminalBackend {
    /// A terminal that cannot take raw sequences ignores them.
    public func writeRaw(_ sequence: String) {}
}
