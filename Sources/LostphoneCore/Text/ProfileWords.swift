/// The words of the prepared profile (`lostphone prepare`), the wallet card (`lostphone card`)
/// and the IMEI check: part of the one vocabulary (`Word.profile`), kept in a file of their own.
public enum ProfileWord: Hashable, Sendable {
    // The IMEI check, with where to find the real one.
    case imeiNotDigits, imeiLength(Int), imeiCheckDigit(Int), imeiWhere

    /// The title of a profile choice: `carrier` is "Carrier" / "运营商"; an id a custom playbook
    /// made up is shown as it is.
    case choiceTitle(String)

    // The profile's own fields.
    case profileTitle, insurer, policy, emergencyContact, noPasswords, checklist
    /// The insurance's claim window, and how to write one.
    case claimWithin, claimWithinForm

    /// A provider the profile does not name, in a prepared step, and how to make it yours.
    case notYours, notYoursHint
    /// The note of a step skipped because the profile names other options of its choice.
    case notInProfile
    /// A prevention tip done before, kept in the profile: `done 2026-12-03`.
    case tipDoneOn(String)
    /// A tip recorded in the incident that the profile could not keep.
    case tipNotKept(String)

    // What is said about the profile when an incident starts or the profile is saved.
    case profileSaved(path: String)
    case profileDamaged(String)
    case profileReview(since: String)
    case profileDropped(choice: String, id: String)
    /// What a new incident took from the profile: how many of the person's providers (each
    /// once, however many steps it is in), whether the phone's details, how many tips done.
    case profilePrepared(providers: Int, details: Bool, tips: Int)

    // `lostphone prepare`: showing and listing the profile.
    case profileHeading(path: String), profileNone(path: String), prepareHint
    case lastReviewed, phoneNumber, inYourProfile
    case tipsDone(Int, of: Int)
    /// `--list` when the profile cannot be read: nothing is marked.
    case listUnmarked(String)
    // `lostphone prepare`: why a change is refused.
    case noSuchChoice(String, valid: String)
    case noSuchOption(choice: String, id: String, valid: String)
    case noSuchTip(String, valid: String)
    case unknownToClear(id: String, valid: String)
    case setAndCleared(String), doneAndUndone(String)
    case controlCharacters(field: String)
    case fieldTooLong(field: String, length: Int, limit: Int)
    case damagedLeftAlone, nothingSaved

    // The wallet card.
    case cardTitle, cardHotlines, cardFindMy, cardFirstSteps, cardDevice, cardNoProfile
    /// The phone's own number, on the card (it is not lost yet).
    case cardNumber
    /// The voice-menu option after dialling: `press 9` / `按 9`.
    case cardPress(String)
    /// When the profile was last reviewed: the card is as true as that.
    case cardAsOf(String)
    /// What the text card's `?` after a number or option means.
    case cardUnconfirmedLegend
    /// No provider with a number is ticked.
    case cardNoHotlines
    /// Hotlines or addresses the text card had no room for.
    case cardLeftOut(Int)
    /// Where everything else is.
    case cardEverythingElse
    case cardProfileDamaged(String)
    case cardNoQRCodes(String)
    case cardWritten(path: String)

