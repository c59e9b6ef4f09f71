/// Keys to actions in the normal mode: the key table of the README and the help overlay.
/// Dialogs (help, note, search, details) take keys first; see `update`.
public enum Keymap {
    public static func action(for key: Key) -> Action? {
        switch key {
        case .up, .char("k"): .moveSelection(-1)
        case .down, .char("j"): .moveSelection(1)
        case .pageUp, .ctrl("b"): .pageUp
        case .pageDown, .ctrl("f"): .pageDown
        case .home, .char("g"): .top
        case .end, .char("G"): .bottom
        case .tab: .nextPane
        case .backTab: .previousPane
        case .char("1"): .focusPane(0)
        case .char("2"): .focusPane(1)
        case .char("3"): .focusPane(2)
        case .char("4"): .focusPane(3)
        case .left, .char("["), .char("h"): .previousProvider
        case .right, .char("]"), .char("l"): .nextProvider
        case .enter: .toggleDetail
        case .ctrl("e"): .scrollDetail(1)
        case .ctrl("y"): .scrollDetail(-1)
        case .char("s"): .record(.inProgress)
        case .char("d"), .char(" "): .record(.done)
        case .char("b"): .record(.blocked)
        case .char("x"): .record(.skipped)
        case .char("r"): .record(.pending)
        case .char("n"): .startNote
        case .char("u"): .undo
        case .char("e"): .export
        case .char("/"): .startSearch
        case .char("L"): .toggleLanguage
        case .char("t"): .nextTheme
        case .char("?"), .char("？"): .toggleHelp
        case .char("i"): .editDetails
        case .char("q"), .ctrl("c"): .quit
        case .ctrl("l"): .redraw
        default: nil
        }
    }

    /// One line per key for the help overlay, in the table's order.
    public static func helpRows(_ s: Strings) -> [(keys: String, does: String)] {
        [
            ("↑ ↓  k j", s.helpMove),
            ("PgUp PgDn  g G", s.helpPage),
            ("Tab Shift-Tab  1–4", s.helpPane),
            ("← →  [ ]", s.helpProvider),
            ("Enter", s.helpDetail),
            ("Ctrl-E Ctrl-Y", s.helpScrollDetail),
            ("s", s.helpStart),
            ("d  Space", s.helpDone),
            ("b", s.helpBlocked),
            ("x", s.helpSkip),
            ("r", s.helpReopen),
            ("n", s.helpNote),
            ("u", s.helpUndo),
            ("e", s.helpExport),
            ("/", s.helpSearch),
            ("i", s.helpDetails),
            ("L", s.helpLanguage),
            ("t", s.helpTheme),
            ("?", s.helpHelp),
            ("Ctrl-L", s.helpRedraw),
            ("q", s.helpQuit),
        ]
    }
}
