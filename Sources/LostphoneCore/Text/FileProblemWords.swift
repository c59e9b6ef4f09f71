import Foundation

/// What is wrong in a playbook, a theme or the profile file, as a value: said in both languages
/// by `text(in:)`. `what` names the place in the file's own terms (`source.date`, `step title`,
/// `styles.header.fg`): the file formats' keys are English words, so it stays as it is in both
/// languages, as do keys and values quoted from the file (`FileProblem` makes them visible).
public enum FileProblemKind: Hashable, Sendable {
    // Reading the file.
    /// More bytes than any such file needs; `notRead` when refused before reading a byte.
    case tooLarge(bytes: Int, limit: Int, notRead: Bool = false)
    case grewWhileRead(limit: Int)
    case empty
    /// Aliases expanded past the node budget.
    case aliasBudget(limit: Int)
    /// The YAML parser's own detail is quoted as it gives it.
    case invalidYAML(detail: String)
    case duplicateKeys([String])
    case unreadableText(detail: String)
    case notUTF8
    case cannotReadPlaybook
    case cannotReadTheme
    /// The system's reason (`strerror`); `checkPermissions` when opening it was refused.
    case cannotRead(reason: String, checkPermissions: Bool)
    case symbolicLink
    case notARegularFile
    case hardLink(names: Int)

    // The shape of the YAML.
    case notAMapping(what: String)
    case keyNotAWord(what: String)
    case unknownKey(what: String, key: String, allowed: [String])
    case missingKey(what: String, key: String)
    case notAList(what: String)
    case notAText(what: String)
    case controlCharacter(what: String, scalar: UInt32)
    case notAWholeNumber(what: String)
    /// `value` is nil when the node is not a scalar at all.
    case notTrueOrFalse(what: String, value: String?)

    // A playbook.
    case notAPlaybook
    case unsupportedLanguage(String)
    case languageListedTwice(String)
    case noLanguage
    case versionTooLow
    case noPanes
    case tooManyPanes(limit: Int)
    case paneIDTwice(String)
    case badIdentifier(what: String, value: String)
    case textMissing(what: String, language: String)
    case textEmpty(what: String, language: String)
    case notAPlaybookLanguage(what: String, key: String)
    case notADate(what: String)
    case notAWebAddress(what: String)
    case badPaneKind
    case noSteps
    case needsPriority(step: String)
    case tipHasPriority(step: String)
    case stepIDUsed(String, line: Int)
    case priorityOutOfRange
    case providerIDTwice(String)
    case groupWithoutProviders
    case choiceWithProviders
    /// `key` is only read beside `other` (`choice-name` with `choice`).
    case onlyWith(key: String, other: String)
    case pressWithoutPhone
    case readAtWithoutPage
    case requiresListedTwice(String)
    case requiresEmpty
    case requiresWithoutWhy
    case followUpSharedWithProvider(id: String, provider: String)
    case requiresUnknownStep(String)
    /// The steps in the circle, the first one again at the end.
    case requiresCycle([String])
    case followUpsEmpty
    case followUpIDTwice(String)
    case badAfter(String)
    case badDue(String)
    case closedByUnknownStep(String)
    case groupMismatch(group: String, step: String, missing: [String], extra: [String], reference: String, line: Int)
    case contactKinds(found: [String])
    case badPhone(String)
    case badWeb(String)
    case badPress(String)
    /// `confirmed: true` (or `press-confirmed`) without the page that says it.
    case confirmedWithoutPage(key: String)
    case badPage(key: String, value: String)
    case badSource(String)

    // A theme.
    case unreadableStyle(element: String, contrast: Double)
    case builtinColourName(String)
    case badPaletteName(String)
    case notAColour(what: String, value: String)
    case noSuchThemeFile
    case noSuchTheme(known: [String])