    // The full-screen form of `lostphone prepare` (PrepareView).
    /// Section headings and field labels.
    case formPhone, formInsurance, fieldModel, fieldNumber, fieldOwner
    /// The profile is over a year old: look it over; saving reviews it.
    case formReview(since: String)
    /// Ids of the file the guide no longer has, as `bank xyz`: left out at the next save.
    case formDropped([String])
    /// The bottom line while a field is edited.
    case formEditHint
    /// A field holding a control, bidirectional or invisible character (its code point).
    case formControlCharacter(String)
    /// A change the disk refused.
    case formNotSaved(String)
    /// Said on leaving the form.
    case formLeftIn(path: String), formNothingWritten(path: String), formSomeNotSaved(count: Int, path: String)
    /// Said instead of opening the form on a profile that cannot be read.
    case formRefused(path: String)

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .imeiNotDigits:
            return pair(zh: "IMEI 只含数字（可带空格或连字符）。", en: "An IMEI is digits only (spaces or hyphens are fine).")
        case .imeiLength(let n):
            return pair(zh: "IMEI 是 15 位数字，这里是 \(n) 位。", en: "An IMEI has 15 digits; this has \(n).")
        case .imeiCheckDigit(let expected):
            return pair(zh: "最后一位校验码不对（按前 14 位应为 \(expected)），可能抄错了一位。",
                        en: "The last digit, a check digit, does not match (the first 14 give \(expected)); a digit is probably mistyped.")
        case .imeiWhere:
            return pair(zh: "在手机上拨 *#06# 可查到；手机包装盒、购机发票或运营商的账户里也有。",
                        en: "Dial *#06# on the phone to see it; it is also on the box, the receipt and in the carrier's account.")
        case .choiceTitle(let id):
            switch id {
            case "carrier": return pair(zh: "运营商", en: "Carrier")
            case "bank": return pair(zh: "银行", en: "Banks")
            case "app": return pair(zh: "支付应用", en: "Payment apps")
            case "platform": return pair(zh: "理财、借贷平台", en: "Lending platforms")
            case "brand": return pair(zh: "手机品牌", en: "Phone brand")
            case "account": return pair(zh: "手机上登录的账号", en: "Accounts on the phone")
            case "tips": return pair(zh: "预防提示", en: "Prevention tip")
            default: return id
            }
        case .profileTitle: return pair(zh: "事先准备", en: "Prepare before it happens")
        case .insurer: return pair(zh: "保险公司", en: "insurer")
        case .policy: return pair(zh: "保单号", en: "policy number")
        case .emergencyContact: return pair(zh: "紧急联系人", en: "emergency contact")
        case .claimWithin: return pair(zh: "理赔期限", en: "claim window")
        case .claimWithinForm:
            return pair(zh: "理赔期限写成天数、周数或月数，例如 30d、4w、3mo（只写 30 即 30 天），最长十年；期限以保单为准。",
                        en: "A claim window is a number of days, weeks or months, such as 30d, 4w or 3mo (30 alone is 30 days), at most ten years; your policy says how long.")
        case .noPasswords:
            return pair(zh: "这里从不保存密码，也不要填写密码。", en: "Never a password: this file holds none, and none should go in.")
        case .checklist: return pair(zh: "预防清单", en: "Prevention checklist")
        case .notYours: return pair(zh: "不是你的", en: "not yours")
        case .notYoursHint: return pair(zh: "按 m 标记为你的", en: "m marks it as yours")
        case .notInProfile:
            return pair(zh: "你的资料里没有它（lostphone prepare），已跳过", en: "Not in your profile (lostphone prepare), so skipped")
        case .tipDoneOn(let date): return pair(zh: "已于 \(date) 完成", en: "done \(date)")
        case .tipNotKept(let why):
            return pair(zh: "已记入本次事件，但没能存进你的资料：\(why)", en: "Recorded in this incident, but not kept in your profile: \(why)")
        case .profileSaved(let path): return pair(zh: "已保存到 \(path)", en: "Saved to \(path)")
        case .profileDamaged(let why):
            // What it means comes first: a status line may cut the end.
            return pair(zh: "资料无法读取，本次从空白开始（请修改或移走该文件，再运行 lostphone prepare）：\(why)",
                        en: "Profile could not be read, so this incident starts unprepared (fix or move the file, then run lostphone prepare): \(why)")
        case .profileReview(let since):
            return pair(zh: "资料上次核对于 \(since)，已超过一年：请运行 lostphone prepare 核对。",
                        en: "Profile last reviewed \(since), over a year ago: run lostphone prepare")
        case .profileDropped(let choice, let id):
            return pair(zh: "资料中的 \(choice)「\(id)」已不在指南里，已略去", en: "\(choice) `\(id)` in your profile is no longer in the guide; left out")
        case .profilePrepared(let providers, let details, let tips):
            var zh: [String] = [], en: [String] = []
            if providers > 0 { zh.append("\(providers) 个你用的服务商"); en.append("\(providers) provider\(providers == 1 ? "" : "s") of yours") }
            if details { zh.append("手机信息"); en.append("the phone's details") }
            if tips > 0 { zh.append("\(tips) 项已做的防范措施"); en.append("\(tips) tip\(tips == 1 ? "" : "s") done") }
            if zh.isEmpty { return pair(zh: "已按你的资料准备好", en: "Prepared from your profile") }
            return pair(zh: "已按你的资料准备好：" + zh.joined(separator: "、"), en: "From your profile: " + en.joined(separator: ", "))
        case .profileHeading(let path): return pair(zh: "你的资料（\(path)）", en: "Your profile (\(path))")
        case .profileNone(let path):
            return pair(zh: "还没有资料（将保存在 \(path)）。", en: "No profile yet (it would be kept in \(path)).")
        case .prepareHint:
            return pair(zh: "用参数填写，例如：lostphone prepare --carrier china-mobile --bank icbc --brand apple；lostphone prepare --list 列出所有可选的 id，--help 列出所有参数。",
                        en: "Fill it in with flags, for example: lostphone prepare --carrier china-mobile --bank icbc --brand apple; lostphone prepare --list shows every id, --help every flag.")
        case .lastReviewed: return pair(zh: "上次核对", en: "last reviewed")
        case .phoneNumber: return pair(zh: "手机号码", en: "phone number")
        case .inYourProfile: return pair(zh: "已在你的资料里", en: "in your profile")
        case .tipsDone(let n, let total): return pair(zh: "已完成 \(n)/\(total) 项", en: "\(n) of \(total) done")
        case .listUnmarked(let why):
            return pair(zh: "无法读取你的资料（\(why)），所以下面没有任何标记。", en: "Your profile could not be read (\(why)), so nothing below is marked.")
        case .noSuchChoice(let choice, let valid):
            return pair(zh: "这份指南里没有「\(choice)」这一项；它有：\(valid)。", en: "this guide has no choice \(choice); its choices: \(valid).")
        case .noSuchOption(let choice, let id, let valid):
            return pair(zh: "\(choice)里没有「\(id)」；可用的 id 有：\(valid)（lostphone prepare --list 会列出名称）。",
                        en: "\(choice): there is no \(id); the ids are: \(valid) (lostphone prepare --list shows their names).")
        case .noSuchTip(let id, let valid):
            return pair(zh: "没有「\(id)」这条预防提示；提示有：\(valid)。", en: "there is no prevention tip \(id); the tips are: \(valid).")
        case .unknownToClear(let id, let valid):
            return pair(zh: "无法清除「\(id)」：没有这一项；可以清除的有：\(valid)。",
                        en: "cannot clear \(id): there is no such choice or field; these can be cleared: \(valid).")
        case .setAndCleared(let what):
            return pair(zh: "「\(what)」既要设置又要清除（--clear \(what)），请只保留一个。",
                        en: "\(what) is both given and cleared (--clear \(what)); give one of them.")
        case .doneAndUndone(let id):
            return pair(zh: "「\(id)」既标为已完成又标为未完成，请只保留一个。", en: "\(id) is given as both done and not done; give one of them.")
        case .controlCharacters(let field):
            return pair(zh: "\(field) 里不能有控制字符或不可见字符，请去掉后再输入。",
                        en: "\(field): control or invisible characters are not allowed; type the text without them.")
        case .fieldTooLong(let field, let length, let limit):
            return pair(zh: "\(field) 有 \(length) 个字符，超过了 \(limit) 个的上限。", en: "\(field) is \(length) characters, more than the \(limit) allowed.")
        case .damagedLeftAlone:
            return pair(zh: "文件保持原样，未作任何改动：请修改或移走它，再运行 lostphone prepare。",
                        en: "The file is left as it is: fix it or move it away, then run lostphone prepare again.")
        case .nothingSaved: return pair(zh: "没有保存任何改动。", en: "Nothing was saved.")
        case .cardTitle: return pair(zh: "手机丢失应急卡", en: "Lost phone wallet card")
        case .cardHotlines: return pair(zh: "你的热线", en: "Your hotlines")
        case .cardFindMy: return pair(zh: "定位、锁定、抹除", en: "Locate, lock, erase")
        case .cardFirstSteps: return pair(zh: "最先要做的五件事", en: "The first five things to do")
        case .cardDevice: return pair(zh: "你的手机", en: "Your phone")
        case .cardNoProfile:
            return pair(zh: "还没有资料：先运行 lostphone prepare 选好你的运营商、银行和手机品牌。",
                        en: "No profile yet: run lostphone prepare first to choose your carrier, banks and phone brand.")
        case .cardNumber: return pair(zh: "手机号", en: "number")
        case .cardPress(let key): return pair(zh: "按 \(key)", en: "press \(key)")
        case .cardAsOf(let date): return pair(zh: "资料核对于 \(date)", en: "as of \(date)")
        case .cardUnconfirmedLegend:
            return pair(zh: "? 未经官方核实，号码、网址或按键可能已变", en: "? unconfirmed: the number, address or key to press may have changed")
        case .cardNoHotlines:
            return pair(zh: "还没有选好服务商：运行 lostphone prepare 选择运营商和银行。",
                        en: "No providers chosen yet: run lostphone prepare to choose your carrier and banks.")
        case .cardLeftOut(let n):
            return pair(zh: "另有 \(n) 项印不下，见 lostphone guide", en: "\(n) more not on the card: see lostphone guide")
        case .cardEverythingElse:
            return pair(zh: "完整指南：运行 lostphone，或 lostphone guide", en: "The whole guide: run lostphone, or lostphone guide")
        case .cardProfileDamaged(let why):
            return pair(zh: "无法读取你的资料（\(why)）：请修改或移走该文件，再运行 lostphone prepare。",
                        en: "Your profile could not be read (\(why)): fix or move the file, then run lostphone prepare.")
        case .cardNoQRCodes(let why):
            return pair(zh: "卡片上没有二维码：\(why)。", en: "The card has no QR codes: \(why).")
        case .cardWritten(let path):
            return pair(zh: "应急卡已写入 \(path)（仅你本人可读）。", en: "Card written to \(path) (readable only by you).")

