import Foundation
import Testing

/// What was recorded survives the program being killed, and a second copy cannot scribble on it.
@Suite(.serialized, .enabled(if: TmuxSession.available)) struct DurabilityTests {
    @Test func sigkillRightAfterRecordingLosesNothing() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        var before: [[String: Any]] = []
        do {
            let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], home: home)
            try t.expectScreen(contains: "i: when and what was lost")
            try t.press("d", "d", "j", "s", "s", "j", "x")
            // "Saved" shows after the first action; two settled steps only after the last.
            try t.expectScreen(contains: "Saved", "Urgent freezes 2/")
            guard let pid = try t.programPID() else { Issue.record("no lostphone process"); return }
            kill(pid, SIGKILL)
            try t.expectScreen(contains: "EXITED:137")
            before = try t.journalEvents()
        }
        #expect(before.count == 4, "opened + three moves, got \(before.count)")
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "Urgent freezes 2/")
        // Same states, same timestamps: the timeline shows the recorded clock times.
        try t.press("5")
        for e in before.dropFirst() {
            let time = String((e["at"] as? String ?? "").dropFirst(11).prefix(8))
            try t.expectScreen(contains: time)
        }
        let after = try t.journalEvents()
        #expect(after.count == before.count)
        for (a, b) in zip(after, before) {
            #expect(a["at"] as? String == b["at"] as? String)
            #expect(a["to"] as? String == b["to"] as? String)
        }
    }

    /// A long incident (1,201 events) reopens from its journal with the same states and the whole
    /// timeline, and what is recorded then is kept; a checkpoint an earlier release left beside
    /// it is removed, the journal untouched.
    @Test func aLongIncidentReopensWithNothingLostAndAnOldCheckpointGoes() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let dir = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // opened, then 1,199 moves of the SIM step back and forth (ending done) and a note.
        var lines = [#"{"at":"2026-11-24T21:00:00.000+08:00","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#]
        for seq in 2...1200 {
            let (from, to) = seq % 2 == 0 ? ("pending", "done") : ("done", "pending")
            let at = String(format: "2026-11-24T21:%02d:%02d.000+08:00", (seq / 60) % 60, seq % 60)
            lines.append(#"{"at":"\#(at)","from":"\#(from)","kind":"move","provider":"china-mobile","seq":\#(seq),"step":"sim","to":"\#(to)"}"#)
        }
        lines.append(#"{"at":"2026-11-24T21:59:00.000+08:00","kind":"note","note":"case 4711","provider":"china-mobile","seq":1201,"step":"sim"}"#)
        let journal = dir.appendingPathComponent("20261124-210000.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: journal, atomically: false, encoding: .utf8)
        let checkpoint = dir.appendingPathComponent("20261124-210000.checkpoint")
        try Data("lostphone-checkpoint 3\n".utf8).write(to: checkpoint)

        do {
            let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], home: home)
            try t.expectScreen(contains: "Urgent freezes 1/")
            #expect(!FileManager.default.fileExists(atPath: checkpoint.path), "an old checkpoint is removed")
            // It opens on the first open step, the bank: the first d names ICBC, the second records.
            try t.press("d", "d")
            try t.expectScreen(contains: "Urgent freezes 2/")
            try t.press("q")
            try t.expectScreen(contains: "EXITED:0")
        }
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "Urgent freezes 2/")
        try t.press("5", "g")
        try t.expectScreen(contains: "Incident started", "21:00:02")
        try t.press("G")
        try t.expectScreen(contains: "21:59:00", "21:20:00")
        let events = try t.journalEvents()
        #expect(events.count == 1202)
        #expect(events.last?["step"] as? String == "bank" && events.last?["to"] as? String == "done")
    }

    @Test func aSecondInstanceIsRefusedWithAClearMessage() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let first = try TmuxSession(arguments: ["--lang", "en"], home: home)
        try first.expectScreen(contains: "Urgent freezes")
        let second = try TmuxSession(arguments: ["--lang", "en"], home: home)
        try second.expectScreen(contains: "already", "EXITED:1")
    }
}
