import Foundation
import Testing
@testable import LostphoneCore
#if canImport(Glibc)
import Glibc
#endif

/// Links, other people's directories and leftovers of killed writes: the journal and the
/// reports are never written through a link or into a folder the person does not own.
@Suite struct FileSafetyTests {
    let playbook = PlaybookLoader.builtin()

    @Test func aJournalThatIsASymbolicLinkIsRefusedAndItsTargetUntouched() throws {
        let dir = TempDir()
        let outside = dir.file("outside.jsonl")
        let (_, first) = Incident.open(id: "i", playbook: playbook, at: t0)
        try Journal.create(path: outside, first: first).close()
        let before = FileManager.default.contents(atPath: outside)
        let planted = dir.file("20261124-210000.jsonl")
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: outside)
        #expect { try Journal.open(path: planted) } throws: { ($0 as? JournalError)?.message.contains("symbolic link") == true }
        #expect { try Journal.read(path: planted) } throws: { ($0 as? JournalError)?.message.contains("symbolic link") == true }
        #expect(FileManager.default.contents(atPath: outside) == before)
    }

    /// Needs root, to hand a directory to another user (CI runs as root).
    @Test(.enabled(if: geteuid() == 0)) func aStateDirectoryOwnedBySomeoneElseIsRefusedAndNotChanged() throws {
        let dir = TempDir()
        let theirs = dir.file("theirs")
        try FileManager.default.createDirectory(atPath: theirs, withIntermediateDirectories: false)
        #expect(chmod(theirs, 0o777) == 0 && chown(theirs, 65534, 65534) == 0)
        #expect { try IncidentStore(directory: theirs).prepare() } throws: { ($0 as? JournalError)?.message.contains("belongs to another user") == true }
        #expect(mode(theirs) == 0o777, "never chmod-ed")
    }

    @Test func anOwnDirectoryIsMadePrivateAndMissingParentsAreCreated0700() throws {
        let dir = TempDir()
        let mine = dir.file("mine")
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: false)
        #expect(chmod(mine, 0o755) == 0)
        try PrivateDirectory.prepare(mine)
        #expect(mode(mine) == 0o700)
        let deep = dir.file("a/b/lostphone")
        try PrivateDirectory.prepare(deep)
        #expect(mode(dir.file("a")) == 0o700 && mode(dir.file("a/b")) == 0o700 && mode(deep) == 0o700)
    }

    @Test func aFileWhereTheDirectoryShouldBeIsRefused() throws {
        let dir = TempDir()
        #expect(FileManager.default.createFile(atPath: dir.file("state"), contents: Data()))
        #expect { try PrivateDirectory.prepare(dir.file("state")) } throws: { ($0 as? DirectoryError)?.message == "is not a directory." }
    }

    @Test func theCopyAKilledExportLeftBesideItsTargetIsRemovedByTheNextExport() throws {
        let dir = TempDir()
        let target = dir.file("report.md")
        let dead = dir.file(".report.md.tmp-\(deadPID())-1a2b")
        let live = dir.file(".report.md.tmp-\(getpid())-3c4d")
        let other = dir.file(".notes.txt.tmp-\(deadPID())-5e6f")
        for path in [dead, live, other] { #expect(FileManager.default.createFile(atPath: path, contents: Data("IMEI 356938035643809".utf8))) }
        try ReportWriter.write("# report\n", to: target, force: false)
        #expect(!FileManager.default.fileExists(atPath: dead), "the killed export's copy is gone")
        #expect(FileManager.default.fileExists(atPath: live), "a write still under way is left alone")
        #expect(FileManager.default.fileExists(atPath: other), "another file's temporary is not this export's business")
        #expect(FileManager.default.contents(atPath: target) == Data("# report\n".utf8))
    }

    /// A process id no process has now.
    func deadPID() -> pid_t {
        var pid: pid_t = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }
}
