import Testing
@testable import LostphoneCore

/// A journal or folder that cannot be used is said in the person's language: every problem has
/// its own Chinese text (not the English one), and the error keeps its file and line.
@Suite struct FileWordsTests {
    static let journalProblems: [JournalProblem] = [
        .duplicateKey("to"), .notAnEvent(detail: "missing kind"), .emptyLine, .onlyCutOffLine(bytes: 12),
        .tornLineNoCopy(backup: "/s/j.torn-1"), .cannotRepair(reason: "EIO"), .cannotCreate(reason: "EACCES"),
        .createFailed(.lock, reason: "x"), .createFailed(.write, reason: "x"), .createFailed(.link, reason: "x"),
        .closed, .cannotSave(reason: "No space left on device"), .symbolicLink, .cannotOpen(reason: "x"),
        .cannotLock(reason: "x"), .lockedByAnother, .cannotRead(reason: "x"), .notARegularFile, .hardLink(names: 2),
        .tooLarge(megabytes: 70, limit: 64), .grewWhileRead(limit: 64), .cannotOpenStateDirectory(reason: "x"),
        .cannotLockStateDirectory(reason: "x"), .stateDirectory(.shared),
    ]
    static let directoryProblems: [DirectoryProblem] = [
        .cannotCreate(reason: "x"), .symbolicLink, .notADirectory, .cannotRead(reason: "x"), .otherOwner(uid: 7), .shared,
        .cannotMakePrivate(reason: "x"),
    ]

    static func hasHan(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test(arguments: journalProblems) func everyJournalProblemHasItsChineseText(_ problem: JournalProblem) {
        let zh = problem.text(in: .zh), en = problem.text(in: .en)
        #expect(Self.hasHan(zh) && zh != en, "\(problem): \(zh)")
        #expect(!Self.hasHan(en))
    }

    @Test(arguments: directoryProblems) func everyDirectoryProblemHasItsChineseText(_ problem: DirectoryProblem) {
        #expect(Self.hasHan(problem.text(in: .zh)) && !Self.hasHan(problem.text(in: .en)))
    }

    @Test func theErrorNamesItsFileAndLineInEitherLanguage() {
        let error = JournalError(path: "/s/20261124-210000.jsonl", line: 3, .emptyLine)
        #expect(error.text(.zh).hasPrefix("/s/20261124-210000.jsonl:3: 空行。"))
        #expect(error.description == "/s/20261124-210000.jsonl:3: " + error.message)
        #expect(error.message.hasPrefix("empty line."))
    }

    /// The way around a state directory that cannot be used is named in both languages.
    @Test func aStateDirectoryProblemSaysHowToGoAround() {
        #expect(JournalProblem.stateDirectory(.symbolicLink).text(in: .zh).contains("--state-dir"))
        #expect(JournalProblem.stateDirectory(.symbolicLink).text(in: .en).hasSuffix("Pass --state-dir DIR to keep the journal elsewhere."))
    }

    static let profileProblems: [ProfileSaveProblem] = [
        .changedSinceRead(path: "/c/profile.yaml"), .folder(path: "/c", .shared), .cannotOpenFolder(path: "/c", reason: "x"),
        .damaged(FileProblem(file: "profile.yaml", line: 3, column: 1, .notAList(what: "choices"))), .otherGuide(path: "/c/profile.yaml", written: "other", current: "cn-mainland", dropped: "bank icbc"),
        .cannotWrite(path: "/c/profile.yaml", reason: "x"),
    ]
    static let qrProblems: [QRCodeProblem] = [.notInstalled(library: "l", install: "i"), .lacksFunction(library: "l", install: "i"), .tooLong, .emptyCode]

    @Test(arguments: profileProblems) func everyProfileSaveProblemHasItsChineseText(_ problem: ProfileSaveProblem) {
        #expect(Self.hasHan(problem.text(in: .zh)) && !Self.hasHan(problem.text(in: .en)), "\(problem)")
    }

    @Test(arguments: qrProblems) func everyQRCodeProblemHasItsChineseText(_ problem: QRCodeProblem) {
        #expect(Self.hasHan(problem.text(in: .zh)) && !Self.hasHan(problem.text(in: .en)), "\(problem)")
    }
}
