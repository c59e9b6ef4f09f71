/// Why one of the program's own directories cannot be used: said in the person's language, with
/// what to do. The system's reason (`strerror`) is quoted as the system gives it.
public enum DirectoryProblem: Hashable, Sendable {
    case cannotCreate(reason: String)
    case symbolicLink
    case notADirectory
    case cannotRead(reason: String)
    case otherOwner(uid: UInt32)
    case shared
    case cannotMakePrivate(reason: String)

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .cannotCreate(let reason):
            return pair(zh: "无法创建这个文件夹（\(reason)）。", en: "cannot create the directory (\(reason)).")
        case .symbolicLink:
            return pair(zh: "是一个符号链接；lostphone 不会顺着链接使用自己的文件夹，什么也没改动。请删掉这个链接，或者给出真正的文件夹。",
                        en: "is a symbolic link; lostphone does not follow links to its own folders and changed nothing. Remove the link, or give the real folder.")
        case .notADirectory:
            return pair(zh: "不是文件夹。", en: "is not a directory.")
        case .cannotRead(let reason):
            return pair(zh: "无法读取这个文件夹（\(reason)）。", en: "cannot read the directory (\(reason)).")
        case .otherOwner(let uid):
            return pair(zh: "属于另一个用户（uid \(uid)）；lostphone 既不使用也不改动它。",
                        en: "belongs to another user (uid \(uid)); lostphone neither uses nor changes it.")
        case .shared:
            return pair(zh: "是共享文件夹（像 /tmp 一样设了粘滞位）；lostphone 既不使用也不改动它。请给一个只属于你的文件夹。",
                        en: "is a shared folder (sticky, like /tmp); lostphone neither uses nor changes it. Give a folder of your own.")
        case .cannotMakePrivate(let reason):
            return pair(zh: "无法把这个文件夹设为仅自己可用（\(reason)）。", en: "cannot make the directory private (\(reason)).")
        }
    }
}

/// Why a journal (or the state directory holding the journals) cannot be used, in both
/// languages: the screen and the command line say it in the person's language; `JournalError`'s
/// `message` is the English text (logs, tests, the fuzzers).
public enum JournalProblem: Hashable, Sendable {
    case duplicateKey(String)
    /// Not a journal event; the decoder's technical detail is quoted as it is.
    case notAnEvent(detail: String)
    case emptyLine
    case onlyCutOffLine(bytes: Int)
    case tornLineNoCopy(backup: String)
    case cannotRepair(reason: String)
    case cannotCreate(reason: String)
    /// Creating a new journal failed part-way (`lock`, `write`, `link`): nothing was left behind.
    case createFailed(CreateStep, reason: String)
    case closed
    case cannotSave(reason: String)
    case symbolicLink
    case cannotOpen(reason: String)
    case cannotLock(reason: String)
    case lockedByAnother
    case cannotRead(reason: String)
    case notARegularFile
    case hardLink(names: Int)
    case tooLarge(megabytes: Int, limit: Int)
    case grewWhileRead(limit: Int)
    case cannotOpenStateDirectory(reason: String)
    case cannotLockStateDirectory(reason: String)
    /// The state directory itself cannot be used: its problem, and the way around it.
    case stateDirectory(DirectoryProblem)

