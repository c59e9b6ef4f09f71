/// The program's own words: state names, labels and messages, in every language it speaks.
///
/// The screen, `lostphone status`, `lostphone guide` and every report format take their words
/// from here, so a thing has one name per language wherever it is shown. Each case names its
/// text in both languages at once (`pair(zh:en:)` takes both), so a word cannot be missing, nor
/// can its translation: either is a compile error. The playbook's texts (steps, providers,
/// tips) are not here; they come from the playbook.
///
/// English names and labels are written as they read inside a sentence ("then press",
/// "source"), and a renderer that starts a line, heading or label with one capitalizes it
/// (`Words.capitalized`, `Words.label`); titles, messages and sentences are written as shown.
public enum Word: Hashable, Sendable {
    /// A state's one name: `to do` / `待办`.
    case state(StepState)

    // The incident and the lost phone.
    case appTitle, reportTitle, incidentTitle, incidentID
    case started, resolved, notYet, lostAt, phoneModel, imei, phoneDetails, cleared, owner, lostNumber
    /// A provider the person uses, or one they marked as not theirs.
    case mine, notMine
    /// Beside a time the person gave: when it happened, as against when it was recorded.
    case happened, recorded
    case incidentStarted, incidentResolved
    case sinceStart, sinceLoss, elapsed, journal, guide, generated

    // Steps, providers and contacts.
    case step, stateHeading, updated, lastChange, provider, note, warning, why, whatToDo, priority
    case phone, thenPress, web, menu, source, article, confirmed, unconfirmed
    /// Whether the number itself is confirmed, when a voice-menu option goes with it.
    case numberConfirmed, numberUnconfirmed
    /// Whether the voice-menu option (`press`) is confirmed: `“press 9” unconfirmed`.
    case pressOption(String, confirmed: Bool)
    /// The steps to finish before this one, in the guide.
    case doFirst

    // Recording a step before the steps it requires.
    case confirmEarlyTitle, notSettledYet, confirmEarlyKeys
    /// Said when the person declines to record a step early.
    case notRecorded(step: String)

    // Report sections.
    case timeToFreeze, noFreezeYet, doneAt, stillOpen, allSettled, timeline, time, event

    // Messages on the screen.
    case saved, notSaved, undone, nothingToUndo, pickAStepFirst, pickADueItemsStep, reportWrittenTo, exportFailed
    case theme, languageNow, noMatch, noEvents, notePrompt, searchPrompt, tooSmall, quitKey
    case keysTitle, keysFooter
    /// Provider choice and happened-at times.
    case noProviders, happenedNow, notChosen
    case confirmProvider(provider: String, key: String)
    case timeInFuture(String)
    case timeBeforeLoss(String, lost: String)
    case nextHappenedAt(String)
    case happenedAtPrompt
    /// A paste with no text field open: it never runs as keys.
    case pasteIgnored
    /// A paste longer than the open field holds: what did not fit was left out.
    case pasteCut(limit: Int)
    /// Copying and QR codes.
    case copied(String), copyAgain, nothingToCopy, qrHint
    /// `y` sent the text with OSC 52, which no terminal confirms; what to do if it did not arrive.
    case sentToClipboard(String), sentClipboardHint
    case qrTooSmall(columns: Int, rows: Int)
    case providerHint, detailsTitle, detailsLostAtHint, detailsHint, detailsBadTime
    /// The one-line offer of `i` in place of a form over the guide, and its reminder at start.
    case detailsOffer, detailsReminder
    /// After an action moved the selection on: a note still goes to what was just done.
    case noteForJustDone
    /// Which hit of a search is shown, and how to reach the others.
    case matchOf(Int, Int), matchAfter(Int, Int), searchFirst
    /// How many urgent freezes are still open, in the header; the step to do now, in the list.
    case urgentLeft(Int), doNow
    /// Something is below the visible part of the list or the details.
    case moreBelow(lines: Int), moreRows(Int), moreRowsAbove(Int)
    /// The too-small screen: the minimum and the current size.
    case tooSmallNow(width: Int, height: Int)
    /// The timeline's detail of one event.
    case recordedAt, happenedAt, fromTo
    /// `e` when a report of the same name exists: a new name is used.
    case reportExistsNewName(String)
    /// Refusing to record a step in the state it is already in.
    case alreadyIn(step: String, StepState)
    /// Refusing a move the state machine does not allow from `state`.
    case reopenFirst(step: String, StepState)
    /// Said on leaving the full screen.
    case everythingSavedIn(path: String)
    /// Said on leaving when some actions could not be saved.
    case someNotSaved(count: Int, path: String)
    /// Said on leaving with a note typed and not added (Ctrl-C or a closed terminal while its
    /// field was open): the text and the command that adds it.
    case noteNotAdded(step: String, text: String, command: String)
    /// The header's mark, and what a key that would record says, when nothing can be written.
    case readOnly
    case readOnlyRefusal(directory: String)
    /// Said on leaving a read-only view.
    case nothingRecordedReadOnly(directory: String)
    /// An incident whose start was cut short (`HalfMadeIncident`): what it holds of its profile.
    case halfMadeIncident(present: Int, expected: Int)

