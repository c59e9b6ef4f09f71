/// The words of recording from the command line and of the recording rules' refusals: part of
/// the one vocabulary (`Word.recording`), kept in a file of their own.
public enum RecordingWord: Hashable, Sendable {
    // Refusals (`RecordingRefusal`), said the same by the screen and the command line.
    case incidentIsResolved
    case clockWrong(time: String, opened: String)
    case happenedLongBefore(String, opened: String)
    case lostAtTooFar(String, opened: String)
    /// A change back-dated before the change it leaves: the step (and provider), its state,
    /// since when, the time given; what to do differs on the command line.
    case changeBeforeCurrentState(step: String, state: String, since: String, asked: String, onCommandLine: Bool)
    /// A lost-at time later than the first action: the time given, the action (its step, the
    /// state it was moved to or nil for a note, when it happened).
    case lostAfterFirstAction(lost: String, step: String, state: String?, happened: String, onCommandLine: Bool)
    case noteEmpty
    case noteTooLong(bytes: Int, limit: Int)
    case invisibleCharacter(String)
    /// A step recorded before the steps it requires: the step, those steps.
    case requiresFirst(step: String, unmet: String)
    case noProvidersForNone(step: String)
    /// Follow-ups: a retry time without blocked, a date that has passed or is too far, a bad key.
    case retryOnlyWhenBlocked, dueHasPassed(String), dueTooFar(String, opened: String), notAFollowUp(String)
    /// What to do about a refusal on the command line.
    case reopenWith(command: String), correctLostAtWith(command: String), anywayHint
    /// Un-marking a provider with something recorded for it: it stays the person's. On the
    /// screen, what to do first and then why, so that a cut line keeps what to do.
    case reopenToUnmark(provider: String, state: String), noteKeepsItYours(provider: String)
    /// On the command line: the step named; `state` nil when only notes are recorded; then
    /// the command that reopens it.
    case stillYours(provider: String, step: String, state: String?), unmarkAfterReopening(command: String)

    // `lostphone record` and `note`.
    case noSuchStep(String, list: String)
    case nameProvider(step: String, ids: String)
    case noProviders(step: String)
    case noSuchProvider(step: String, id: String, ids: String)
    case badTime(String)
    /// A deadline that cannot be read: what was typed, the forms accepted.
    case badDue(String, forms: String)
    case nothingRecorded
    case recordedIn(incident: String, what: String, state: String)
    case stepNow(String)
    case notedIn(incident: String, what: String)
    /// `record`, `note` or `due` found no incident open and started one; `resolved`: the last
    /// one, when it was resolved (a new one then is not what everyone expects).
    case startedNewIncident(id: String, resolved: String?)
    /// After `record … blocked --retry`: when to try again, with its date (a clock time past
    /// today's is tomorrow's).
    case retryAt(String)
    /// `due --add`: an item the person is to come back to, and by when.
    case dueAddedIn(incident: String, what: String, due: String)
    /// `due --done KEY`: the item closed.
    case dueClosedIn(incident: String, what: String, key: String)
    /// `due --done KEY` with a key the incident does not have; `open`: the open items' keys.
    case noSuchDueItem(key: String, incident: String, open: [String])
    /// `due --done KEY` on an item closed already.
    case dueDoneAlready(key: String, at: String)
    case happenedAtTime(String)
    case noneOfMineRecorded(incident: String, step: String)
    /// "None of mine" said where one of the step's providers is the person's: no other.
    case noOtherRecorded(incident: String, step: String, said: String)
    case stateDirectoryUnwritable

    // "None of mine": a step with providers of which the person has none.
    case noneOfMine

    // Opening an incident (`SessionError`), and a journal that does not take an event.
    case noSuchIncident(String, directory: String, known: [String])
    case noIncidentYet(directory: String)
    case incidentResolvedAt(String, at: String)
    case journalUnreadable(path: String, problem: String, backup: String?)
    case journalRefusedEvent(String)

    // `lostphone details`.
    case detailsNone(incident: String)
    case detailsSaved(incident: String)
    case detailsUnchanged

    // `lostphone next`.
    case nextNothingOpen, nextStep, nextFor, nextCall, nextSay, nextThenRecord(String)
    case nextPickYours(String)