    // The profile.
    case profileTooNew(version: Int, reads: Int)
    /// A field's text refused by its validator (`DeviceField.accept`).
    case field(what: String, FieldProblem)
    case notATime(what: String, value: String)

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        func list(_ items: [String]) -> String { items.joined(separator: language == .zh ? "、" : ", ") }
        // A value quoted from the file is kept short, so a long one cannot push what is wrong
        // with it out of the message (`FileProblem` keeps the whole message short too).
        func q(_ value: String) -> String { Sanitize.brief(value, limit: 80) }
        // The place in the Chinese text: the format's elements in Chinese, its keys as written.
        func place(_ what: String) -> String { Self.place(what, in: .zh) }
        func subject(_ what: String) -> String {
            let said = place(what)
            return said.unicodeScalars.last.map { (0x4E00...0x9FFF).contains($0.value) } == true ? said : said + " "
        }
        switch self {
        case .tooLarge(let bytes, let limit, let notRead):
            return pair(zh: "文件有 \(bytes) 字节，超过允许的 \(limit) 字节；是不是选错了文件？" + (notRead ? "没有读取它。" : ""),
                        en: "the file is \(bytes) bytes, more than the \(limit) allowed; is it the right file?" + (notRead ? " It was not read" : ""))
        case .grewWhileRead(let limit):
            return pair(zh: "读取时文件增长到超过 \(limit) 字节；是不是选错了文件？",
                        en: "the file grew past \(limit) bytes while being read; is it the right file?")
        case .empty:
            return pair(zh: "文件是空的", en: "the file is empty")
        case .aliasBudget(let limit):
            return pair(zh: "展开别名（*name）后，文件里的值超过 \(limit) 个，远多于任何指南或主题所需；已拒绝（在这里超出上限）",
                        en: "with its aliases (*name) expanded, the file holds more than \(limit) values, far more than a playbook or theme needs; it is refused (the budget ran out here)")
        case .invalidYAML(let detail):
            return pair(zh: "不是有效的 YAML：\(detail)", en: "not valid YAML: \(detail)")
        case .duplicateKeys(let keys):
            return pair(zh: "重复的键：\(list(keys.map(q)))", en: "duplicate key \(list(keys.map(q)))")
        case .unreadableText(let detail):
            return pair(zh: "无法读取文本：\(detail)", en: "cannot read the text: \(detail)")
        case .notUTF8:
            return pair(zh: "这里不是 UTF-8 文本；请把文件存为 UTF-8", en: "not UTF-8 text here; save the file as UTF-8")
        case .cannotReadPlaybook:
            return pair(zh: "无法读取文件（文件是否存在？你有权读取吗？）", en: "cannot read the file (does it exist, and may you read it?)")
        case .cannotReadTheme:
            return pair(zh: "无法读取主题文件", en: "cannot read the theme file")
        case .cannotRead(let reason, let checkPermissions):
            return pair(zh: "无法读取文件（\(reason)）" + (checkPermissions ? "；请检查它的权限" : ""),
                        en: "cannot read the file (\(reason))" + (checkPermissions ? "; check its permissions" : ""))
        case .symbolicLink:
            return pair(zh: "是一个符号链接；lostphone 不会顺着链接读取自己的文件。请用文件本身替换这个链接",
                        en: "is a symbolic link; lostphone does not follow links to its files. Replace the link with the file itself")
        case .notARegularFile:
            return pair(zh: "不是普通文件", en: "is not a regular file")
        case .hardLink(let names):
            return pair(zh: "有 \(names) 个名字（硬链接）；lostphone 只使用独立的文件。请把它复制成一个独立的文件",
                        en: "has \(names) names (a hard link); lostphone uses only a file of its own. Copy it to a file of its own")

        case .notAMapping(let what):
            return pair(zh: "\(subject(what))必须是映射（键: 值）", en: "\(what) must be a mapping (key: value)")
        case .keyNotAWord(let what):
            return pair(zh: "\(place(what))：键必须是一个普通的词", en: "\(what): a key must be a plain word")
        case .unknownKey(let what, let key, let allowed):
            return pair(zh: "\(place(what))：未知的键 `\(q(key))`（可用的键：\(allowed.joined(separator: ", "))）",
                        en: "\(what): unknown key `\(q(key))` (allowed: \(allowed.joined(separator: ", ")))")
        case .missingKey(let what, let key):
            return pair(zh: "\(place(what))：缺少 `\(q(key))`", en: "\(what): `\(q(key))` is missing")
        case .notAList(let what):
            return pair(zh: "\(subject(what))必须是列表", en: "\(what) must be a list")
        case .notAText(let what):
            return pair(zh: "\(subject(what))必须是文本", en: "\(what) must be a text")
        case .controlCharacter(let what, let scalar):
            let point = FieldProblem.codePoint(scalar)
            return pair(zh: "\(subject(what))含有控制字符（\(point)），请删掉它", en: "\(what) holds a control character (\(point)); remove it")
        case .notAWholeNumber(let what):
            return pair(zh: "\(subject(what))必须是整数", en: "\(what) must be a whole number")
        case .notTrueOrFalse(let what, nil):
            return pair(zh: "\(subject(what))必须是 true 或 false", en: "\(what) must be true or false")
        case .notTrueOrFalse(let what, let value?):
            return pair(zh: "\(subject(what))必须是 true 或 false，不能是 `\(q(value))`", en: "\(what) must be true or false, not `\(q(value))`")

        case .notAPlaybook:
            return pair(zh: "不是指南文件", en: "not a playbook")
        case .unsupportedLanguage(let value):
            return pair(zh: "languages：不支持 `\(q(value))`（请用 zh 和/或 en）", en: "languages: `\(q(value))` is not supported (use zh and/or en)")
        case .languageListedTwice(let value):
            return pair(zh: "languages：`\(q(value))` 列了两次", en: "languages: `\(q(value))` is listed twice")
        case .noLanguage:
            return pair(zh: "languages：至少写上 zh、en 中的一个", en: "languages: name at least one of zh, en")
        case .versionTooLow:
            return pair(zh: "version 必须是 1 或更大", en: "version must be 1 or more")
        case .noPanes:
            return pair(zh: "panes：指南至少要有一个面板", en: "panes: the playbook needs at least one pane")
        case .tooManyPanes(let limit):
            return pair(zh: "panes：时间线旁最多放得下 \(limit) 个面板", en: "panes: at most \(limit) panes fit beside the timeline")
        case .paneIDTwice(let id):
            return pair(zh: "面板 id `\(q(id))` 用了两次", en: "pane id `\(q(id))` is used twice")
        case .badIdentifier(let what, let value):
            return pair(zh: "\(place(what))：`\(q(value))` 只能由小写字母、数字和 - 组成（最多 64 个）",
                        en: "\(what): `\(q(value))` must be lower-case letters, digits and - (at most 64)")
        case .textMissing(let what, let language):
            return pair(zh: "\(place(what))：缺少 \(language) 文本", en: "\(what): the \(language) text is missing")
        case .textEmpty(let what, let language):
            return pair(zh: "\(place(what)).\(language) 是空的", en: "\(what).\(language) is empty")
        case .notAPlaybookLanguage(let what, let key):
            return pair(zh: "\(place(what))：`\(q(key))` 不是这份指南的语言", en: "\(what): `\(q(key))` is not one of the playbook's languages")
        case .notADate(let what):
            return pair(zh: "\(subject(what))必须写成 YYYY-MM-DD", en: "\(what) must be YYYY-MM-DD")
        case .notAWebAddress(let what):
            return pair(zh: "\(subject(what))不是网址", en: "\(what) is not a web address")
        case .badPaneKind:
            return pair(zh: "kind 必须是 actions 或 tips", en: "kind must be actions or tips")
        case .noSteps:
            return pair(zh: "steps：每个面板至少要有一个步骤", en: "steps: a pane needs at least one step")
        case .needsPriority(let step):
            return pair(zh: "步骤 `\(q(step))`：actions 面板里的步骤需要 priority", en: "step `\(q(step))`: steps of an actions pane need a priority")
        case .tipHasPriority(let step):
            return pair(zh: "步骤 `\(q(step))`：提示不能设 priority", en: "step `\(q(step))`: tips have no priority")
        case .stepIDUsed(let id, let line):
            return pair(zh: "步骤 id `\(q(id))` 已在第 \(line) 行用过", en: "step id `\(q(id))` is already used on line \(line)")
        case .priorityOutOfRange:
            return pair(zh: "priority 必须在 1（最紧急）到 99 之间", en: "priority must be 1 (most urgent) to 99")
        case .providerIDTwice(let id):
            return pair(zh: "这一步里服务商 id `\(q(id))` 用了两次", en: "provider id `\(q(id))` is used twice in this step")
        case .groupWithoutProviders:
            return pair(zh: "group：没有服务商的步骤不能有 group", en: "group: a step without providers has no group")
        case .choiceWithProviders:
            return pair(zh: "choice：有服务商的步骤由它的 group 准备；choice 只用于没有服务商的步骤",
                        en: "choice: a step with providers is prepared by its group; choice is for a step without providers")
        case .onlyWith(let key, let other):
            return pair(zh: "\(key) 只能和 \(other) 一起用", en: "\(key) only makes sense with \(other)")
        case .pressWithoutPhone:
            return pair(zh: "press 只能和电话号码一起用", en: "press only makes sense with a phone number")
        case .readAtWithoutPage:
            return pair(zh: "read-at 只能和 page 一起用：请写出这份副本对应的官方页面",
                        en: "read-at only makes sense with page: name the official page the copy was read for")
        case .requiresListedTwice(let id):
            return pair(zh: "requires：`\(q(id))` 列了两次", en: "requires: `\(q(id))` is listed twice")
        case .requiresEmpty:
            return pair(zh: "requires：至少写一个步骤 id，或者去掉这个键", en: "requires: name at least one step id, or leave the key out")
        case .requiresWithoutWhy:
            return pair(zh: "requires：请加上 requires-why，即在前置步骤完成之前记录这一步时显示的警告",
                        en: "requires: add requires-why, the warning shown when the step is recorded before the steps it requires")
        case .followUpSharedWithProvider(let id, let provider):
            return pair(zh: "后续事项 id `\(q(id))` 同时用在了步骤和它的服务商 `\(q(provider))` 上；请各用各的",
                        en: "follow-up id `\(q(id))` is used by the step and by its provider `\(q(provider))`; give each its own")
        case .requiresUnknownStep(let id):
            return pair(zh: "requires：这份指南里没有步骤 `\(q(id))`", en: "requires: there is no step `\(q(id))` in this playbook")
        case .requiresCycle(let steps):
            let circle = steps.joined(separator: " → ")
            return pair(zh: "requires：这些步骤互相依赖，绕成了一个圈（\(circle)），哪一步都无法先做",
                        en: "requires: the steps require each other in a circle (\(circle)), so none could ever come first")
        case .followUpsEmpty:
            return pair(zh: "follow-ups：至少列出一项，或者去掉这个键", en: "follow-ups: list at least one, or leave the key out")
        case .followUpIDTwice(let id):
            return pair(zh: "这一步里后续事项 id `\(q(id))` 用了两次", en: "follow-up id `\(q(id))` is used twice in this step")
        case .badAfter(let value):
            return pair(zh: "after：`\(q(value))` 不是能开始计时的状态（done、blocked、skipped 或 inProgress）",
                        en: "after: `\(q(value))` is not a state that starts a clock (done, blocked, skipped or inProgress)")
        case .badDue(let value):
            return pair(zh: "due：`\(q(value))` 不是时长；请写一个数字加上 m、h、d、w、mo 之一（30m、24h、5d、2w、6mo）",
                        en: "due: `\(q(value))` is not a length of time; write a number and one of m, h, d, w, mo (30m, 24h, 5d, 2w, 6mo)")
        case .closedByUnknownStep(let id):
            return pair(zh: "closed-by：这份指南里没有步骤 `\(q(id))`", en: "closed-by: there is no step `\(q(id))` in this playbook")
        case .groupMismatch(let group, let step, let missing, let extra, let reference, let line):
            var zh: [String] = [], en: [String] = []
            if !missing.isEmpty { zh.append("缺少 \(list(missing))"); en.append("lacks \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { zh.append("多出 \(list(extra))"); en.append("adds \(extra.joined(separator: ", "))") }
            return pair(zh: "group `\(q(group))`：步骤 `\(q(step))` 与步骤 `\(q(reference))`（第 \(line) 行）相比\(zh.joined(separator: "，"))；同一 group 的每个步骤都要列出相同的服务商 id",
                        en: "group `\(q(group))`: step `\(q(step))` \(en.joined(separator: " and ")) compared with step `\(q(reference))` (line \(line)); every step of a group lists the same provider ids")
        case .contactKinds(let found):
            return pair(zh: "contact：phone、web、path 只能写其中一个（现在写了：\(found.isEmpty ? "一个也没有" : list(found))）",
                        en: "contact: give exactly one of phone, web or path (found \(found.isEmpty ? "none" : found.joined(separator: ", ")))")
        case .badPhone(let value):
            return pair(zh: "phone：`\(q(value))` 不是电话号码（数字，分组之间用 - 连接，例如 0755-83765566）",
                        en: "phone: `\(q(value))` is not a phone number (digits, groups joined by -, such as 0755-83765566)")
        case .badWeb(let value):
            return pair(zh: "web：`\(q(value))` 不是网址（例如 weixin110.qq.com 或 https://www.icloud.com）",
                        en: "web: `\(q(value))` is not a web address (such as weixin110.qq.com or https://www.icloud.com)")
        case .badPress(let value):
            return pair(zh: "press：`\(q(value))` 必须是要按的键（数字、* 或 #），并加上引号：\"9\"",
                        en: "press: `\(q(value))` must be the keys to press (digits, * or #), quoted: \"9\"")
        case .confirmedWithoutPage(let key):
            return pair(zh: "\(key): true 需要 page，即写明这一点的官方页面地址（page: https://…）；没有的话，请保持未确认",
                        en: "\(key): true needs page, the address of the official page that says it (page: https://…); without one, leave the contact unconfirmed")
        case .badPage(let key, let value):
            return pair(zh: "\(key)：`\(q(value))` 不是网页地址（请写完整，带上 http:// 或 https://，例如 https://support.apple.com/HT208491）",
                        en: "\(key): `\(q(value))` is not a page's address (write it whole, with http:// or https://, such as https://support.apple.com/HT208491)")
        case .badSource(let value):
            return pair(zh: "source：`\(q(value))` 既不是 `article` 也不是域名；请写域名（icbc.com.cn），或者每种语言各写一段文字（{zh: 第三方指南, en: third-party guides}）",
                        en: "source: `\(q(value))` is neither `article` nor a domain; write a domain (icbc.com.cn) or a text in each language ({zh: 第三方指南, en: third-party guides})")

        case .unreadableStyle(let element, let contrast):
            let ratio = String(format: "%.1f", contrast)
            return pair(zh: "styles.\(element)：看不清，文字和背景是同一种颜色（对比度 \(ratio):1）；请换一个前景色或背景色",
                        en: "styles.\(element): unreadable, its text is the colour of its background (contrast \(ratio):1); give it another foreground or background")
        case .builtinColourName(let name):
            return pair(zh: "palette：`\(q(name))` 是内置的颜色名；请换一个名字", en: "palette: `\(q(name))` is a built-in colour name; choose another name")
        case .badPaletteName(let name):
            return pair(zh: "palette：`\(q(name))` 只能由小写字母、数字和 - 组成", en: "palette: `\(q(name))` must be lower-case letters, digits and -")
        case .notAColour(let what, let value):
            return pair(zh: "\(place(what))：`\(q(value))` 不是颜色（请用 #rrggbb、0–255、bright-red 这样的 ANSI 颜色名、default，或调色板里的名字）",
                        en: "\(what): `\(q(value))` is not a colour (use #rrggbb, 0–255, an ANSI name such as bright-red, default, or a palette name)")
        case .noSuchThemeFile:
            return pair(zh: "没有这个主题文件", en: "no such theme file")
        case .noSuchTheme(let known):
            return pair(zh: "没有这个名字的主题；已有的主题：\(known.joined(separator: ", "))（见 lostphone themes）",
                        en: "no theme of that name; known themes: \(known.joined(separator: ", ")) (see `lostphone themes`)")

        case .profileTooNew(let version, let reads):
            return pair(zh: "version \(version) 比这个 lostphone 能读的版本（\(reads)）新；请使用更新的 lostphone",
                        en: "version \(version) is newer than this lostphone reads (\(reads)); use a newer lostphone")
        case .field(let what, let problem):
            return Self.place(what, in: language) + pair(zh: "：", en: ": ") + problem.reasonText(Words(language))
        case .notATime(let what, let value):
            return pair(zh: "\(place(what))：`\(q(value))` 不是时间，应写成 2026-12-03T10:00:00+08:00 这样",
                        en: "\(what): `\(q(value))` is not a time such as 2026-12-03T10:00:00+08:00")
        }
    }
    /// The elements of the formats a place starts with, named in Chinese: `step title` is the
    /// `title` key of a step, `步骤 title`. Keys (`source.date`, `playbook` in the profile) stay as
    /// the file has them.
    static let elementNames: [String: String] = [
        "pane": "面板", "step": "步骤", "provider": "服务商", "follow-up": "后续事项", "contact": "联系方式",
        "profile": "资料", "theme": "主题",
    ]

    /// `what` as `language` says it (see `elementNames`).
    static func place(_ what: String, in language: Language) -> String {
        guard language == .zh else { return what }
        let words = what.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = words.first, let name = elementNames[first] else { return what }
        return words.count == 2 ? name + " " + words[1] : name
    }
}

/// The command line's sentences around the problems of a playbook or theme file, in both
/// languages (the problems themselves are `FileProblemKind`).
public enum FileCheckWord: Hashable, Sendable {
    /// The playbook at `path` (nil: the built-in one) has `count` problems: nothing starts.
    case playbookRefused(path: String?, count: Int)
    /// `lostphone check`: `failed` of `total` files have problems.
    case checkFailed(failed: Int, total: Int)
    /// `lostphone themes`: a theme file with `count` problems.
    case themeProblems(count: Int, path: String)
    /// `lostphone themes`: a file that takes a built-in theme's place.
    case overridesBuiltin
    /// `lostphone themes`: where themes were looked for, in order.
    case themesSearched(directories: [String], builtins: [String])
    /// `lostphone export -o`: the report is at `path`, mode 0600.
    case reportWritten(path: String)
    /// `lostphone themes`: where a theme was found.
    case origin(ThemeEntry.Origin)

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .playbookRefused(let path, let count):
            let name = path ?? pair(zh: "内置指南", en: "built-in")
            return pair(zh: "lostphone：指南 \(name) 有 \(count) 处问题；请修正（lostphone check \(name)），或者不带 --playbook 运行。",
                        en: "lostphone: the playbook \(name) has \(count) problem(s); fix them (lostphone check \(name)) or run without --playbook.")
        case .checkFailed(let failed, let total):
            return pair(zh: "lostphone check：\(total) 个文件中有 \(failed) 个有问题。", en: "lostphone check: \(failed) of \(total) file(s) have problems.")
        case .themeProblems(let count, let path):
            return pair(zh: "（\(count) 处问题：lostphone check \(path)）", en: "(\(count) problem(s): lostphone check \(path))")
        case .overridesBuiltin:
            return pair(zh: "（替代内置主题）", en: "(overrides the built-in)")
        case .themesSearched(let directories, let builtins):
            return pair(zh: "查找顺序：\(directories.joined(separator: "、"))，最后是程序内置的主题（\(builtins.joined(separator: "、"))）。",
                        en: "Searched, in order: \(directories.joined(separator: ", ")), then the themes built into the program (\(builtins.joined(separator: ", "))).")
        case .origin(let origin):
            switch origin {
            case .user: return pair(zh: "你的", en: "user")
            case .installed: return pair(zh: "随程序安装", en: "installed")
            case .workingDirectory: return pair(zh: "当前文件夹", en: "working directory")
            case .builtin: return pair(zh: "内置", en: "built-in")
            }
        case .reportWritten(let path):
            return pair(zh: "报告已写入 \(path)（只有你能读取）。", en: "Report written to \(path) (readable only by you).")
        }
    }
}

/// Said when a theme file of the person's takes the place of a built-in theme of that name: it
/// is not a problem (the theme is used), so it is not a `FileProblem`.
public enum ThemeNotice: Hashable, Sendable {
    case ownFileReplacesBuiltin(name: String, path: String)

    public func text(in language: Language) -> String {
        switch self {
        case .ownFileReplacesBuiltin(let name, let path):
            // What it means first: a status line may cut the path.
            let shown = Sanitize.visible(path)
            return language.pick(zh: "主题 \(name)：用的是你自己的文件，替代了内置主题（把它移走即可用回内置主题）：\(shown)",
                                 en: "Theme \(name): your own file, in place of the built-in one (move it away to use the built-in theme): \(shown)")
        }
    }
}
