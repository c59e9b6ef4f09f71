import LostphoneCore
import TerminalKit

/// Where a binding has something to act on. The key works in every place in normal mode (where
/// it has nothing to act on, `update` says why); its bottom-line hint shows only where it holds.
public enum BindingContext: Hashable, Sendable {
    case always
    /// A step of a pane is selected (not the timeline).
    case onStep
    /// A step with providers to choose between is selected.
    case onStepWithProviders
    /// Something is due soon or overdue (the header counts it), and the Due tab is not focused.
    case somethingDue
    /// Where `inner` holds and something can be recorded: a read-only view (the state folder
    /// cannot be written) does not offer the keys that would only be refused.
    indirect case writable(BindingContext)

    func holds(in state: AppState) -> Bool {
        switch self {
        case .always: true
        case .onStep: !state.isTimeline && state.selectedStep != nil
        case .onStepWithProviders: !state.isTimeline && !(state.selectedStep?.providers.isEmpty ?? true)
        case .somethingDue: !state.isDue && state.dueNeedsAttention
        case .writable(let inner): state.session.readOnlyDirectory == nil && inner.holds(in: state)
        }
    }
}

/// One line of the guide's key table.
public typealias KeyBinding = Binding<Action, BindingContext>

extension Binding where Action == LostphoneTUI.Action, Context == BindingContext {
    init(_ label: String, _ keys: [(Key, LostphoneTUI.Action)], help: LocalizedText, hint: KeyHint? = nil) {
        self.init(label, keys, help: help, hint: hint, when: .always)
    }
}

/// The key table of normal mode, in the README's order. Dispatch, the `?` help and the bottom
/// hints are all read from it, so they cannot disagree. Dialogs (help, note, search, details)
/// take keys first; see `update`.
public enum KeyBindings {
    public static var all: [KeyBinding] { table.all }

