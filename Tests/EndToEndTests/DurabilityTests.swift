import Foundation
import Testing

/// What was recorded survives the program being killed, and a second copy cannot scribble on it.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct DurabilityTests {
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

/// An incident is created whole or not at all, and by one of several first writers (#30).
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct IncidentCreationEndToEndTests {
    let homes = TemporaryHomes()

    /// A profile that prepares about 30 events (some 5 KB): banks, the brand, the phone, tips.
    static let profile = """
        version: 1
        choices:
          carrier: [china-unicom]
          bank: [icbc, boc, bocom, cmb, ccb, abc]
          brand: [apple]
        phone:
          model: "iPhone 15"
          imei: "490154203237518"
        tips:
          tip-1: 2026-10-01T09:00:00+08:00
          tip-2: 2026-10-01T09:00:00+08:00
          tip-3: 2026-10-01T09:00:00+08:00
          tip-4: 2026-10-01T09:00:00+08:00
          tip-5: 2026-10-01T09:00:00+08:00
          tip-6: 2026-10-01T09:00:00+08:00
          tip-7: 2026-10-01T09:00:00+08:00
          tip-8: 2026-10-01T09:00:00+08:00

        """

    func homeWithProfile(_ name: String) throws -> URL {
        let home = try homes.make(name)
        let config = home.appendingPathComponent("config/lostphone")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Self.profile.write(to: config.appendingPathComponent("profile.yaml"), atomically: false, encoding: .utf8)
        return home
    }

    /// Runs `script` under bash with the program as `$LP`, in `home`'s environment.
    func bash(_ script: String, home: URL) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        var env = homeEnvironment(home)
        env["LP"] = TmuxSession.binary
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func stateFiles(_ home: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("state/lostphone").path)) ?? []).sorted()
    }

    /// The disk fills part way through the start (a file-size limit stops the writes at 2 KiB,
    /// as a full disk would): nothing of the incident is left, and the message says so truly.
    @Test func aStartThatCannotBeWrittenWholeLeavesNothingAndSaysSo() throws {
        let home = try homeWithProfile("fill")
        let r = try bash(#"trap '' XFSZ; ulimit -f 2; exec "$LP" note --lang en police "case 7""#, home: home)
        #expect(r.status == 1, "\(r)")
        #expect(r.err.contains("nothing was recorded and no incident was started"), "\(r.err)")
        #expect(!r.out.contains("Added"), "\(r.out)")
        #expect(stateFiles(home).isEmpty, "a partial incident was left: \(stateFiles(home))")
        // With room, the same start is written whole.
        let again = try runBinary(["note", "--lang", "en", "police", "case 7"], environment: homeEnvironment(home))
        #expect(again.status == 0, "\(again)")
        let journal = home.appendingPathComponent("state/lostphone").appendingPathComponent(stateFiles(home).first ?? "none")
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 20 && lines.first?.contains("\"preparedEvents\":\(lines.count - 2)") == true, "\(lines.first ?? "")")
    }

    /// Ten first writers at once, in an empty state folder, three times over: one incident each
    /// time, every note that was reported added is in it, and it opens.
    @Test func parallelFirstWritersShareOneIncident() throws {
        for round in 1...3 {
            let home = try homeWithProfile("race\(round)")
            let r = try bash(#"for i in $(seq 1 10); do "$LP" note --lang en police "n$i" & done; wait"#, home: home)
            let added = r.out.components(separatedBy: "Added a note").count - 1
            #expect(added == 10, "round \(round): stdout: \(r.out)\nstderr: \(r.err)")
            let journals = stateFiles(home).filter { $0.hasSuffix(".jsonl") }
            #expect(journals.count == 1, "round \(round): \(journals)")
            let status = try runBinary(["status", "--lang", "en"], environment: homeEnvironment(home))
            #expect(status.status == 0, "\(status)")
            let text = try String(contentsOf: home.appendingPathComponent("state/lostphone/\(journals.first ?? "")"), encoding: .utf8)
            for i in 1...10 { #expect(text.contains("\"note\":\"n\(i)\""), "round \(round): n\(i) is gone") }
        }
    }

    /// A journal an earlier version left half made (its start killed after 2 of its prepared
    /// events) is named on the first screen and by `note`, not continued silently.
    @Test func anEarlierVersionsHalfMadeIncidentIsNamed() throws {
        let scratch = try homeWithProfile("whole")
        #expect(try runBinary(["note", "police", "x"], environment: homeEnvironment(scratch)).status == 0)
        let name = stateFiles(scratch).first ?? ""
        let whole = try String(contentsOf: scratch.appendingPathComponent("state/lostphone/\(name)"), encoding: .utf8)
            .split(separator: "\n")
        // As an earlier version wrote it: no count in `opened`, and the start cut short.
        let opened = whole[0].replacingOccurrences(of: #","preparedEvents":\d+"#, with: "", options: .regularExpression)
        let half = ([opened] + whole[1...2].map(String.init)).joined(separator: "\n") + "\n"
        let home = try homeWithProfile("half")
        let state = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try half.write(to: state.appendingPathComponent(name), atomically: false, encoding: .utf8)

        let t = try TmuxSession(width: 160, height: 30, arguments: ["--lang", "en"], home: home)
        try t.expectScreen(contains: "start was cut short", "2 of the")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        let note = try runBinary(["note", "--lang", "en", "police", "y"], environment: homeEnvironment(home))
        #expect(note.err.contains("start was cut short"), "\(note)")
    }
}