    public enum CreateStep: Hashable, Sendable { case lock, write, link }

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        let leftAsIs = pair(zh: "文件保持原样；把它移到别处即可重新开始。", en: "The file was left as it is; move it aside to start afresh.")
        switch self {
        case .duplicateKey(let key):
            return pair(zh: "一条记录里键“\(key)”出现了两次。", en: "the key \"\(key)\" appears twice in one event.") + " " + leftAsIs
        case .notAnEvent(let detail):
            // The detail is the JSON decoder's, in English: said as such in Chinese.
            return pair(zh: "不是日志记录（解析器的英文原话：\(detail)）。", en: "not a journal event (\(detail)).") + " " + leftAsIs
        case .emptyLine:
            return pair(zh: "空行。", en: "empty line.") + " " + leftAsIs
        case .onlyCutOffLine(let bytes):
            return pair(zh: "日志里没有完整的记录，只有被截断的一行（\(bytes) 字节）。文件保持原样；把它移到别处，或用 lostphone --new 开始新的事件。",
                        en: "the journal holds no event, only \(bytes) bytes of a cut-off line. The file was left as it is; move it aside, or start a new incident with `lostphone --new`.")
        case .tornLineNoCopy(let backup):
            return pair(zh: "最后一行不完整，而且无法在 \(backup) 保存副本；什么也没改动。",
                        en: "the last line is incomplete and a copy could not be saved at \(backup); nothing was changed.")
        case .cannotRepair(let reason):
            return pair(zh: "无法修复日志（\(reason)）。", en: "cannot repair the journal (\(reason)).")
        case .cannotCreate(let reason):
            return pair(zh: "无法创建日志（\(reason)），没有开始新的事件。请检查这个文件夹能否写入，或用 --state-dir 指定别的文件夹。",
                        en: "cannot create the journal (\(reason)); no incident was started. Check that the directory is writable, or pass --state-dir.")
        case .createFailed(let step, let reason):
            let what: String
            switch step {
            case .lock: what = pair(zh: "无法锁定日志", en: "cannot lock the journal")
            case .write: what = pair(zh: "无法写入日志", en: "cannot write the journal")
            case .link: what = pair(zh: "无法创建日志", en: "cannot create the journal")
            }
            return pair(zh: "\(what)（\(reason)），什么也没记录，也没有开始新的事件。请腾出磁盘空间或检查磁盘，然后再试。",
                        en: "\(what) (\(reason)); nothing was recorded and no incident was started. Free some disk space or check the disk, then try again.")
        case .closed:
            return pair(zh: "日志已关闭。", en: "the journal is closed.")
        case .cannotSave(let reason):
            return pair(zh: "无法保存（\(reason)），这一条没有记录。请腾出磁盘空间或检查磁盘，然后再试。",
                        en: "could not save (\(reason)); nothing was recorded. Free some disk space or check the disk, then try again.")
        case .symbolicLink:
            return pair(zh: "是一个符号链接，不是日志；lostphone 不会顺着状态文件夹里的链接读写。请删掉这个链接，或用 --state-dir 指定别的文件夹。",
                        en: "is a symbolic link, not a journal; lostphone does not follow links in its state directory. Remove the link, or pass --state-dir.")
        case .cannotOpen(let reason):
            return pair(zh: "无法打开日志（\(reason)）。", en: "cannot open the journal (\(reason)).")
        case .cannotLock(let reason):
            return pair(zh: "无法锁定日志（\(reason)）。", en: "cannot lock the journal (\(reason)).")
        case .lockedByAnother:
            return pair(zh: "另一个 lostphone 正在记录这个事件。请在那个窗口里继续，或者先退出它。",
                        en: "another lostphone is already recording this incident. Use that window, or quit it first.")
        case .cannotRead(let reason):
            return pair(zh: "无法读取日志（\(reason)）。", en: "cannot read the journal (\(reason)).")
        case .notARegularFile:
            return pair(zh: "不是普通文件；lostphone 不使用它。请把它移走，或用 --state-dir 指定别的文件夹。",
                        en: "is not a regular file; lostphone does not use it. Move it aside, or pass --state-dir.")
        case .hardLink(let names):
            return pair(zh: "有 \(names) 个名字（硬链接）；lostphone 只写自己的文件，没有动它。请把它复制成一个独立的文件，或用 --state-dir 指定别的文件夹。",
                        en: "has \(names) names (a hard link); lostphone writes only its own files and left it as it is. Copy it to a file of its own, or pass --state-dir.")
        case .tooLarge(let megabytes, let limit):
            return pair(zh: "有 \(megabytes) MB，超过任何日志的大小（最多 \(limit) MB）；没有读取，文件保持原样。请把它移走，或用 lostphone --new 开始新的事件。",
                        en: "is \(megabytes) MB, more than any journal (\(limit) MB at most); it was not read and was left as it is. Move it aside, or start a new incident with `lostphone --new`.")
        case .grewWhileRead(let limit):
            return pair(zh: "读取时增长到超过 \(limit) MB；文件保持原样。",
                        en: "grew past \(limit) MB while being read; it was left as it is.")
        case .cannotOpenStateDirectory(let reason):
            return pair(zh: "无法打开状态文件夹（\(reason)）。", en: "cannot open the state directory (\(reason)).")
        case .cannotLockStateDirectory(let reason):
            return pair(zh: "无法锁定状态文件夹（\(reason)）。", en: "cannot lock the state directory (\(reason)).")
        case .stateDirectory(let problem):
            return problem.text(in: language) + " "
                + pair(zh: "可用 --state-dir 文件夹 把日志放到别处。", en: "Pass --state-dir DIR to keep the journal elsewhere.")
        }
    }
}

