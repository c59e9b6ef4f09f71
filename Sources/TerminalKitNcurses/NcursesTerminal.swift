internal import CNcurses
import LostphoneCore
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncurses. The only file that imports CNcurses.
///
/// Input is read as raw bytes (ncurses' keypad decoding is off) and decoded by `KeyDecoder`:
/// terminfo knows only the sequences of the TERM it is given, and ncurses splits any other
/// into Escape plus keys, which is how an End key in tmux could close a note and run `4` and
/// `[`. The decoder knows the sequences terminals actually send, drops the rest whole, and
/// turns a bracketed paste into one paste event. ncurses still reads the bytes (so its resize
/// handling keeps working) and still draws.
///
/// ncurses keeps its own picture of the screen and `refresh` sends only the cells that changed;
/// on top of that this backend writes into ncurses only the cells that differ from the last
/// canvas, so a frame costs what changed, not the screen size. It never calls `clear()` per
/// frame: over a slow SSH link a full repaint on every key is visible lag.
///
/// Links (web contacts) are written past ncurses after each update, by `HyperlinkPainter`,
/// where `Hyperlink.enabled` says the terminal can take them.
public final class NcursesTerminal: TerminalBackend {
    private var screen: OpaquePointer?
    private var previous: Canvas?
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var decoder = KeyDecoder()
    private var decoded: [InputEvent] = []
    private var lastByte = ContinuousClock.now
    private let clock = ContinuousClock()
    /// How long a begun escape sequence may wait for its next byte before a lone Escape is the
    /// Escape key (and an unfinished sequence is dropped).
    private static let sequenceQuiet: Duration = .milliseconds(50)
    /// How long a paste may pause (a slow SSH link) before it is taken as ended.
    private static let pasteQuiet: Duration = .milliseconds(1000)
    public private(set) var colorDepth: ColorDepth = .none
    private let environment: [String: String]
    /// Writes the canvas's links as OSC 8 hyperlinks; nil where the terminal should not get them.
    private var hyperlinks: HyperlinkPainter?

    private struct PairKey: Hashable { let fg: Int32; let bg: Int32 }