    // `lostphone guide --ids`.
    case idsSteps, idsProviders

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .incidentIsResolved:
            return pair(zh: "这次事件已标记为处理完毕，不能再记录；运行 lostphone 会开始新的一次",
                        en: "the incident is resolved; run lostphone to start a new one")
        case .clockWrong(let time, let opened):
            return pair(zh: "电脑的时钟不对：现在是 \(time)，而这次事件开始于 \(opened)。请校准时钟后再试",
                        en: "the clock is wrong: it says \(time), and the incident started at \(opened). Set the computer's clock and try again")
        case .happenedLongBefore(let t, let opened):
            return pair(zh: "\(t) 比这次事件开始的时间（\(opened)）早了五年以上，请检查输入的时间",
                        en: "\(t) is more than five years before the incident started (\(opened)); check the time given")
        case .lostAtTooFar(let t, let opened):
            return pair(zh: "丢失时间 \(t) 与这次事件开始的时间（\(opened)）相差五年以上，请检查输入的时间",
                        en: "the lost-at time \(t) is more than five years from the incident's start (\(opened)); check the time given")
        case .changeBeforeCurrentState(let step, let state, let since, let asked, let onCommandLine):
            let fix = onCommandLine
                ? pair(zh: "请用 --at 给出 \(since) 或更晚的时间；如果那条记录有误，先在全屏界面（运行 lostphone）按 u 撤销。",
                       en: "Give --at \(since) or later; if that record is wrong, take it back first with u on the full screen (run lostphone).")
                : pair(zh: "请按 @ 设为 \(since) 或更晚的时间；如果那条记录有误，先按 u 撤销。",
                       en: "Set a time of \(since) or later with @; if that record is wrong, take it back first with u.")
            return pair(zh: "「\(step)」于 \(since) 记为“\(state)”，之后的变化不可能更早（你给的是 \(asked)）。",
                        en: "“\(step)” became \(state) at \(since); a change out of it can't have happened earlier (\(asked)).")
                + (language == .zh ? "" : " ") + fix
        case .lostAfterFirstAction(let lost, let step, let state, let happened, let onCommandLine):
            let first = state.map { pair(zh: "「\(step)」于 \(happened) 记为“\($0)”", en: "“\(step)” \($0) at \(happened)") }
                ?? pair(zh: "「\(step)」于 \(happened) 记下的备注", en: "a note on “\(step)” at \(happened)")
            let fix = onCommandLine
                ? pair(zh: "请用 --lost-at 给出 \(happened) 或更早的时间；如果那条记录有误，先在全屏界面（运行 lostphone）按 u 撤销。",
                       en: "Give --lost-at \(happened) or earlier; if that record is wrong, take it back first with u on the full screen (run lostphone).")
                : pair(zh: "请填 \(happened) 或更早的时间；如果那条记录有误，先按 u 撤销。",
                       en: "Give \(happened) or earlier; if that record is wrong, take it back first with u.")
            return pair(zh: "丢失时间 \(lost) 不能晚于最早记下的一项：\(first)。",
                        en: "The loss (\(lost)) can't be later than the first thing recorded: \(first).")
                + (language == .zh ? "" : " ") + fix
        case .noteEmpty: return pair(zh: "备注是空的", en: "the note is empty")
        case .retryOnlyWhenBlocked:
            return pair(zh: "只有记为“受阻”时才能定再试的时间", en: "a time to try again goes only with blocked")
        case .dueHasPassed(let t):
            return pair(zh: "\(t) 已经过去了，请给一个以后的时间", en: "\(t) has passed already; give a later time")
        case .dueTooFar(let t, let opened):
            return pair(zh: "\(t) 比这次事件开始的时间（\(opened)）晚了五年以上，请检查输入的时间",
                        en: "\(t) is more than five years after the incident started (\(opened)); check the time given")
        case .notAFollowUp(let key):
            return pair(zh: "“\(key)”不是待办事项的编号（lostphone due 列出编号）", en: "`\(key)` is not the key of a follow-up (lostphone due lists them)")
        case .noteTooLong(let bytes, let limit):
            return pair(zh: "备注有 \(bytes) 字节，超过了 \(limit) 字节的上限，请缩短", en: "the note is \(bytes) bytes, more than the \(limit) allowed; shorten it")
        case .invisibleCharacter(let code):
            return pair(zh: "含有看不见的字符或控制字符（\(code)），请去掉后重新输入",
                        en: "it holds an invisible or control character (\(code)); type it again without it")
        case .requiresFirst(let step, let unmet):
            return pair(zh: "「\(step)」要在这些步骤之后做：\(unmet)（尚未完成或跳过）。",
                        en: "“\(step)” comes after \(unmet), not done or skipped yet.")
        case .noProvidersForNone(let step):
            return pair(zh: "「\(step)」没有服务商可选，不能记为“我都没有”；不适用的话请记为 skipped",
                        en: "“\(step)” has no providers to have none of; record it skipped if it does not apply")
        case .reopenWith(let command):
            return pair(zh: "请先重新打开：\(command)", en: "reopen it first: \(command)")
        case .correctLostAtWith(let command):
            return pair(zh: "请给出更晚的时间，或修改丢失时间：\(command)", en: "give a later time, or correct the lost-at time: \(command)")
        case .anywayHint:
            return pair(zh: "仍要现在记录，请加上 --anyway。", en: "To record it now all the same, add --anyway.")
        case .reopenToUnmark(let provider, let state):
            return pair(zh: "要取消\(provider)，请先按 r 重新打开：它已记为“\(state)”",
                        en: "To un-mark \(provider), press r to reopen it first: it is recorded as \(state)")
        case .noteKeepsItYours(let provider):
            return pair(zh: "\(provider)有备注，所以仍算你的（备注会一直保留；u 可撤销最近一次操作）",
                        en: "\(provider) has a note, so it stays yours (notes are kept; u takes back the last action)")
        case .stillYours(let provider, let step, let state):
            guard let state else {
                return pair(zh: "\(provider)在「\(step)」中有备注，所以仍算你的，备注会一直保留。",
                            en: "\(provider) has a note in “\(step)”, so it stays yours; notes are kept.")
            }
            return pair(zh: "\(provider)在「\(step)」中已记为“\(state)”，所以仍算你的。",
                        en: "\(provider) is recorded as \(state) in “\(step)”, so it stays yours.")
        case .unmarkAfterReopening(let command):
            return pair(zh: "要取消，请先重新打开：\(command)", en: "To un-mark it, reopen it first: \(command)")