/// What opening a journal repaired, in both languages.
public enum JournalRepair: Hashable, Sendable {
    /// The last event lacked only its newline: added, nothing removed.
    case newlineAdded(backup: String)
    /// A cut-off last line (never shown as recorded) was removed.
    case tornLineRemoved(bytes: Int, backup: String)

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .newlineAdded(let backup):
            return pair(zh: "日志最后一条只缺结尾的换行，已补上，没有删去任何内容。原文件保存在 \(backup)。",
                        en: "The journal's last event lacked only its final newline; the newline was added and nothing was removed. Original kept at \(backup).")
        case .tornLineRemoved(let bytes, let backup):
            return pair(zh: "日志最后一行在崩溃时被截断（\(bytes) 字节，从未显示为已记录），已删去。原文件保存在 \(backup)。",
                        en: "The journal's last line was cut off by a crash (\(bytes) bytes, never shown as recorded); removed. Original kept at \(backup).")
        }
    }
}

/// What a command that only reads (`status`, `export`, `next`, `due`, `details`) says of a
/// journal it may not repair, in both languages.
public enum JournalReadNotice: Hashable, Sendable {
    /// A last line cut off by a crash (never shown as recorded) was left out; the file is as it was.
    case tornLineLeftOut(path: String, bytes: Int)

    public func text(in language: Language) -> String {
        switch self {
        case .tornLineLeftOut(let path, let bytes):
            return language.pick(
                zh: "\(path)：日志最后一行在崩溃时被截断（\(bytes) 字节，从未显示为已记录），这里没有算进去，文件也没有改动。打开 lostphone，或用 lostphone record、note 记录一次，就会修复它，并保留原文件的副本。",
                en: "\(path): the journal's last line was cut off by a crash (\(bytes) bytes, never shown as recorded); it is left out here, and the file was not changed. Opening lostphone, or recording with `lostphone record` or `note`, repairs it and keeps a copy of the original.")
        }
    }
}

/// Why the profile was not saved, in both languages; the file is never left half-written.
public enum ProfileSaveProblem: Hashable, Sendable {
    /// Changed by another window or `lostphone prepare` since the form read it.
    case changedSinceRead(path: String)
    /// The profile's folder cannot be used.
    case folder(path: String, DirectoryProblem)
    case cannotOpenFolder(path: String, reason: String)
    /// The file holds a problem (its file, line and column, as the loader says it).
    case damaged(FileProblem)
    /// Written for another guide: saving with this one would drop the ids named.
    case otherGuide(path: String, written: String, current: String, dropped: String)
    case cannotWrite(path: String, reason: String)

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .changedSinceRead(let path):
            return pair(zh: "\(path) 在读取之后被改过（lostphone prepare 或另一个窗口）；为了不覆盖那次修改，这次的改动没有保存。请退出后重新打开表单，就能看到两边的内容",
                        en: "\(path) was changed since it was read (by `lostphone prepare` or another window); this change was not saved, so as not to undo that one. Leave and open the form again to see both")
        case .folder(let path, let problem):
            return "\(path): " + problem.text(in: language)
        case .cannotOpenFolder(let path, let reason):
            return pair(zh: "\(path)：无法打开这个文件夹（\(reason)）", en: "\(path): cannot open the folder (\(reason))")
        case .damaged(let found):
            let problem = found.text(in: language)
            return pair(zh: "\(problem)；文件保持原样：请修正它或把它移走，然后再试",
                        en: "\(problem); the file is left as it is: fix it or move it away, then try again")
        case .otherGuide(let path, let written, let current, let dropped):
            return pair(zh: "\(path) 是按指南 \(written) 写的；用指南 \(current) 保存会丢掉 \(dropped)。文件保持原样：请使用当初的指南，或先把文件复制到别处",
                        en: "\(path) was written for the guide \(written); saving it with the guide \(current) would drop \(dropped). The file is left as it is: use the guide it was written for, or copy the file away first")
        case .cannotWrite(let path, let reason):
            return pair(zh: "\(path)：无法写入（\(reason)）", en: "\(path): could not be written (\(reason))")
        }
    }
}

