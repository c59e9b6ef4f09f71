/// The words of the full screen's questions and input fields: "another bank?", "retry when?",
/// a time that cannot be read, whose note it is. Part of the one vocabulary (`Word.prompt`).
public enum PromptWord: Hashable, Sendable {
    /// What was just recorded, said before the question that follows: "ICBC done."
    case justRecorded(provider: String, StepState)
    /// "Another bank of yours?", in the word of the step's `group`.
    case anotherOfMine(group: String?)
    /// The question's choices, each a part the bottom line drops from the end when narrow.
    case pickAnother, markItMine, noMore
    /// A step whose providers the person has: they said they have no other (the answer "no
    /// more" to "another bank?"), for the timeline, `status` and the reports.
    case noOtherOfMine(group: String?)
    /// `b`: when to try again, asked before the blocked state is recorded.
    case retryWhen
    /// Cancelled with Esc: nothing was recorded.
    case blockedNotRecorded
    /// A time that cannot be read: what was typed, and every form accepted.
    case badTime(String)
    /// A deadline that cannot be read: what was typed, and every form accepted.
    case badRetry(String)
    /// The field's short label once an error takes the room of the long one.
    case happenedAtShort, retryShort
    /// The bottom line's first hint while a time given with `@` waits for the next action.
    case pendingTime
    /// The note's field: whose note it is (the provider, the step).
    case noteFor(String)
    case noteKeys
    /// Enter in the search with nothing found: the field stays open.
    case noMatchKeepTyping

    /// The kind of provider a group lists, as the question names it: `bank`, `SIM card`.
    static func noun(_ group: String?, _ language: Language) -> String {
        switch group {
        case "bank": language.pick(zh: "银行", en: "bank")
        case "carrier": language.pick(zh: "手机卡", en: "SIM card")
        case "platform": language.pick(zh: "借贷平台", en: "lending platform")
        case "account": language.pick(zh: "账号", en: "account")
        case "brand": language.pick(zh: "手机", en: "phone")
        default: language.pick(zh: "服务商", en: "provider")
        }
    }

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .justRecorded(let provider, let state):
            switch state {
            case .done: return pair(zh: "\(provider)已办好。", en: "\(provider) done.")
            case .blocked: return pair(zh: "\(provider)受阻。", en: "\(provider) blocked.")
            default: return pair(zh: "\(provider)：\(state.name(in: .zh))。", en: "\(provider) \(state.name(in: .en)).")
            }
        case .anotherOfMine(let group):
            let noun = PromptWord.noun(group, language)
            return pair(zh: "还有别的\(noun)吗？", en: "Another \(noun) of yours?")
        case .pickAnother: return pair(zh: "→/← 选择", en: "→/← pick")
        case .markItMine: return pair(zh: "m 标为我的", en: "m marks it yours")
        case .noMore: return pair(zh: "Enter：没有了", en: "Enter: no more")
        case .noOtherOfMine(let group):
            let noun = PromptWord.noun(group, language)
            return pair(zh: "没有别的\(noun)了", en: "no other \(noun) of mine")
        case .retryWhen:
            return pair(zh: "受阻。什么时候再试？（15:00、+30m）— 回车：不定时间，Esc 取消：",
                        en: "Blocked. Retry when? (15:00, +30m) — Enter: no time, Esc cancels: ")
        case .blockedNotRecorded: return pair(zh: "没有记录“受阻”", en: "Blocked was not recorded")
        case .badTime(let typed):
            return pair(zh: "看不懂“\(typed)”：请写成 14:35、2026-12-03 14:35 或 -20m",
                        en: "Could not read “\(typed)”: use 14:35, 2026-12-03 14:35 or -20m")
        case .badRetry(let typed):
            return pair(zh: "看不懂“\(typed)”：请写成 15:00、+30m、+2h、12-20 18:00 或 2026-12-20",
                        en: "Could not read “\(typed)”: use 15:00, +30m, +2h, 12-20 18:00 or 2026-12-20")
        case .happenedAtShort: return pair(zh: "实际发生时间：", en: "Happened at: ")
        case .pendingTime: return pair(zh: "用于下一项记录（@ 回车取消）", en: "for the next action (@ Enter cancels)")
        case .retryShort: return pair(zh: "什么时候再试：", en: "Retry when: ")
        case .noteFor(let whose): return pair(zh: "备注 → \(whose)", en: "Note for \(whose)")
        case .noteKeys: return pair(zh: "回车保存，Esc 取消：", en: "Enter saves, Esc cancels: ")
        case .noMatchKeepTyping: return pair(zh: "没有找到：请修改，或按 Esc 返回", en: "no match: change it, or Esc")
        }
    }
}
