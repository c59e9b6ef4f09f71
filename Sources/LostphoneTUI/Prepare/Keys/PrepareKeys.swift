import LostphoneCore
import TerminalKit

/// Where a hint of the form is worth showing on the bottom line.
public enum PrepareContext: Hashable, Sendable {
    case always, onCheckbox, onField

    func holds(_ row: PrepareRow?) -> Bool {
        switch (self, row) {
        case (.always, _): true
        case (.onCheckbox, .option?), (.onCheckbox, .tip?): true
        case (.onField, .field?): true
        default: false
        }
    }
}

/// One line of the form's key table.
public typealias PrepareBinding = Binding<PrepareAction, PrepareContext>

extension Binding where Action == PrepareAction, Context == PrepareContext {
    init(_ label: String, _ keys: [(Key, PrepareAction)], help: LocalizedText) {
        self.init(label, keys, help: help, hint: nil, when: .always)
    }
}

/// The form's keys while browsing, in the order the help lists them. Dispatch, the `?` help and
/// the bottom hints are all read from this table (as the guide's `KeyBindings`), so they cannot
/// disagree. A field being edited and the help take keys first (`PrepareUpdate`).
public enum PrepareKeys {
    public static var all: [PrepareBinding] { table.all }

    static let table = Bindings<PrepareAction, PrepareContext>([
        PrepareBinding("↑ ↓  k j", [(.up, .move(-1)), (.down, .move(1)), (.char("k"), .move(-1)), (.char("j"), .move(1))],
                       help: LocalizedText(zh: "上下移动", en: "move up and down"),
                       hint: KeyHint(keys: "↑↓", text: LocalizedText(zh: "移动", en: "move"), rank: 2), when: .always),
        PrepareBinding("PgUp PgDn  Ctrl-B Ctrl-F",
                       [(.pageUp, .page(-1)), (.pageDown, .page(1)), (.ctrl("b"), .page(-1)), (.ctrl("f"), .page(1))],
                       help: LocalizedText(zh: "上一页 / 下一页", en: "page up / down")),
        PrepareBinding("g G  Home End", [(.char("g"), .first), (.char("G"), .last), (.home, .first), (.end, .last)],
                       help: LocalizedText(zh: "第一项 / 最后一项", en: "first / last")),
        PrepareBinding("Tab Shift-Tab", [(.tab, .nextSection), (.backTab, .previousSection)],
                       help: LocalizedText(zh: "下一部分 / 上一部分（运营商、银行……预防清单）",
                                           en: "next / previous section (carrier, banks, … the checklist)"),
                       hint: KeyHint(keys: "Tab", text: LocalizedText(zh: "下一部分", en: "section"), rank: 3), when: .always),
        PrepareBinding("Space", [(.char(" "), .toggle)],
                       help: LocalizedText(zh: "勾选或取消（清单项记下今天的日期）；在输入项上：编辑", en: "tick or untick (a tip is dated today); on a field: edit it"),
                       hint: KeyHint(keys: "Space", text: LocalizedText(zh: "勾选", en: "tick"), rank: 1), when: .onCheckbox),
        PrepareBinding("Enter", [(.enter, .activate)],
                       help: LocalizedText(zh: "勾选或取消；在输入项上：编辑（回车保存，Esc 取消）",
                                           en: "tick or untick; on a field: edit it (Enter saves, Esc cancels)"),
                       hint: KeyHint(keys: "Enter", text: LocalizedText(zh: "编辑", en: "edit"), rank: 1), when: .onField),
        PrepareBinding("s", [(.char("s"), .saveNow)],
                       help: LocalizedText(zh: "原样保存（记为已核对）", en: "save as it is (marks it reviewed)")),
        PrepareBinding("?  ？", [(.char("?"), .toggleHelp), (.char("？"), .toggleHelp)],
                       help: LocalizedText(zh: "本帮助", en: "this help"),
                       hint: KeyHint(keys: "?", text: LocalizedText(zh: "帮助", en: "help"), rank: 0), when: .always),
        PrepareBinding("L", [(.char("L"), .toggleLanguage)],
                       help: LocalizedText(zh: "切换语言：English（会记住）", en: "language: 中文 (remembered)"),
                       hint: KeyHint(keys: "L", text: LocalizedText(zh: "English", en: "中文"), rank: 4), when: .always),
        PrepareBinding("Ctrl-L", [(.ctrl("l"), .redraw)],
                       help: LocalizedText(zh: "重绘屏幕", en: "redraw the screen")),
        PrepareBinding("q  Esc  Ctrl-C", [(.char("q"), .quit), (.escape, .quit), (.ctrl("c"), .quit)],
                       help: LocalizedText(zh: "离开（每项修改都已随时保存）", en: "leave (every change is already saved)"),
                       hint: KeyHint(keys: "q", text: LocalizedText(zh: "离开", en: "leave"), place: .rightEnd), when: .always),
    ])

    /// What a key asks for while browsing, or nil for a key with no binding.
    public static func action(for key: Key) -> PrepareAction? { table.action(for: key) }

    /// One line per binding for the help, in the table's order.
    public static func helpRows(_ language: Language) -> [(keys: String, does: String)] {
        table.helpRows(language)
    }

    /// The ranked hints that hold on `row`, most needed first.
    static func hints(on row: PrepareRow?, _ language: Language) -> [(keys: String, text: String)] {
        table.hints(language) { $0.holds(row) }
    }

    /// The hint kept at the right end of the bottom line (how to leave).
    static func rightEndHint(_ language: Language) -> (keys: String, text: String)? {
        table.rightEndHint(language) { _ in true }
    }
}
