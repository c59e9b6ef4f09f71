/// The reports' own words, in both languages: the times' statement, the declaration, the cuts
/// for one reader, and signed durations. Kept beside the reports (as `ProfileWord` is beside the
/// profile) so the shared vocabulary in `Words.swift` only grows by what the screen also says.
public enum ReportWord: Hashable, Sendable {
    /// A signed time from the start: `4m 00s`, or `19m 36s before you opened lostphone`.
    case fromStart(seconds: Int)
    /// A signed time from the loss: `34m 00s`, or `5m 00s before the loss`.
    case fromLoss(seconds: Int)
    /// A prevention tip done before the loss, in the full report only.
    case doneBeforeLoss, tipsDoneBefore
    /// How the times were recorded, with the offset of this computer's clock (`+08:00`).
    case timesStatement(offset: String)
    case declarationTitle, declaration, name, date, signature
    /// The page footer: incident id, then `page N of M` (N and M filled in by CSS counters).
    case pageWord, ofWord, pageSuffix
    /// The cuts for one reader.
    case titleFor(ReportAudience)
    case whereLost, writeHere, whatWasDone, cardsFrozen, bankNotes, noBankYet, policeNumber
    case noPoliceNumber, paperTimeline

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        let w = Words(language)
        switch self {
        case .fromStart(let s):
            return s >= 0 ? w[.duration(seconds: s)]
                : pair(zh: "打开 lostphone 之前 \(w[.duration(seconds: -s)])", en: "\(w[.duration(seconds: -s)]) before you opened lostphone")
        case .fromLoss(let s):
            return s >= 0 ? w[.duration(seconds: s)]
                : pair(zh: "丢失之前 \(w[.duration(seconds: -s)])", en: "\(w[.duration(seconds: -s)]) before the loss")
        case .doneBeforeLoss: return pair(zh: "丢失前已做好", en: "done before the loss")
        case .tipsDoneBefore: return pair(zh: "丢失前已做好的防范措施", en: "Precautions taken before the loss")
        case .timesStatement(let offset):
            return pair(
                zh: "时间说明：所有时间均取自记录所用电脑的时钟，时区 UTC\(offset)。“实际发生”是本人陈述的事情发生时间；“记录于”是写入记录的时间。两者不同时，先列实际发生时间，括号内为记录时间。",
                en: "How the times were recorded: every time is from the clock of the computer used to record, time zone UTC\(offset). “Happened” is when the person states it happened; “recorded” is when it was written down. Where they differ, the happened time comes first and the recorded time follows in brackets.")
        case .declarationTitle: return pair(zh: "声明", en: "Declaration")
        case .declaration:
            return pair(zh: "本人声明，以上内容据本人所知真实、准确。",
                        en: "I declare that the above is true and accurate to the best of my knowledge.")
        case .name: return pair(zh: "姓名", en: "Name")
        case .date: return pair(zh: "日期", en: "Date")
        case .signature: return pair(zh: "签名", en: "Signature")
        case .pageWord: return pair(zh: "第 ", en: "page ")
        case .ofWord: return pair(zh: " 页，共 ", en: " of ")
        case .pageSuffix: return pair(zh: " 页", en: "")
        case .titleFor(let a):
            switch a {
            case .police: return pair(zh: "手机丢失报告（供公安机关）", en: "Lost phone report for the police")
            case .bank: return pair(zh: "手机丢失报告（供银行）", en: "Lost phone report for the bank")
            case .insurer: return pair(zh: "手机丢失报告（供保险公司）", en: "Lost phone report for the insurer")
            }
        case .whereLost: return pair(zh: "丢失地点", en: "Where it was lost")
        case .writeHere: return pair(zh: "（未记录，请手写）", en: "(not recorded: write it here)")
        case .whatWasDone: return pair(zh: "已做的事及时间", en: "What was done, and when")
        case .cardsFrozen: return pair(zh: "银行卡挂失冻结", en: "Bank cards frozen")
        case .bankNotes: return pair(zh: "方式与受理编号（本人记录）", en: "How, and reference numbers (as noted)")
        case .noBankYet: return pair(zh: "尚未记录任何银行。", en: "No bank recorded yet.")
        case .policeNumber: return pair(zh: "报警回执（本人记录）", en: "Police report (as noted)")
        case .noPoliceNumber: return pair(zh: "尚未记录", en: "not recorded yet")
        case .paperTimeline: return pair(zh: "经过", en: "Timeline")
        }
    }
}

/// Who a cut report is for: `lostphone export --for police|bank|insurer`, and the screen's `e`.
public enum ReportAudience: String, CaseIterable, Sendable, Hashable {
    case police, bank, insurer
}

extension Words {
    public subscript(_ word: ReportWord) -> String { word.text(in: language) }
}
