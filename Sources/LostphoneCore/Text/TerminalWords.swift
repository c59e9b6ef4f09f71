/// Why the full screen cannot start, and what the person can use instead, in both languages.
/// The terminal kit's ncurses backend finds the problem; the command line says it.
public enum TerminalProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case inputNotATerminal
    case outputNotATerminal
    case noTERM
    case dumbTERM
    /// terminfo has no description of this terminal type (quoted as it was given, made visible).
    case unknownTERM(String)
    case cannotStart

    /// The reason alone.
    public func reason(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .inputNotATerminal: return pair(zh: "标准输入不是终端", en: "standard input is not a terminal")
        case .outputNotATerminal: return pair(zh: "标准输出不是终端", en: "standard output is not a terminal")
        case .noTERM: return pair(zh: "没有设置 TERM（试试 TERM=xterm-256color）", en: "TERM is not set (try TERM=xterm-256color)")
        case .dumbTERM: return pair(zh: "TERM=dumb 画不出全屏界面", en: "TERM=dumb cannot draw a full screen")
        case .unknownTERM(let term):
            let t = Sanitize.brief(term, limit: 40)
            return pair(zh: "这里不认识终端类型 '\(t)'（试试 TERM=xterm-256color）",
                        en: "the terminal type '\(t)' is unknown here (try TERM=xterm-256color)")
        case .cannotStart: return pair(zh: "ncurses 无法在这个终端上启动", en: "ncurses could not start on this terminal")
        }
    }

    /// The whole refusal: the reason, then the commands that work without a full screen.
    public func text(in language: Language) -> String {
        language.pick(
            zh: """
            lostphone：无法打开全屏界面：\(reason(in: .zh))。
            不用全屏，也可以：
              lostphone guide     以纯文本查看完整指南
              lostphone next      现在该办的一项：电话和怎么说
              lostphone record    记下一项的状态（lostphone record sim done）
              lostphone note      给一项添加备注（受理号、客服姓名）
              lostphone status    查看目前记录了什么
              lostphone export    导出给警方、银行或保险公司的报告
            """,
            en: """
            lostphone: cannot open the full screen: \(reason(in: .en)).
            Without it you can still use:
              lostphone guide     the whole guide as plain text
              lostphone next      the step to do now, its number and what to say
              lostphone record    record a step's state (lostphone record sim done)
              lostphone note      add a note to a step (a reference number, an agent's name)
              lostphone status    what has been recorded so far
              lostphone export    a report for the police, the bank or the insurer
            """)
    }

    public var description: String { text(in: .en) }
}