        case .noSuchStep(let id, let list):
            return pair(zh: "没有步骤 \(id)。步骤有：\(list)（lostphone guide --ids 列出全部编号）。",
                        en: "there is no step \(id). Steps: \(list) (lostphone guide --ids lists every id).")
        case .nameProvider(let step, let ids):
            return pair(zh: "\(step) 有多个服务商，请用 --provider 指明你的（\(ids)），或用 none 表示一个都没有。",
                        en: "\(step) has providers; name yours with --provider (\(ids)), or say none if you have none of them.")
        case .noProviders(let step):
            return pair(zh: "\(step) 没有服务商可选，请去掉 --provider。", en: "\(step) has no providers; leave out --provider.")
        case .noSuchProvider(let step, let id, let ids):
            return pair(zh: "\(step) 没有服务商 \(id)；它的服务商有：\(ids)。", en: "\(step) has no provider \(id); its providers: \(ids).")
        case .badTime(let t):
            return pair(zh: "看不懂时间 \(t)，请写成 14:35、2026-12-03 14:35 或 -20m。",
                        en: "cannot read the time \(t); use 14:35, 2026-12-03 14:35 or -20m.")
        case .badDue(let text, let forms):
            return pair(zh: "看不懂时间 \(text)，请写成 \(forms) 这样的形式。", en: "cannot read the time \(text); use \(forms).")
        case .nothingRecorded: return pair(zh: "没有记录任何内容。", en: "Nothing was recorded.")
        case .recordedIn(let incident, let what, let state):
            return pair(zh: "已记录到事件 \(incident)：\(what) 现在是“\(state)”", en: "Recorded in incident \(incident): \(what) is \(state)")
        case .stepNow(let state): return pair(zh: "；这一步现在是“\(state)”", en: "; the step is \(state)")
        case .notedIn(let incident, let what):
            return pair(zh: "已给 \(what) 添加备注（事件 \(incident)）", en: "Added a note to \(what) in incident \(incident)")
        case .startedNewIncident(let id, let resolved):
            if let resolved {
                return pair(zh: "这里没有进行中的事件（上一个 \(resolved) 已结案），所以新开了事件 \(id)。要看已结案的，用 lostphone status --incident \(resolved)。",
                            en: "no incident is open here (the last one, \(resolved), is resolved), so this started a new incident, \(id). For the resolved one: lostphone status --incident \(resolved).")
            }
            return pair(zh: "这里还没有事件，所以新开了事件 \(id)。", en: "no incident was open here, so this started one, \(id).")
        case .retryAt(let t): return pair(zh: "；再试时间 \(t)", en: "; try again at \(t)")
        case .dueAddedIn(let incident, let what, let due):
            return pair(zh: "已给 \(what) 添加待办，\(due) 到期（事件 \(incident)）", en: "Added an item to \(what), due \(due), in incident \(incident)")
        case .dueClosedIn(let incident, let what, let key):
            return pair(zh: "已关闭 \(what) 的待办 \(key)（事件 \(incident)）", en: "Closed \(key) of \(what) in incident \(incident)")
        case .noSuchDueItem(let key, let incident, let open):
            return open.isEmpty
                ? pair(zh: "事件 \(incident) 里没有待办 \(key)；现在没有未完成的待办。", en: "there is no item \(key) in incident \(incident); nothing is open.")
                : pair(zh: "事件 \(incident) 里没有待办 \(key)；未完成的有：\(open.joined(separator: "、"))。",
                       en: "there is no item \(key) in incident \(incident); open items: \(open.joined(separator: ", ")).")
        case .dueDoneAlready(let key, let at):
            return pair(zh: "\(key) 已经完成（\(at)），没有记录任何内容。", en: "\(key) is done already (\(at)); nothing was recorded.")
        case .happenedAtTime(let t): return pair(zh: "（实际发生于 \(t)）", en: " (happened at \(t))")
        case .noneOfMineRecorded(let incident, let step):
            return pair(zh: "已记录到事件 \(incident)：「\(step)」列出的服务商，你一家都没有。",
                        en: "Recorded in incident \(incident): none of the providers of “\(step)” is yours.")
        case .noOtherRecorded(let incident, let step, let said):
            return pair(zh: "已记录到事件 \(incident)：「\(step)」\(said)。", en: "Recorded in incident \(incident): “\(step)”: \(said).")
        case .stateDirectoryUnwritable: return pair(zh: "无法写入状态文件夹。", en: "the state directory cannot be written.")