    static let table = Bindings<Action, BindingContext>([
        KeyBinding("↑ ↓  k j",
                   [(.up, .moveSelection(-1)), (.down, .moveSelection(1)),
                    (.char("k"), .moveSelection(-1)), (.char("j"), .moveSelection(1))],
                   help: LocalizedText(zh: "在列表中移动", en: "move in the list"),
                   hint: KeyHint(keys: "↑↓", text: LocalizedText(zh: "移动", en: "move"), rank: 2)),
        KeyBinding("PgUp PgDn  Ctrl-B Ctrl-F",
                   [(.pageUp, .pageUp), (.pageDown, .pageDown), (.ctrl("b"), .pageUp), (.ctrl("f"), .pageDown)],
                   help: LocalizedText(zh: "上一页 / 下一页", en: "page up / down")),
        KeyBinding("g G  Home End",
                   [(.char("g"), .top), (.char("G"), .bottom), (.home, .top), (.end, .bottom)],
                   help: LocalizedText(zh: "第一项 / 最后一项", en: "first / last")),
        KeyBinding("Tab Shift-Tab  1–6",
                   [(.tab, .nextPane), (.backTab, .previousPane),
                    (.char("1"), .focusPane(0)), (.char("2"), .focusPane(1)),
                    (.char("3"), .focusPane(2)), (.char("4"), .focusPane(3)), (.char("5"), .focusPane(4)),
                    (.char("6"), .focusPane(5))],
                   help: LocalizedText(zh: "切换面板", en: "change pane"),
                   hint: KeyHint(keys: "Tab", text: LocalizedText(zh: "切换", en: "pane"), rank: 3)),
        KeyBinding("← →  [ ]  h l",
                   [(.left, .previousProvider), (.right, .nextProvider),
                    (.char("["), .previousProvider), (.char("]"), .nextProvider),
                    (.char("h"), .previousProvider), (.char("l"), .nextProvider)],
                   help: LocalizedText(zh: "上一个 / 下一个服务商", en: "previous / next provider of the step"),
                   hint: KeyHint(keys: "←→", text: LocalizedText(zh: "服务商", en: "provider"), rank: 8),
                   when: .onStepWithProviders),
        KeyBinding("Enter", [(.enter, .toggleDetail)],
                   help: LocalizedText(zh: "打开或关闭详情（待办页：转到记录该事项的步骤）", en: "open or close the details (on the Due tab: go to where the item is recorded)"),
                   hint: KeyHint(keys: "Enter", text: LocalizedText(zh: "详情", en: "details"), rank: 10)),
        KeyBinding("Ctrl-E Ctrl-Y", [(.ctrl("e"), .scrollDetail(1)), (.ctrl("y"), .scrollDetail(-1))],
                   help: LocalizedText(zh: "滚动详情", en: "scroll the details")),
        KeyBinding("s", [(.char("s"), .record(.inProgress))],
                   help: LocalizedText(zh: "开始办理（进行中）", en: "start (in progress)"),
                   hint: KeyHint(keys: "s", text: LocalizedText(zh: "开始", en: "start"), rank: 4),
                   when: .writable(.onStep)),
        KeyBinding("d  Space", [(.char("d"), .record(.done)), (.char(" "), .record(.done))],
                   help: LocalizedText(zh: "已完成", en: "done"),
                   hint: KeyHint(keys: "d", text: LocalizedText(zh: "完成", en: "done"), rank: 1),
                   when: .writable(.onStep)),
        KeyBinding("b", [(.char("b"), .record(.blocked))],
                   help: LocalizedText(zh: "受阻（打不通）；问什么时候再试（15:00、+30m，回车：不定）",
                                       en: "blocked (could not get through); asks when to retry (15:00, +30m; Enter: no time)"),
                   hint: KeyHint(keys: "b", text: LocalizedText(zh: "受阻", en: "blocked"), rank: 5),
                   when: .writable(.onStep)),
        KeyBinding("x", [(.char("x"), .record(.skipped))],
                   help: LocalizedText(zh: "跳过（不适用）", en: "skip (does not apply)"),
                   hint: KeyHint(keys: "x", text: LocalizedText(zh: "跳过", en: "skip"), rank: 9),
                   when: .writable(.onStep)),
        KeyBinding("r", [(.char("r"), .record(.pending))],
                   help: LocalizedText(zh: "重新打开（回到待办）", en: "reopen (back to to do)"),
                   when: .writable(.onStep)),
        KeyBinding("@", [(.char("@"), .startHappenedAt)],
                   help: LocalizedText(zh: "下一项记录的实际发生时间（如 14:35、-20m）", en: "the next action happened earlier (14:35, -20m)"),
                   when: .writable(.onStep)),
        KeyBinding("m", [(.char("m"), .toggleMine)],
                   help: LocalizedText(zh: "标记 / 取消标记为我在用的服务商", en: "mark the shown provider as one of mine (or not)"),
                   hint: KeyHint(keys: "m", text: LocalizedText(zh: "我的", en: "mine"), rank: 13),
                   when: .writable(.onStepWithProviders)),
        KeyBinding("X", [(.char("X"), .noneOfMine)],
                   help: LocalizedText(zh: "这一步的服务商我都没有（或没有别的了），如没有借贷平台",
                                       en: "none (or no other) of the step's providers is mine: no lending platform"),
                   hint: KeyHint(keys: "X", text: LocalizedText(zh: "都没有", en: "none mine"), rank: 14),
                   when: .writable(.onStepWithProviders)),
        KeyBinding("n", [(.char("n"), .startNote)],
                   help: LocalizedText(zh: "添加备注（受理号、客服工号）", en: "add a note (reference number, agent's name)"),
                   hint: KeyHint(keys: "n", text: LocalizedText(zh: "备注", en: "note"), rank: 6),
                   when: .writable(.onStep)),
        KeyBinding("u", [(.char("u"), .undo)],
                   help: LocalizedText(zh: "撤销上一次记录", en: "undo the last recorded action"),
                   hint: KeyHint(keys: "u", text: LocalizedText(zh: "撤销", en: "undo"), rank: 7), when: .writable(.always)),
        KeyBinding("y", [(.char("y"), .copyContact)],
                   help: LocalizedText(zh: "把号码或网址发送到剪贴板（导出后：报告路径）", en: "send the number or address to the clipboard"),
                   hint: KeyHint(keys: "y", text: LocalizedText(zh: "复制", en: "copy"), rank: 13),
                   when: .onStep),
        KeyBinding("Q", [(.char("Q"), .showQRCode)],
                   help: LocalizedText(zh: "号码或网址的二维码（用手机扫码）", en: "the number or address as a QR code"),
                   when: .onStep),
        KeyBinding("e", [(.char("e"), .export)],
                   help: LocalizedText(zh: "导出报告", en: "export the report"),
                   hint: KeyHint(keys: "e", text: LocalizedText(zh: "导出", en: "export"), rank: 11)),
        KeyBinding("/", [(.char("/"), .startSearch)],
                   help: LocalizedText(zh: "搜索步骤、服务商、电话、网址和说明（边输入边找；↓ ↑ 下一个 / 上一个，回车确定）",
                                       en: "search steps, providers, numbers and text (as you type; ↓ ↑ next / previous, Enter keeps)")),
        KeyBinding("N", [(.char("N"), .previousMatch)],
                   help: LocalizedText(zh: "上一个搜索结果（搜索回车后紧接着按 n 或回车：下一个）",
                                       en: "previous match of the search (right after its Enter, n or Enter: the next)")),
        KeyBinding("D", [(.char("D"), .focusDue)],
                   help: LocalizedText(zh: "待办：之后要做的事、截止时间、还剩多久或已逾期多久、联系谁",
                                       en: "what is due: each follow-up, its date, the time left or overdue, whom to call"),
                   hint: KeyHint(keys: "D", text: LocalizedText(zh: "待办", en: "due"), rank: 5),
                   when: .somethingDue),
        KeyBinding("i", [(.char("i"), .editDetails)],
                   help: LocalizedText(zh: "何时丢失、丢了什么（丢失时间、机主、号码、型号、IMEI、保险，可跳过）",
                                       en: "when and what was lost (time, owner, number, model, IMEI, insurance; optional)")),
        KeyBinding("L", [(.char("L"), .toggleLanguage)],
                   help: LocalizedText(zh: "切换语言（中文 / English）", en: "switch language (中文 / English)"),
                   hint: KeyHint(keys: "L", text: LocalizedText(zh: "English", en: "中文"), rank: 12)),
        KeyBinding("t", [(.char("t"), .nextTheme)],
                   help: LocalizedText(zh: "下一个主题", en: "next theme")),
        KeyBinding("?  ？", [(.char("?"), .toggleHelp), (.char("？"), .toggleHelp)],
                   help: LocalizedText(zh: "本帮助", en: "this help"),
                   hint: KeyHint(keys: "?", text: LocalizedText(zh: "帮助", en: "help"), rank: 0)),
        KeyBinding("Ctrl-L", [(.ctrl("l"), .redraw)],
                   help: LocalizedText(zh: "重绘屏幕", en: "redraw the screen")),
        KeyBinding("q  Ctrl-C", [(.char("q"), .quit), (.ctrl("c"), .quit)],
                   help: LocalizedText(zh: "退出（所有记录都已保存）", en: "quit (everything is already saved)"),
                   hint: KeyHint(keys: "q", text: LocalizedText(zh: "退出", en: "quit"), place: .rightEnd)),
    ])

    /// A key as a message names it: `b`, `Space`, `Enter`.
    static func name(_ key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .enter: "Enter"
        default: "\(key)"
        }
    }

    /// What a key asks for in normal mode, or nil for a key with no binding.
    public static func action(for key: Key) -> Action? { table.action(for: key) }

    /// One line per binding for the help overlay, in the table's order.
    public static func helpRows(_ language: Language) -> [(keys: String, does: String)] { table.helpRows(language) }

    /// The ranked hints that hold for the state, most needed first.
    static func hints(_ state: AppState) -> [(keys: String, text: String)] {
        table.hints(state.display.language) { $0.holds(in: state) }
    }

    /// The hint kept at the right end of the bottom line (how to leave).
    static func rightEndHint(_ state: AppState) -> (keys: String, text: String)? {
        table.rightEndHint(state.display.language) { $0.holds(in: state) }
    }
}
