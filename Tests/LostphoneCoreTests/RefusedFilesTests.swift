import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import LostphoneCore

/// Never change what is refused; never follow a link lostphone did not make (#30).
@Suite struct RefusedFilesTests {
    let playbook = PlaybookLoader.builtin()

    func lines(_ events: [Event]) -> Data { events.reduce(into: Data()) { $0.append(Journal.encode($1)) } }

    func threeEvents() throws -> [Event] {
        var (incident, first) = Incident.open(id: "i", playbook: playbook, at: t0)
        var events = [first]
        for (n, command) in [IncidentCommand.move("sim", to: .done, provider: "china-mobile"), .note("sim", "A1", provider: "china-mobile")].enumerated() {
            let e = try incident.event(for: command, at: at(n + 1))
            try incident.apply(e)
            events.append(e)
        }
        first = events[0]
        return events
    }

    @Test func aJournalRefusedForADuplicatedSeqIsNotCutFirst() throws {
        let dir = TempDir()
        let path = dir.file("20261124-210000.jsonl")
        var events = try threeEvents()
        events[2].seq = 2
        var data = lines(events)
        data.append(Data(#"{"at":"2026-11-24T21:0"#.utf8))  // and a torn tail
        try data.write(to: URL(fileURLWithPath: path))
        let (journal, replayed, recovery) = try Journal.openIncident(path: path, id: "20261124-210000")
        journal.close()
        guard case .failure = replayed else { Issue.record("a duplicated seq was accepted"); return }
        #expect(recovery == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data, "the refused journal was changed")
        #expect(dir.names == ["20261124-210000.jsonl"], "a backup was made of a file that was not repaired: \(dir.names)")
    }

    @Test func aJournalMissingOnlyItsFinalNewlineIsReadWholeAndNothingIsSaidRemoved() throws {
        let dir = TempDir()
        let path = dir.file("i.jsonl")
        let events = try threeEvents()
        try lines(events).dropLast().write(to: URL(fileURLWithPath: path))
        #expect(try Journal.read(path: path) == events, "status would leave the last event out")
        let (journal, read, recovery) = try Journal.open(path: path)
        journal.close()
        #expect(read == events)
        let message = recovery?.message ?? ""
        #expect(!message.contains("cut off") && !message.contains("removed;") && message.contains("nothing was removed"), "\(message)")
    }

    @Test func aHugeSparseJournalIsRefusedBeforeItIsRead() throws {
        let dir = TempDir()
        let path = dir.file("i.jsonl")
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        #expect(ftruncate(fd, 1 << 30) == 0)
        close(fd)
        let before = peakMemory()
        #expect { try Journal.read(path: path) } throws: { ($0 as? JournalError)?.message.contains("1024 MB") == true }
        #expect { try Journal.open(path: path) } throws: { ($0 as? JournalError)?.message.contains("left as it is") == true }
        #expect(peakMemory() - before < 256 << 20, "the 1 GB file was read into memory")
        #expect(dir.names == ["i.jsonl"], "a backup of a refused file: \(dir.names)")
    }

    @Test func aHardLinkedJournalIsRefusedAndNotWritten() throws {
        let dir = TempDir()
        let path = dir.file("20261124-210000.jsonl")
        try lines(try threeEvents()).write(to: URL(fileURLWithPath: path))
        #expect(link(path, dir.file("elsewhere")) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect { try Journal.open(path: path) } throws: { ($0 as? JournalError)?.message.contains("hard link") == true }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aSymlinkedStateDirectoryIsRefusedAndItsTargetNotChmodded() throws {
        let dir = TempDir()
        let target = dir.file("shared")
        #expect(mkdir(target, 0o777) == 0 && chmod(target, 0o1777) == 0)
        #expect(symlink(target, dir.file("state")) == 0)
        #expect { try IncidentStore(directory: dir.file("state")).prepare() } throws: { ($0 as? JournalError)?.message.contains("symbolic link") == true }
        #expect(mode(target) == 0o1777)
    }

    @Test func aStickySharedFolderIsNeverMadePrivate() throws {
        let dir = TempDir()
        let target = dir.file("shared")
        #expect(mkdir(target, 0o777) == 0 && chmod(target, 0o1777) == 0)
        #expect(throws: JournalError.self) { try IncidentStore(directory: target).prepare() }
        #expect(mode(target) == 0o1777)
    }

    @Test func fileNamesThatAreNotIncidentIDsAreNoIncidents() throws {
        let dir = TempDir()
        let store = IncidentStore(directory: dir.path)
        for name in ["20261124-210000.jsonl", "20261124-210000-2.jsonl", "zzz.jsonl", "x\u{1B}]2;owned\u{7}\u{202E}.jsonl",
                     "20261124-210000.jsonl.bak", "99999999-999999-x.jsonl", ".20261124-210001.jsonl"] {
            _ = FileManager.default.createFile(atPath: dir.file(name), contents: Data())
        }
        #expect(store.list().map(\.id) == ["20261124-210000-2", "20261124-210000"])
        #expect(!IncidentStore.isIncidentID("2026112-2100000") && IncidentStore.isIncidentID("20261124-210000-12"))
    }

    // MARK: the profile

    @Test func aHugeSparseProfileIsRefusedBeforeItIsRead() throws {
        let dir = TempDir()
        let store = ProfileStore(path: dir.file("profile.yaml"))
        let fd = open(store.path, O_WRONLY | O_CREAT, 0o600)
        #expect(ftruncate(fd, 1 << 30) == 0)
        close(fd)
        let before = peakMemory()
        let load = store.load(playbook: playbook)
        #expect(load.profile == nil && load.problems.first?.message.contains("1073741824 bytes") == true, "\(load.problems)")
        #expect(peakMemory() - before < 256 << 20, "the 1 GB file was read into memory")
    }

    @Test func aProfileWithAByteOrderMarkIsRead() throws {
        let dir = TempDir()
        let store = ProfileStore(path: dir.file("profile.yaml"))
        try Data([0xEF, 0xBB, 0xBF] + Array("version: 1\nchoices:\n  bank: [icbc]\n".utf8)).write(to: URL(fileURLWithPath: store.path))
        let load = store.load(playbook: playbook)
        #expect(load.problems.isEmpty, "\(load.problems)")
        #expect(load.profile?.ticked("bank") == ["icbc"])
    }

    @Test func invalidUTF8InAProfileIsRefusedWithItsPlace() throws {
        let dir = TempDir()
        let store = ProfileStore(path: dir.file("profile.yaml"))
        try Data(Array("version: 1\nphone:\n  owner: \"Wa".utf8) + [0xFF] + Array("ng\"\n".utf8)).write(to: URL(fileURLWithPath: store.path))
        let load = store.load(playbook: playbook)
        #expect(load.profile == nil)
        #expect(load.problems.first.map { ($0.line, $0.column) } ?? (0, 0) == (3, 13), "\(load.problems)")
        #expect(load.problems.first?.message.contains("UTF-8") == true)
    }

    @Test func aSymlinkedProfileIsRefused() throws {
        let dir = TempDir()
        try "version: 1\n".write(toFile: dir.file("real.yaml"), atomically: false, encoding: .utf8)
        #expect(symlink(dir.file("real.yaml"), dir.file("profile.yaml")) == 0)
        let load = ProfileStore(path: dir.file("profile.yaml")).load(playbook: playbook)
        #expect(load.profile == nil && load.problems.first?.message.contains("symbolic link") == true)
    }

    @Test func staleTemporariesOfKilledSavesGoAtTheNextSave() throws {
        let dir = TempDir()
        let store = ProfileStore(path: dir.file("cfg/profile.yaml"))
        try store.save(Profile(), playbook: playbook, now: t0)
        // A save killed before its rename: a process id that is gone.
        let stale = dir.file("cfg/.profile.yaml.tmp-999999999-abc")
        _ = FileManager.default.createFile(atPath: stale, contents: Data("version: 1\n".utf8))
        try store.save(Profile(), playbook: playbook, now: t0)
        #expect(!FileManager.default.fileExists(atPath: stale))
    }
}

/// The process's peak resident memory so far, in bytes.
func peakMemory() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}
