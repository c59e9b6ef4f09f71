/// A key as the app sees it, whatever terminal sequence produced it.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab
    case enter, escape, backspace, delete
    /// Ctrl plus a letter, lower-case (`ctrl("c")`).
    case ctrl(Character)
}

/// What the event loop receives.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// A left click at a cell.
    case click(x: Int, y: Int)
    /// The wheel turned over a cell.
    case wheelUp(x: Int, y: Int), wheelDown(x: Int, y: Int)
    /// Text the terminal pasted (bracketed paste): it goes into the open text field or nowhere,
    /// and never runs as keys.
    case paste(String)
    /// The terminal changed size; the new size is read from the backend.
    case resize
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived.
    case signal(Int32)
}
