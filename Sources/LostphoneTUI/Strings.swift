import LostphoneCore

/// The program's own words (not the playbook's), in each language.
public struct Strings: Sendable {
    public let language: Language
    public let appTitle: String
    public let timelinePane: String
    public let sinceStart: String
    public let sinceLost: String
    public let stateNames: [StepState: String]
    public let why: String
    public let whatToDo: String
    public let contacts: String
    public let provider: String
    public let providerHint: String
    public let note: String
    public let warning: String
    public let phone: String
    public let web: String
    public let menu: String
    public let press: String
    public let unconfirmed: String
    public let source: String
    public let lastChange: String
    public let noEvents: String
    public let notePrompt: String
    public let searchPrompt: String
    public let noMatch: String
    public let helpTitle: String
    public let helpFooter: String
    public let tooSmall: String
    public let recorded: String
    public let saveFailed: String
    public let undone: String
    public let exportedTo: String
    public let exportFailed: String
    public let themeNow: String
    public let languageNow: String
    public let detailsTitle: String
    public let detailsLostAt: String
    public let detailsLostAtHint: String
    public let detailsModel: String
    public let detailsIMEI: String
    public let detailsHint: String
    public let detailsBadTime: String
    public let detailsSaved: String
    public let device: String
    public let lostAt: String
    public let quitHint: String
    public let recovered: String

    public static func of(_ language: Language) -> Strings { language == .zh ? zh : en }

    public static let en = Strings(
        language: .en,
        appTitle: "lostphone · phone lost or stolen",
        timelinePane: "Timeline",
        sinceStart: "since start",
        sinceLost: "since lost",
        stateNames: [.pending: "to do", .inProgress: "in progress", .done: "done", .blocked: "blocked", .skipped: "skipped"],
        why: "Why", whatToDo: "What to do", contacts: "Contacts", provider: "Provider",
        providerHint: "←/→ choose yours", note: "Note", warning: "Warning",
        phone: "Phone", web: "Web", menu: "Menu", press: "then press", unconfirmed: "unconfirmed",
        source: "source", lastChange: "last change", noEvents: "Nothing recorded yet. Pick a step and press d when done.",
        notePrompt: "Note (reference no., agent) — Enter saves, Esc cancels: ",
        searchPrompt: "Search: ", noMatch: "no match",
        helpTitle: "Keys", helpFooter: "Everything is saved as you go. Esc or ? closes this.",
        tooSmall: "Enlarge the terminal to at least 40×10", recorded: "Saved",
        saveFailed: "NOT saved", undone: "Undone", exportedTo: "Report written to",
        exportFailed: "Export failed", themeNow: "Theme", languageNow: "Language: English",
        detailsTitle: "About the lost phone (optional)", detailsLostAt: "Lost at",
        detailsLostAtHint: "e.g. 14:30 or 2026-11-24 14:30", detailsModel: "Model",
        detailsIMEI: "IMEI", detailsHint: "Tab next field · Enter save · Esc skip",
        detailsBadTime: "Could not read that time; use 14:30 or 2026-11-24 14:30",
        detailsSaved: "Details saved", device: "Device", lostAt: "lost at",
        quitHint: "q quit", recovered: "Journal repaired"
    )

    public static let zh = Strings(
        language: .zh,
        appTitle: "lostphone · 手机丢失应急",
        timelinePane: "时间线",
        sinceStart: "自开始",
        sinceLost: "自丢失",
        stateNames: [.pending: "待办", .inProgress: "进行中", .done: "已完成", .blocked: "未打通", .skipped: "不适用"],
        why: "为什么", whatToDo: "怎么做", contacts: "联系方式", provider: "服务商",
        providerHint: "←/→ 选择你的", note: "备注", warning: "注意",
        phone: "电话", web: "网址", menu: "路径", press: "接通后按", unconfirmed: "未核实",
        source: "来源", lastChange: "最近更新", noEvents: "还没有记录。选一项，办完按 d。",
        notePrompt: "备注（受理号、客服工号）— 回车保存，Esc 取消：",
        searchPrompt: "搜索：", noMatch: "无匹配",
        helpTitle: "按键", helpFooter: "每一步都已随时保存。按 Esc 或 ? 关闭。",
        tooSmall: "请把终端窗口放大到至少 40×10", recorded: "已保存",
        saveFailed: "未保存", undone: "已撤销", exportedTo: "报告已写入",
        exportFailed: "导出失败", themeNow: "主题", languageNow: "语言：中文",
        detailsTitle: "丢失手机的信息（可跳过）", detailsLostAt: "丢失时间",
        detailsLostAtHint: "例如 14:30 或 2026-11-24 14:30", detailsModel: "型号",
        detailsIMEI: "IMEI", detailsHint: "Tab 下一项 · 回车保存 · Esc 跳过",
        detailsBadTime: "看不懂这个时间，请写成 14:30 或 2026-11-24 14:30",
        detailsSaved: "信息已保存", device: "设备", lostAt: "丢失于",
        quitHint: "q 退出", recovered: "日志已修复"
    )
}
