import LostphoneCore

/// The key help and hint texts, in each language, until the key table holds them. Every other
/// word of the screen is in the vocabulary (`Word`, in LostphoneCore).
public struct Strings: Sendable {
    public let language: Language
    public let noteLabel: String
    public let helpTitle: String
    public let helpFooter: String
    public let hintMove: String, hintPane: String, hintDetail: String, hintStart: String, hintDone: String
    public let hintBlocked: String, hintSkip: String, hintNote: String, hintUndo: String, hintExport: String
    public let hintHelp: String, hintQuit: String, hintProvider: String, hintLanguage: String
    public let helpMove: String, helpPage: String, helpPane: String, helpProvider: String, helpDetail: String
    public let helpScrollDetail: String, helpStart: String, helpDone: String, helpBlocked: String
    public let helpSkip: String, helpReopen: String, helpNote: String, helpUndo: String, helpExport: String
    public let helpSearch: String, helpDetails: String, helpLanguage: String, helpTheme: String
    public let helpHelp: String, helpQuit: String, helpRedraw: String

    public static func of(_ language: Language) -> Strings { language == .zh ? zh : en }

    public static let en = Strings(
        language: .en,
        noteLabel: "Note",
        helpTitle: "Keys", helpFooter: "Everything is saved as you go. Esc or ? closes this.",
        hintMove: "move", hintPane: "pane", hintDetail: "details", hintStart: "start", hintDone: "done",
        hintBlocked: "blocked", hintSkip: "skip", hintNote: "note", hintUndo: "undo", hintExport: "export",
        hintHelp: "help", hintQuit: "quit", hintProvider: "provider", hintLanguage: "中文",
        helpMove: "move in the list", helpPage: "page / first / last", helpPane: "change pane",
        helpProvider: "previous / next provider of the step", helpDetail: "open or close the details",
        helpScrollDetail: "scroll the details", helpStart: "start (in progress)", helpDone: "done",
        helpBlocked: "blocked (could not get through)", helpSkip: "skip (does not apply)",
        helpReopen: "reopen (back to to do)", helpNote: "add a note (reference number, agent's name)",
        helpUndo: "undo the last recorded action", helpExport: "export the report",
        helpSearch: "search steps and providers", helpDetails: "lost-at time and device details",
        helpLanguage: "switch language (中文 / English)", helpTheme: "next theme",
        helpHelp: "this help", helpQuit: "quit (everything is already saved)",
        helpRedraw: "redraw the screen"
    )

    public static let zh = Strings(
        language: .zh,
        noteLabel: "备注",
        helpTitle: "按键", helpFooter: "每一步都已随时保存。按 Esc 或 ? 关闭。",
        hintMove: "移动", hintPane: "切换", hintDetail: "详情", hintStart: "开始", hintDone: "完成",
        hintBlocked: "未打通", hintSkip: "跳过", hintNote: "备注", hintUndo: "撤销", hintExport: "导出",
        hintHelp: "帮助", hintQuit: "退出", hintProvider: "服务商", hintLanguage: "English",
        helpMove: "在列表中移动", helpPage: "翻页 / 第一项 / 最后一项", helpPane: "切换面板",
        helpProvider: "上一个 / 下一个服务商", helpDetail: "打开或关闭详情",
        helpScrollDetail: "滚动详情", helpStart: "开始办理（进行中）", helpDone: "已完成",
        helpBlocked: "未打通（稍后再试）", helpSkip: "跳过（不适用）",
        helpReopen: "重新打开（回到待办）", helpNote: "添加备注（受理号、客服工号）",
        helpUndo: "撤销上一次记录", helpExport: "导出报告",
        helpSearch: "搜索步骤和服务商", helpDetails: "丢失时间和设备信息",
        helpLanguage: "切换语言（中文 / English）", helpTheme: "下一个主题",
        helpHelp: "本帮助", helpQuit: "退出（所有记录都已保存）",
        helpRedraw: "重绘屏幕"
    )
}