    /// Checks that standard input and output are a terminal ncurses can drive; with
    /// `probeTerminfo`, that terminfo knows `TERM` too (it reads and parses the entry).
    public static func checkUsable(environment: [String: String], probeTerminfo: Bool = true) -> TerminalProblem? {
        if isatty(STDIN_FILENO) == 0 { return .inputNotATerminal }
        if isatty(STDOUT_FILENO) == 0 { return .outputNotATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { return .noTERM }
        if term == "dumb" { return .dumbTERM }
        if probeTerminfo && lp_terminal_known(term) == 0 { return .unknownTERM(term) }
        return nil
    }

    /// Takes over the terminal. `checked`: the caller has just run `checkUsable` (terminfo
    /// included), so the terminfo entry is not read a second time before newterm reads it.
    public init(environment: [String: String], checked: Bool = false) throws(TerminalProblem) {
        self.environment = environment
        if let problem = NcursesTerminal.checkUsable(environment: environment, probeTerminfo: !checked) { throw problem }
        UTF8Locale.ensureUTF8CharacterType()
        lp_save_terminal(STDIN_FILENO)
        lp_install_signal_handlers()
        // newterm, unlike initscr, returns nil instead of exiting the process on failure.
        guard let s = lp_newterm() else {
            throw TerminalProblem.cannotStart
        }
        screen = s
        set_term(s)
        lp_set_screen_active(1)
        cbreak()
        noecho()
        nonl()
        intrflush(lp_stdscr(), false)
        keypad(lp_stdscr(), false)
        meta(lp_stdscr(), true)
        scrollok(lp_stdscr(), false)
        curs_set(0)
        lp_set_input_modes(1)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        colorDepth = has_colors()
            ? ColorDepth.detect(colors: Int(lp_colors()), environment: environment)
            : .none
        if Hyperlink.enabled(environment: environment) { hyperlinks = HyperlinkPainter(colorDepth: colorDepth) }
        _ = adoptUnannouncedSize()
    }

    /// A resize whose SIGWINCH came before ncurses's handler was in place (during start-up), or
    /// never came (a program outside the terminal's foreground group), is never announced; the
    /// real size is compared once ncurses is up and whenever input times out, so such a resize
    /// is still seen, within a second. Not when LINES or COLUMNS is set: ncurses takes the size
    /// from them, and so does this program.
    private func adoptUnannouncedSize() -> Bool {
        guard environment["LINES"] == nil, environment["COLUMNS"] == nil else { return false }
        var rows: Int32 = 0, cols: Int32 = 0
        guard lp_real_size(&rows, &cols) == 0, rows != lp_lines() || cols != lp_cols() else { return false }
        // resize_term, not resizeterm: the latter also queues a KEY_RESIZE, which would repaint
        // the whole screen a second time.
        resize_term(rows, cols)
        invalidate()
        return true
    }

    deinit { stop() }

    /// Leaves the full screen and gives the terminal back exactly as it was.
    public func stop() {
        guard let s = screen else { return }
        lp_set_input_modes(0)
        curs_set(1)
        endwin()
        delscreen(s)
        screen = nil
        lp_set_screen_active(0)
    }

    public var width: Int { Int(lp_cols()) }
    public var height: Int { Int(lp_lines()) }

    /// Forgets the last frame and makes ncurses repaint the whole terminal on the next draw
    /// (Ctrl-L, after something else wrote over the screen).
    public func invalidate() {
        previous = nil
        clearok(lp_stdscr(), true)
    }

    public func draw(_ canvas: Canvas) {
        let repaintAll = previous == nil
        if repaintAll { erase() }
        for run in canvas.changedRuns(from: previous) {
            put(canvas, y: run.y, from: run.x, to: run.endX, style: run.style)
        }
        wnoutrefresh(lp_stdscr())
        doupdate()
        previous = canvas
        if let links = hyperlinks?.sequence(for: canvas, repaintedAll: repaintAll), !links.isEmpty { writeRaw(links) }
    }

    private func put(_ canvas: Canvas, y: Int, from: Int, to: Int, style: Style) {
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(to - from)
        for x in from..<to where !canvas[x, y].isContinuation {
            for s in canvas[x, y].grapheme.unicodeScalars { buffer.append(wchar_t(bitPattern: s.value)) }
        }
        let (attrs, pair) = cursesStyle(style)
        buffer.withUnsafeBufferPointer { p in
            _ = lp_put(Int32(y), Int32(from), p.baseAddress, Int32(p.count), attrs, pair)
        }
    }

    private func cursesStyle(_ style: Style) -> (UInt32, Int32) {
        let s = style.degraded(to: colorDepth)
        var a = lp_a_normal()
        if s.attributes.contains(.bold) { a |= lp_a_bold() }
        if s.attributes.contains(.dim) { a |= lp_a_dim() }
        if s.attributes.contains(.underline) { a |= lp_a_underline() }
        if s.attributes.contains(.reverse) { a |= lp_a_reverse() }
        guard colorDepth != .none else { return (a, 0) }
        let key = PairKey(fg: Int32(s.foreground.curses(for: colorDepth)), bg: Int32(s.background.curses(for: colorDepth)))
        if key.fg == -1 && key.bg == -1 { return (a, 0) }
        if let p = pairs[key] { return (a, p) }
        guard nextPair < lp_color_pairs() else { return (a, 0) }
        let p = nextPair
        nextPair += 1
        _ = lp_init_pair(p, key.fg, key.bg)
        pairs[key] = p
        return (a, p)
    }

    public func read(timeoutMilliseconds: Int) -> InputEvent? {
        let deadline = clock.now + .milliseconds(max(0, timeoutMilliseconds))
        while true {
            if let sig = takeSignal() { return .signal(sig) }
            if lp_take_suspend() != 0 { suspend(); return .resize }
            if lp_take_continue() != 0 { retake(); return .resize }
            if !decoded.isEmpty { return decoded.removeFirst() }
            let now = clock.now
            var wait = deadline - now
            switch decoder.pending {
            case .nothing: break
            case .sequence: wait = min(wait, lastByte + NcursesTerminal.sequenceQuiet - now)
            case .paste: wait = min(wait, lastByte + NcursesTerminal.pasteQuiet - now)
            }
            let ms = max(0, Int(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000))
            timeout(Int32(min(ms, Int(Int32.max))))
            let c = wgetch(lp_stdscr())
            if c == lp_key_resize() {
                // The terminal may have reflowed its old contents on resize (tmux does), which
                // ncurses cannot know: repaint every cell, as Ctrl-L does.
                invalidate()
                return .resize
            }
            if c >= 0 && c <= 255 {
                lastByte = clock.now
                decoded += decoder.feed(CollectionOfOne(UInt8(c)))
                continue
            }
            // Nothing came (a timeout or an interrupting signal).
            let quiet = clock.now - lastByte
            switch decoder.pending {
            case .nothing: break
            case .sequence: if quiet >= NcursesTerminal.sequenceQuiet { decoded += decoder.flush() }
            case .paste: if quiet >= NcursesTerminal.pasteQuiet { decoded += decoder.flush() }
            }
            if decoded.isEmpty && clock.now >= deadline {
                if let sig = takeSignal() { return .signal(sig) }
                return adoptUnannouncedSize() ? .resize : nil
            }
        }
    }

    private func takeSignal() -> Int32? {
        let s = lp_take_quit_signal()
        return s == 0 ? nil : s
    }

    /// Ctrl-Z or SIGTSTP: gives the terminal back as it was, stops (when a job-control shell
    /// can resume it), and takes the terminal again after SIGCONT.
    private func suspend() {
        lp_set_input_modes(0)
        endwin()
        lp_set_screen_active(0)
        lp_stop_process_group()
        _ = lp_take_continue()
        lp_set_screen_active(1)
        retake()
    }

    /// Takes the terminal again after a stop: program modes, mouse and paste, a full repaint.
    private func retake() {
        reset_prog_mode()
        lp_set_input_modes(1)
        invalidate()
        doupdate()
    }
}

extension NcursesTerminal {
    /// Writes `sequence` to the terminal past ncurses, after what ncurses has buffered. Only
    /// for sequences that draw nothing, so ncurses' picture of the screen stays true.
    public func writeRaw(_ sequence: String) {
        fflush(nil)
        let bytes = Array(sequence.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
    }
}