        case .formPhone: return pair(zh: "你的手机", en: "Your phone")
        case .formInsurance: return pair(zh: "保险与紧急联系人", en: "Insurance and an emergency contact")
        case .fieldModel: return pair(zh: "型号", en: "Model")
        case .fieldNumber: return pair(zh: "本机号码", en: "Your number")
        case .fieldOwner: return pair(zh: "机主姓名", en: "Your name")
        case .formReview(let since):
            return pair(zh: "这份资料上次核对是在 \(since)，已超过一年：请逐项看一遍；任何修改（或按 s）都会保存并记为已核对。",
                        en: "Last reviewed on \(since), over a year ago: look it over; any change (or s) saves it as reviewed.")
        case .formDropped(let ids):
            return pair(zh: "指南里已没有这些项，保存时将略去：\(ids.joined(separator: "、"))",
                        en: "No longer in the guide, so left out when saved: \(ids.joined(separator: ", "))")
        case .formEditHint: return pair(zh: "回车保存 · Esc 取消", en: "Enter saves · Esc cancels")
        case .formControlCharacter(let code):
            return pair(zh: "含有控制字符或不可见字符（\(code)），请去掉后重新输入。",
                        en: "It holds a control or invisible character (\(code)); type it again without it.")
        case .formNotSaved(let why): return pair(zh: "未保存：\(why)", en: "NOT saved: \(why)")
        case .formLeftIn(let path): return pair(zh: "你的资料保存在 \(path)。", en: "Your profile is in \(path).")
        case .formNothingWritten(let path):
            return pair(zh: "没有做任何修改，资料未写入（位置：\(path)）。", en: "Nothing was changed, so no profile was written (it goes in \(path)).")
        case .formSomeNotSaved(let count, let path):
            return pair(zh: "有 \(count) 项修改没能保存（屏幕上当时已提示“未保存”）；已保存的资料在 \(path)。",
                        en: "\(count) change\(count == 1 ? " was" : "s were") NOT saved (the screen said so at the time); what was saved is in \(path).")
        case .formRefused(let path):
            return pair(zh: "lostphone prepare：无法读取你的资料 \(path)，表单没有打开，文件保持原样：请修改或移走它，再运行 lostphone prepare。",
                        en: "lostphone prepare: your profile \(path) cannot be read, so the form does not open and the file is left as it is: fix it or move it away, then run lostphone prepare again.")
        }
    }
}