    /// A duration in hours, minutes and seconds: `1h 02m 03s` / `1小时02分03秒`.
    case duration(seconds: Int)

    /// The prepared profile, the wallet card and the IMEI check (`ProfileWord`).
    case profile(ProfileWord)

    /// Recording and its refusals, `details`, `next` and `guide --ids` (`RecordingWord`).
    case recording(RecordingWord)

    /// The full screen's questions and input fields (`PromptWord`).
    case prompt(PromptWord)

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        func name(_ state: StepState) -> String { Word.state(state).text(in: language) }
        switch self {
        case .state(let state):
            switch state {
            case .pending: return pair(zh: "待办", en: "to do")
            case .inProgress: return pair(zh: "进行中", en: "in progress")
            case .done: return pair(zh: "已完成", en: "done")
            case .blocked: return pair(zh: "受阻", en: "blocked")
            case .skipped: return pair(zh: "已跳过", en: "skipped")
            }

        case .appTitle: return pair(zh: "lostphone · 手机丢失应急", en: "lostphone · phone lost or stolen")
        case .reportTitle: return pair(zh: "手机丢失处理报告", en: "Lost phone report")
        case .incidentTitle: return pair(zh: "手机丢失处理记录", en: "Lost phone incident")
        case .incidentID: return pair(zh: "编号", en: "incident")
        case .started: return pair(zh: "开始处理", en: "started")
        case .resolved: return pair(zh: "处理完毕", en: "resolved")
        case .notYet: return pair(zh: "尚未", en: "not yet")
        case .lostAt: return pair(zh: "丢失时间", en: "lost at")
        case .phoneModel: return pair(zh: "手机型号", en: "phone model")
        case .imei: return "IMEI"
        case .owner: return pair(zh: "机主", en: "owner")
        case .lostNumber: return pair(zh: "丢失手机号码", en: "lost phone number")
        case .mine: return pair(zh: "我在用", en: "one of mine")
        case .notMine: return pair(zh: "不是我的", en: "not mine")
        case .happened: return pair(zh: "实际发生", en: "happened")
        case .recorded: return pair(zh: "记录于", en: "recorded")
        case .phoneDetails: return pair(zh: "详情", en: "details")
        case .cleared: return pair(zh: "已清空", en: "cleared")
        case .incidentStarted: return pair(zh: "开始处理", en: "incident started")
        case .incidentResolved: return pair(zh: "处理完毕", en: "incident resolved")
        case .sinceStart: return pair(zh: "距开始", en: "since start")
        case .sinceLoss: return pair(zh: "距丢失", en: "since loss")
        case .elapsed: return pair(zh: "已过", en: "elapsed")
        case .journal: return pair(zh: "日志", en: "journal")
        case .guide: return pair(zh: "指南", en: "guide")
        case .generated: return pair(zh: "报告生成", en: "generated")

        case .step: return pair(zh: "步骤", en: "step")
        case .stateHeading: return pair(zh: "状态", en: "state")
        case .updated: return pair(zh: "更新时间", en: "updated")
        case .lastChange: return pair(zh: "最近更新", en: "last change")
        case .provider: return pair(zh: "服务商", en: "provider")
        case .note: return pair(zh: "备注", en: "note")
        case .warning: return pair(zh: "注意", en: "warning")
        case .why: return pair(zh: "为什么", en: "why")
        case .whatToDo: return pair(zh: "怎么做", en: "what to do")
        case .priority: return pair(zh: "优先级", en: "priority")
        case .phone: return pair(zh: "电话", en: "phone")
        case .thenPress: return pair(zh: "接通后按", en: "then press")
        case .web: return pair(zh: "网址", en: "web")
        case .menu: return pair(zh: "操作路径", en: "menu")
        case .source: return pair(zh: "来源", en: "source")
        case .article: return pair(zh: "原文", en: "the article")
        case .confirmed: return pair(zh: "已核实", en: "confirmed")
        case .unconfirmed: return pair(zh: "未核实", en: "unconfirmed")
        case .numberConfirmed: return pair(zh: "号码已核实", en: "number confirmed")
        case .numberUnconfirmed: return pair(zh: "号码未核实", en: "number unconfirmed")
        case .pressOption(let key, let confirmed):
            return confirmed
                ? pair(zh: "“按 \(key)”已核实", en: "“press \(key)” confirmed")
                : pair(zh: "“按 \(key)”未核实，语音菜单可能已变", en: "“press \(key)” unconfirmed, the voice menu may have changed")
        case .doFirst: return pair(zh: "请先完成", en: "do first")
        case .confirmEarlyTitle: return pair(zh: "现在就记录这一步？", en: "Record this step now?")
        case .notSettledYet: return pair(zh: "以下步骤尚未完成或跳过", en: "not done or skipped yet")
        case .confirmEarlyKeys: return pair(zh: "按 y 仍然记录，按其他任意键取消", en: "y records it anyway; any other key cancels")
        case .notRecorded(let step): return pair(zh: "未记录「\(step)」", en: "“\(step)” was not recorded")

        case .timeToFreeze: return pair(zh: "紧急冻结用时", en: "time to each urgent freeze")
        case .noFreezeYet: return pair(zh: "尚无已完成的紧急冻结。", en: "No urgent freeze is done yet.")
        case .doneAt: return pair(zh: "完成时间", en: "done at")
        case .stillOpen: return pair(zh: "尚未完成", en: "still open")
        case .allSettled:
            return pair(zh: "所有行动步骤均为“\(name(.done))”或“\(name(.skipped))”。",
                        en: "Every action step is \(name(.done)) or \(name(.skipped)).")
        case .timeline: return pair(zh: "时间线", en: "timeline")
        case .time: return pair(zh: "时间", en: "time")
        case .event: return pair(zh: "事件", en: "event")

        case .saved: return pair(zh: "已保存", en: "Saved")
        case .notSaved: return pair(zh: "未保存", en: "NOT saved")
        case .undone: return pair(zh: "已撤销", en: "Undone")
        case .nothingToUndo: return pair(zh: "没有可撤销的记录", en: "Nothing to undo")
        case .pickAStepFirst: return pair(zh: "请先在 1–4 面板中选择一个步骤", en: "Pick a step in panes 1–4 first")
        case .pickADueItemsStep: return pair(zh: "在待办里按回车跳到那一项的步骤，再在那里记录", en: "Enter takes you to the item's step; record it there")
        case .reportWrittenTo: return pair(zh: "报告已写入", en: "Report written to")
        case .exportFailed: return pair(zh: "导出失败", en: "Export failed")
        case .theme: return pair(zh: "主题", en: "Theme")
        case .languageNow: return pair(zh: "语言：中文", en: "Language: English")
        case .noMatch: return pair(zh: "无匹配", en: "no match")
        case .noEvents: return pair(zh: "还没有记录。选一项，办完按 d。", en: "Nothing recorded yet. Pick a step and press d when done.")
        case .notePrompt:
            return pair(zh: "备注（受理号、客服工号）— 回车保存，Esc 取消：",
                        en: "Note (reference no., agent) — Enter saves, Esc cancels: ")
        case .searchPrompt: return pair(zh: "搜索：", en: "Search: ")
        case .tooSmall: return pair(zh: "请把终端窗口放大到至少 40×10", en: "Enlarge the terminal to at least 40×10")
        case .quitKey: return pair(zh: "q 退出", en: "q quit")
        case .noProviders: return pair(zh: "这一步没有可选的服务商", en: "This step has no providers to choose from")
        case .happenedNow: return pair(zh: "下一项记录按现在的时间", en: "The next action is recorded as happening now")
        case .notChosen: return pair(zh: "未选定", en: "not chosen yet")
        case .confirmProvider(let provider, let key):
            return pair(zh: "是「\(provider)」吗？再按一次 \(key) 确认；m 标为我的；←/→ 选择你用的。",
                        en: "For \(provider)? Press \(key) again to confirm, m marks it yours, ←/→ picks yours.")
        case .timeInFuture(let t):
            return pair(zh: "\(t) 还没到，请输入已经过去的时间", en: "\(t) is in the future; give a time that has passed")
        case .timeBeforeLoss(let t, let lost):
            return pair(zh: "\(t) 早于手机丢失的时间（\(lost)）；请输入更晚的时间，或按 i 修改丢失时间",
                        en: "\(t) is before the phone was lost (\(lost)); give a later time, or correct the lost-at time with i")
        case .nextHappenedAt(let t):
            return pair(zh: "下一项记录的发生时间：\(t)（@ 后直接回车可取消）", en: "The next action happened at \(t) (@ then Enter on an empty field cancels)")
        case .happenedAtPrompt:
            return pair(zh: "实际发生时间（14:35、2026-12-03 14:35 或 -20m）— 回车确定，Esc 取消：",
                        en: "Happened at (14:35, 2026-12-03 14:35 or -20m) — Enter sets, Esc cancels: ")
        case .halfMadeIncident(let present, let expected):
            return pair(zh: "本次事件开始时被中断：按你的资料应写入 \(expected) 条准备记录，只写入了 \(present) 条，服务商、手机信息或防范措施可能缺失。请逐项核对，或运行 lostphone --new 重新开始。",
                        en: "This incident's start was cut short: it holds \(present) of the \(expected) events prepared from your profile, so providers, the phone or tips may be missing. Check them, or start afresh with lostphone --new")
        case .pasteIgnored: return pair(zh: "已忽略粘贴的文字：没有打开的输入框", en: "Paste ignored: no text field is open")
        case .pasteCut(let limit):
            return pair(zh: "粘贴的文字太长：这一栏最多 \(limit) 个字符，超出的部分没有放进去", en: "The paste was too long: this field holds \(limit) characters, and the rest was left out")
        case .copied(let what): return pair(zh: "已复制：\(what)", en: "Copied: \(what)")
        case .copyAgain: return pair(zh: " · 再按 y 复制下一个", en: " · y again for the next")
        case .sentToClipboard(let what): return pair(zh: "已将 \(what) 发送到终端的剪贴板", en: "Sent \(what) to the terminal's clipboard")
        case .sentClipboardHint:
            return pair(zh: "（粘贴不出来的话，按 Q 显示二维码）",
                        en: " (nothing pastes? Q shows a QR code)")
        case .nothingToCopy: return pair(zh: "这一步没有可复制的号码或网址", en: "This step has no number or address to copy")
        case .qrHint: return pair(zh: "用手机扫码 · Q 下一个 · 任意键关闭", en: "scan with a phone · Q next · any key closes")
        case .qrTooSmall(let columns, let rows):
            return pair(zh: "窗口太小，放不下二维码：至少需要 \(columns)×\(rows)", en: "The window is too small for the QR code: it needs \(columns)×\(rows)")
        case .keysTitle: return pair(zh: "按键", en: "Keys")
        case .keysFooter: return pair(zh: "每一步都已随时保存。按 Esc 或 ? 关闭。", en: "Everything is saved as you go. Esc or ? closes this.")
        case .providerHint: return pair(zh: "←/→ 选择你用的", en: "←/→ choose yours")
        case .matchOf(let i, let n): return pair(zh: "\(i)/\(n) · ↓ 下一个 ↑ 上一个", en: "\(i)/\(n) · ↓ next ↑ previous")
        case .searchFirst: return pair(zh: "先按 / 搜索", en: "Search with / first")
        case .matchAfter(let i, let n):
            return pair(zh: "搜索 \(i)/\(n) · n 或回车：下一个 · N：上一个", en: "Match \(i)/\(n) · n or Enter: next · N: previous")
        case .noteForJustDone: return pair(zh: "按 n 给它加备注", en: "n adds a note to it")
        case .detailsOffer: return pair(zh: "i：何时丢失、丢了什么", en: "i: when and what was lost")
        case .detailsReminder:
            return pair(zh: "先打电话。稍后按 i 记下何时丢失、丢了什么", en: "Call first. Later, i: when and what was lost")
        case .urgentLeft(let n):
            return n == 0 ? pair(zh: "紧急冻结已办完", en: "urgent freezes settled")
                : pair(zh: "紧急冻结还剩 \(n) 项", en: "\(n) urgent left")
        case .doNow: return pair(zh: "← 先办这项", en: "← now")
        case .moreBelow(let n): return pair(zh: "↓ 下面还有 \(n) 行", en: "↓ more below (\(n) line\(n == 1 ? "" : "s"))")
        case .moreRows(let n): return pair(zh: "↓ 下面还有 \(n) 项", en: "↓ more below (\(n))")
        case .moreRowsAbove(let n): return pair(zh: "↑ 上面还有 \(n) 项", en: "↑ more above (\(n))")
        case .tooSmallNow(let width, let height):
            return pair(zh: "现在是 \(width)×\(height)。", en: "It is \(width)×\(height) now.")
        case .recordedAt: return pair(zh: "记录于", en: "recorded at")
        case .happenedAt: return pair(zh: "发生于", en: "happened at")
        case .fromTo: return pair(zh: "状态", en: "state")
        case .reportExistsNewName(let name):
            return pair(zh: "已有同名报告，新报告另存为 \(name)", en: "A report of that name exists; this one is \(name)")
        case .detailsTitle: return pair(zh: "丢失手机的信息（可跳过）", en: "About the lost phone (optional)")
        case .detailsLostAtHint: return pair(zh: "例如 14:30、2026-11-24 14:30 或 -2h", en: "e.g. 14:30, 2026-11-24 14:30 or -2h")
        case .detailsHint: return pair(zh: "Tab 下一项 · 回车保存 · Esc 跳过", en: "Tab next field · Enter save · Esc skip")
        case .detailsBadTime:
            return pair(zh: "看不懂这个时间，请写成 14:30 或 2026-11-24 14:30",
                        en: "Could not read that time; use 14:30 or 2026-11-24 14:30")
        case .alreadyIn(let step, let state):
            return pair(zh: "「\(step)」已标记为“\(name(state))”", en: "“\(step)” is already \(name(state))")
        case .reopenFirst(let step, let state):
            return pair(zh: "「\(step)」已标记为“\(name(state))”，请先按 r 重新打开",
                        en: "“\(step)” is \(name(state)); press r to reopen it first")
        case .everythingSavedIn(let path):
            return pair(zh: "所有记录已保存在 \(path)。再次运行 lostphone 可继续；lostphone export 可导出报告。",
                        en: "Everything recorded is saved in \(path). Run lostphone again to continue; lostphone export writes a report.")
        case .noteNotAdded(let step, let text, let command):
            return pair(zh: "正在输入的备注没有添加到“\(step)”：\(text)\n要添加它，运行：\(command)",
                        en: "The note you were typing was not added to “\(step)”: \(text)\nTo add it, run: \(command)")
        case .someNotSaved(let count, let path):
            return pair(zh: "有 \(count) 项操作没能保存（屏幕上当时已提示“未保存”），请重新记录；其余记录都已保存在 \(path)。",
                        en: "\(count) action\(count == 1 ? " was" : "s were") NOT saved (the screen said so at the time); record \(count == 1 ? "it" : "them") again. Everything else is saved in \(path).")
        case .readOnly:
            return pair(zh: "只读", en: "READ-ONLY")
        case .readOnlyRefusal(let directory):
            return pair(zh: "只读：无法写入 \(directory)，不能记录；lostphone export -o 文件 仍可导出报告。",
                        en: "Read-only: \(directory) cannot be written, so nothing can be recorded; lostphone export -o FILE still writes a report.")
        case .nothingRecordedReadOnly(let directory):
            return pair(zh: "没有记录任何内容：无法写入 \(directory)。请用 --state-dir 指定一个可写的文件夹后再运行 lostphone。",
                        en: "Nothing was recorded: \(directory) cannot be written. Run lostphone with --state-dir set to a folder you can write to.")

        case .profile(let word): return word.text(in: language)
        case .recording(let word): return word.text(in: language)
        case .prompt(let word): return word.text(in: language)
        case .duration(let seconds):
            let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return h > 0
                ? pair(zh: "\(h)小时\(two(m))分\(two(s))秒", en: "\(h)h \(two(m))m \(two(s))s")
                : pair(zh: "\(m)分\(two(s))秒", en: "\(m)m \(two(s))s")
        }
    }
}

