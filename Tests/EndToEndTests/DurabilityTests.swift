import Foundation
import Testing

/// What was recorded survives the program being killed, and a second copy cannot scribble on it.
@Suite(.serialized, .enabled(if: TmuxSession.available)) struct DurabilityTests {
    @Test func sigkillRightAfterRecordingLosesNothing() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var before: [[String: Any]] = []
        do {
            let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], home: home)
            try t.expectScreen(contains: "About the lost phone")
            try t.press("Escape")
            try t.press("d", "j", "s", "j", "x")
            try t.expectScreen(contains: "Saved")
            guard let pid = try t.programPID() else { Issue.record("no lostphone process"); return }
            kill(pid, SIGKILL)
            try t.expectScreen(contains: "EXITED:137")
            before = try t.journalEvents()
        }
        #expect(before.count == 4, "opened + three moves, got \(before.count)")
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "Urgent freezes 2/")
        // Same states, same timestamps: the timeline shows the recorded clock times.
        try t.press("4")
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

    @Test func aSecondInstanceIsRefusedWithAClearMessage() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let first = try TmuxSession(arguments: ["--lang", "en"], home: home)
        try first.expectScreen(contains: "Urgent freezes")
        let second = try TmuxSession(arguments: ["--lang", "en"], home: home)
        try second.expectScreen(contains: "already", "EXITED:1")
    }
}