/// Why no QR code could be drawn (libqrencode is loaded only when `Q` needs it), in both languages.
public enum QRCodeProblem: Hashable, Sendable {
    case notInstalled(library: String, install: String)
    case lacksFunction(library: String, install: String)
    case tooLong
    case emptyCode

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .notInstalled(let library, let install):
            return pair(zh: "没有安装 \(library)（\(install)）", en: "\(library) is not installed (\(install))")
        case .lacksFunction(let library, let install):
            return pair(zh: "\(library) 缺少 QRcode_encodeString（\(install)）", en: "\(library) lacks QRcode_encodeString (\(install))")
        case .tooLong: return pair(zh: "文字太长，放不进二维码", en: "the text is too long for a QR code")
        case .emptyCode: return pair(zh: "libqrencode 返回了空的二维码", en: "libqrencode returned an empty code")
        }
    }
}

/// Why a report file (`lostphone export -o`, `card -o`) was not written, in both languages;
/// nothing half-written is ever left.
public enum ReportWriteProblem: Hashable, Sendable {
    case isADirectory(path: String)
    /// There before the export began, and `--force` was not given.
    case exists(path: String)
    /// The temporary file beside the target could not be made.
    case cannotWriteIn(directory: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// Moving the finished report into place failed.
    case cannotPlace(path: String, reason: String, replacing: Bool)
    /// Made by something else while the report was written.
    case appeared(path: String)

    public func text(in language: Language) -> String {
        func pair(zh: String, en: String) -> String { language.pick(zh: zh, en: en) }
        switch self {
        case .isADirectory(let path):
            return pair(zh: "\(path) 是文件夹；请给出文件名（-o 文件夹/report.md）。", en: "\(path) is a directory; give a file name (-o DIR/report.md).")
        case .exists(let path):
            return pair(zh: "\(path) 已存在；要替换它请加 --force，或用 -o 换一个名字。",
                        en: "\(path) already exists; pass --force to replace it, or choose another name with -o.")
        case .cannotWriteIn(let directory, let reason):
            return pair(zh: "无法在 \(directory) 里写入（\(reason)）；请用 -o 文件 换个地方，或用 -o - 输出到标准输出。",
                        en: "cannot write in \(directory) (\(reason)); choose another place with -o FILE, or -o - for standard output.")
        case .cannotWrite(let path, let reason):
            return pair(zh: "无法写入 \(path)（\(reason)）；什么也没有写。", en: "cannot write \(path) (\(reason)); nothing was written.")
        case .cannotPlace(let path, let reason, let replacing):
            return pair(zh: "无法\(replacing ? "替换" : "创建") \(path)（\(reason)）；什么也没有写。",
                        en: "cannot \(replacing ? "replace" : "create") \(path) (\(reason)); nothing was written.")
        case .appeared(let path):
            return pair(zh: "\(path) 已存在；要替换它请加 --force。", en: "\(path) already exists; pass --force to replace it.")
        }
    }
}