extension StepState {
    /// The state's one name in `language`, the same on the screen, in `status` and in reports.
    public func name(in language: Language) -> String { Word.state(self).text(in: language) }
}

/// The vocabulary in one language, with the punctuation that goes with it, for code that
/// writes a whole text in that language: `w[.why]`, `w.label(.why)`, `w.paren("…")`.
public struct Words: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public subscript(_ word: Word) -> String { word.text(in: language) }

    public subscript(_ word: ProfileWord) -> String { word.text(in: language) }

    /// The word with its first letter in capitals, to start a line, a heading or a label.
    public func capitalized(_ word: Word) -> String {
        let text = self[word]
        // Appended, not `+`: `String + Substring` is the generic `+`, whose first use asks the
        // runtime for `Substring`'s associated types (0.1 ms of the first frame, for the tabs).
        var capitalized = text.prefix(1).uppercased()
        capitalized.append(contentsOf: text.dropFirst())
        return capitalized
    }

    /// The word as a label before a value: `Why: ` / `为什么：`.
    public func label(_ word: Word) -> String { capitalized(word) + colon }

    /// `: ` in English, `：` in Chinese.
    public var colon: String {
        switch language {
        case .zh: "："
        case .en: ": "
        }
    }

    /// `, ` in English, `，` in Chinese.
    public var comma: String {
        switch language {
        case .zh: "，"
        case .en: ", "
        }
    }

    /// `; ` in English, `；` in Chinese.
    public var semicolon: String {
        switch language {
        case .zh: "；"
        case .en: "; "
        }
    }

    /// Two sentences one after the other: a space between them in English, none in Chinese. The
    /// first ends with a full stop if it has no ending of its own (a refusal is written for the
    /// status line, as a phrase: "“Freeze WeChat” is already done").
    public func sentences(_ first: String, _ second: String) -> String {
        switch language {
        case .zh: (first.last.map { "。！？；：.!?".contains($0) } ?? true ? first : first + "。") + second
        case .en: (first.last.map { ".!?;:。".contains($0) } ?? true ? first : first + ".") + " " + second
        }
    }

    /// ` (text)` in English, `（text）` in Chinese.
    public func paren(_ text: String) -> String {
        switch language {
        case .zh: "（\(text)）"
        case .en: " (\(text))"
        }
    }

    /// The title of a publication: `“title”` in English, `《title》` in Chinese.
    public func bookTitle(_ text: String) -> String {
        switch language {
        case .zh: "《\(text)》"
        case .en: "“\(text)”"
        }
    }

    /// A state's one name.
    public func name(_ state: StepState) -> String { state.name(in: language) }

    /// A step's state as the screen's details and the reports' step tables give it, saying what
    /// `status` says beside it: "none of mine" where the person has none of the step's
    /// providers (the state is skipped), and "no other bank of mine" after the state where they
    /// said so after their own.
    public func stepState(_ state: StepState, noneOfMine: Bool, noOther: Bool, group: String?) -> String {
        if noneOfMine { return self[.noneOfMine] }
        return name(state) + (noOther ? " · " + self[.prompt(.noOtherOfMine(group: group))] : "")
    }
}