        case .noneOfMine: return pair(zh: "我都没有", en: "none of mine")

        case .noSuchIncident(let id, let directory, let known):
            if known.isEmpty {
                return pair(zh: "\(directory) 里没有事件 \(id)，也还没有任何记录。", en: "no incident \(id) in \(directory); none has been recorded yet.")
            }
            let list = known.joined(separator: ", ")
            return pair(zh: "\(directory) 里没有事件 \(id)；现有：\(list)（lostphone incidents）。",
                        en: "no incident \(id) in \(directory); there are: \(list) (lostphone incidents).")
        case .noIncidentYet(let directory):
            return pair(zh: "\(directory) 里还没有任何事件记录。运行 lostphone 开始一次。",
                        en: "no incident has been recorded yet in \(directory). Run `lostphone` to start one.")
        case .incidentResolvedAt(let id, let at):
            return pair(zh: "事件 \(id) 已于 \(at) 标记为处理完毕，不能再记录。lostphone export --incident \(id) 可导出它的报告。",
                        en: "incident \(id) was resolved at \(at); nothing more can be recorded in it. `lostphone export --incident \(id)` writes its report.")
        case .journalUnreadable(let path, let problem, let backup):
            let state = backup.map { pair(zh: "只删去了最后被截断的一行（原文件保存在 \($0)），其余保持原样。",
                                          en: "Only its cut-off last line was removed (the original is kept at \($0)); the rest was left as it is.") }
                ?? pair(zh: "文件保持原样。", en: "The file was left as it is.")
            return pair(zh: "\(path)：\(problem)\n\(state)可用 lostphone --new 开始新的事件，或修复这个文件。",
                        en: "\(path): \(problem)\n\(state) Start a new incident with `lostphone --new`, or fix the file.")
        case .journalRefusedEvent(let problem):
            return pair(zh: "与日志不符，未记录（\(problem)）", en: problem)

        case .detailsNone(let incident):
            return pair(zh: "事件 \(incident) 还没有记下丢失时间和手机信息。用 lostphone details --lost-at 14:30 --owner 姓名 … 记下。",
                        en: "Incident \(incident) has no lost-at time or phone details yet. Set them with lostphone details --lost-at 14:30 --owner NAME …")
        case .detailsSaved(let incident): return pair(zh: "已记录到事件 \(incident)：", en: "Recorded in incident \(incident):")
        case .detailsUnchanged: return pair(zh: "与已记录的相同，没有写入新内容。", en: "The same as recorded already; nothing new was written.")

        case .nextNothingOpen:
            return pair(zh: "紧急和后续步骤都已完成或跳过。lostphone export 可导出报告。",
                        en: "Every action step is done or skipped. lostphone export writes the report.")
        case .nextStep: return pair(zh: "现在要做", en: "Do now")
        case .nextFor: return pair(zh: "服务商", en: "For")
        case .nextCall: return pair(zh: "拨打", en: "Call")
        case .nextSay: return pair(zh: "怎么说", en: "What to say")
        case .nextThenRecord(let command): return pair(zh: "办完后记录：\(command)", en: "When done, record it: \(command)")
        case .nextPickYours(let ids):
            return pair(zh: "还不知道你用的是哪一家（\(ids)），下面是第一家的号码；用 --provider 记录你的。",
                        en: "Which of these is yours is not known yet (\(ids)); the first one's number is shown. Record yours with --provider.")

        case .idsSteps: return pair(zh: "步骤编号", en: "Step ids")
        case .idsProviders: return pair(zh: "服务商编号", en: "provider ids")
        }
    }
}

extension Words {
    public subscript(_ word: RecordingWord) -> String { word.text(in: language) }
}
