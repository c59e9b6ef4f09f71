/// The words of `lostphone incidents` and `lostphone resolve`, in both languages at once.
public enum IncidentWord: Hashable, Sendable {
    /// The listing's column headings.
    case columnID, columnStarted, columnLostAt, columnResolved, columnEvents, columnSettled
    /// A journal the listing cannot read, and why.
    case cannotBeRead(String)
    /// `resolve` done: the incident, when.
    case resolvedNow(String, at: String)

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .columnID: return pair(zh: "编号", en: "id")
        case .columnStarted: return pair(zh: "开始", en: "started")
        case .columnLostAt: return pair(zh: "丢失时间", en: "lost at")
        case .columnResolved: return pair(zh: "处理完毕", en: "resolved")
        case .columnEvents: return pair(zh: "记录数", en: "events")
        case .columnSettled: return pair(zh: "已完成", en: "settled")
        case .cannotBeRead(let problem): return pair(zh: "无法读取：\(problem)", en: "cannot be read: \(problem)")
        case .resolvedNow(let id, let at):
            return pair(zh: "事件 \(id) 已于 \(at) 标记为处理完毕。lostphone export 可导出它的报告；再运行 lostphone 会开始新的事件。",
                        en: "Incident \(id) resolved at \(at). `lostphone export` writes its report; `lostphone` starts a new incident.")
        }
    }
}

extension Words {
    public subscript(_ word: IncidentWord) -> String { word.text(in: language) }
}
