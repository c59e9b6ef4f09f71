import Foundation
import Testing
@testable import LostphoneCore

/// A fixed incident: every kind of event, fixed times in +08:00.
func sampleIncident(note: String = "case A-123, agent Wang") throws -> Incident {
    let playbook = PlaybookLoader.builtin()
    var (i, _) = Incident.open(id: "20261124-210000", playbook: playbook, at: t0)
    let commands: [(IncidentCommand, Int)] = [
        (.details(lostAt: at(-1800), device: DeviceDetails(model: "iPhone 12", imei: "356938035643809")), 30),
        (.move("sim", to: .inProgress, provider: "china-mobile"), 60),
        (.move("sim", to: .done, provider: "china-mobile"), 240),
        (.note("sim", "placeholder", provider: "china-mobile"), 250),
        (.move("bank", to: .blocked, provider: "icbc"), 400),
        (.move("wechat", to: .done, provider: nil), 700),
        (.move("alipay", to: .skipped, provider: nil), 720),
        (.undo, 725),
        // Reported at 21:50, recorded at 22:01:40.
        (.move("police", to: .done, provider: nil, happenedAt: at(3000)), 3700),
    ]
    for (command, second) in commands {
        var event = try i.event(for: command, at: at(second))
        // Set on the event itself: a journal from an earlier release, whose note field took any
        // character, may hold what the state machine now refuses to record.
        if case .note(var entry) = event.payload {
            entry.text = note
            event.payload = .note(entry)
        }
        try i.apply(event)
    }
    return i
}

@Suite struct ReportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/reports")

    func report(_ language: Language, note: String = "case A-123, agent Wang") throws -> Report {
        Report(incident: try sampleIncident(note: note), playbook: PlaybookLoader.builtin(), language: language, generatedAt: at(4000))
    }

    /// Compares with the golden file; `UPDATE_SNAPSHOTS=1` rewrites it (review the diff).
    func golden(_ text: String, _ name: String) throws {
        let url = Self.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.fixtures, withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if text != expected {
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("\(name) differs at line \(line + 1):\n got: \(line < a.count ? a[line] : "<end>")\nwant: \(line < b.count ? b[line] : "<end>")")
        }
    }

    @Test(arguments: [(ReportFormat.md, Language.en), (.json, .en), (.txt, .en), (.md, .zh), (.txt, .zh)])
    func goldenReports(format: ReportFormat, language: Language) throws {
        let text = format.render(try report(language))
        if format == .json { try ReportSchema.check(text, "golden") }
        try golden(text, "report-\(language.rawValue).\(format.rawValue)")
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let data = Data(try report(.en).json().utf8)
        try ReportSchema.check(String(decoding: data, as: UTF8.self), "sample")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 2)
        let incident = try #require(object["incident"] as? [String: Any])
        #expect(incident["startedAt"] as? String == "2026-11-24T21:00:00.000+08:00")
        let steps = try #require(object["steps"] as? [[String: Any]])
        let sim = try #require(steps.first { $0["id"] as? String == "sim" })
        for key in ["pane", "id", "state", "updatedAt", "happenedAt", "notes", "providers"] { #expect(sim.keys.contains(key), "steps lack \(key)") }
        #expect(sim["state"] as? String == "done")
        let providers = try #require(sim["providers"] as? [[String: Any]])
        #expect(providers.count == 1)
        for key in ["id", "name", "state", "mine", "updatedAt", "happenedAt", "notes"] { #expect(providers[0].keys.contains(key), "providers lack \(key)") }
        #expect(providers[0]["id"] as? String == "china-mobile" && providers[0]["state"] as? String == "done")
        let notes = try #require(providers[0]["notes"] as? [[String: Any]])
        #expect(notes.first?["text"] as? String == "case A-123, agent Wang" && notes.first?["at"] as? String == "2026-11-24T21:04:10.000+08:00")
        #expect(notes.first?.keys.contains("happenedAt") == true)
        for key in ["owner", "lostNumber", "deviceModel", "imei"] { #expect(incident.keys.contains(key), "incident lacks \(key)") }
        let events = try #require(object["events"] as? [[String: Any]])
        for key in ["seq", "at", "happenedAt", "step", "from", "to", "provider", "providerName", "note"] { #expect(events[2].keys.contains(key), "events lack \(key)") }
        let durations = try #require(object["durations"] as? [[String: Any]])
        #expect(durations.first?["secondsAfterStart"] as? Int == 240)
        #expect(durations.first?["secondsAfterLoss"] as? Int == 2040)
        let laterPanes = PlaybookLoader.builtin().panes.dropFirst().filter { $0.kind == .actions }
        #expect((object["open"] as? [String]) == ["bank", "alipay", "lending", "debit-card", "credit-card", "id-card", "accounts"] + laterPanes.flatMap { $0.steps.map(\.id.rawValue) })
    }

    static let hostile = "a|b\n## not a heading <script>*x*</script> \"q\" \\ \u{1B}[31mred\u{7}"

    @Test func aHostileNoteStaysInsideItsMarkdownCell() throws {
        let md = try report(.en, note: Self.hostile).markdown()
        let row = try #require(md.split(separator: "\n").first { $0.contains("not a heading") })
        #expect(row.hasPrefix("| "))
        #expect(row.contains("a\\|b<br>\\#\\# not a heading &lt;script&gt;\\*x\\*&lt;/script&gt;"))
        #expect(!md.contains("\u{1B}") && md.contains("␛\\[31mred␇"))
        // Every table row keeps its number of columns.
        for line in md.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect([3, 4, 5, 6].contains(cells), "broken row: \(line)")
        }
    }

    /// The SIM step's note, as a JSON reader sees it: under its provider.
    func simNote(_ object: [String: Any]?) -> String? {
        let steps = object?["steps"] as? [[String: Any]]
        let providers = steps?.first { $0["id"] as? String == "sim" }?["providers"] as? [[String: Any]]
        return (providers?.first?["notes"] as? [[String: Any]])?.first?["text"] as? String
    }

    @Test func aHostileNoteRoundTripsThroughJSON() throws {
        let json = try report(.en, note: Self.hostile).json()
        try ReportSchema.check(json, "hostile note")
        #expect(!json.contains("\u{1B}"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(simNote(object) == Self.hostile)
    }

    @Test func invisibleAndBidiCharactersAreEscapedInJSONAndRoundTrip() throws {
        let note = "ref \u{202E}1234\u{202C} \u{9B}31m zero\u{200B}width \u{FEFF} 👨\u{200D}👩\u{200D}👧"
        let json = try report(.en, note: note).json()
        try ReportSchema.check(json, "invisible characters")
        for scalar in ["\u{202E}", "\u{202C}", "\u{9B}", "\u{200B}", "\u{FEFF}", "\u{200D}"] {
            #expect(!json.contains(scalar), "a raw U+\(String(format: "%04X", scalar.unicodeScalars.first!.value)) in the JSON")
        }
        #expect(json.contains("\\u202E") && json.contains("\\u009B"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(simNote(object) == note, "the same text to a JSON reader")
    }

    @Test func aHostileNoteIsVisibleButInertInText() throws {
        let text = try report(.en, note: Self.hostile).text()
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"))
        #expect(text.contains("␛[31mred␇"))
    }

    @Test(arguments: [Language.en, .zh])
    func textFitsEightyColumns(language: Language) throws {
        for line in try report(language, note: String(repeating: "很长的备注", count: 40)).text().split(separator: "\n") {
            #expect(TextWidth.of(line) <= 80, "too wide: \(line)")
        }
    }

    @Test func writingIsAtomicPrivateAndDoesNotOverwriteWithoutForce() throws {
        let dir = TempDir()
        let path = dir.file("r.md")
        try ReportWriter.write("one", to: path, force: false)
        #expect(mode(path) == 0o600)
        #expect(throws: ReportWriteError.self) { try ReportWriter.write("two", to: path, force: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one")
        try ReportWriter.write("two", to: path, force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r.md"], "no temporary file left")
    }

    @Test func anUnwritablePlaceGivesAClearError() {
        #expect {
            try ReportWriter.write("x", to: "/proc/lostphone-report.md", force: false)
        } throws: { error in
            (error as? ReportWriteError)?.message.contains("cannot write in /proc") == true
        }
    }
}

/// The printable HTML export holds the Markdown's facts and nothing that reaches outside it.
@Suite struct HTMLReportTests {
    func report(_ language: Language, note: String = "case A-123, agent Wang") throws -> Report {
        Report(incident: try sampleIncident(note: note), playbook: PlaybookLoader.builtin(), language: language, generatedAt: at(4000))
    }

    @Test(arguments: [Language.en, .zh])
    func htmlHoldsEveryStepWithItsStateAndTheTimeline(language: Language) throws {
        let r = try report(language)
        let html = r.html()
        for row in r.steps {
            #expect(html.contains(Self.escaped(row.title)), "the HTML lacks the step \(row.title)")
        }
        for row in r.steps where row.state != .pending {
            #expect(html.contains("<td class=\"state-\(row.state.rawValue)\">\(r.words.name(row.state))</td>"),
                    "\(row.title) is not shown as \(row.state)")
        }
        for e in r.events { #expect(html.contains(r.when(recorded: e.event.at, happened: e.event.happenedAt)!)) }
        #expect(html.contains(r.incident.device.imei ?? "no IMEI"))
        #expect(html.contains("lang=\"\(language == .zh ? "zh-CN" : "en")\""))
    }

    @Test func htmlIsSelfContainedAndLaidOutForA4() throws {
        let html = try report(.en).html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("size: A4;"))
        #expect(html.contains("\"Noto Sans CJK SC\""), "Chinese faces are named")
        for outside in ["<script", "<link", "src=", "href=", "@import", "url("] {
            #expect(!html.contains(outside), "the report reaches outside itself with \(outside)")
        }
    }

    @Test func aHostileNoteIsTextInTheHTML() throws {
        let html = try report(.en, note: "<script>alert(1)</script> & \"x\"").html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"))
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// The insurer and policy number, for a claim: in every report format when given (from the
/// profile or `i`), and no empty rows when not.
@Suite struct InsuranceInReportTests {
    func incident(insured: Bool) throws -> Incident {
        var (i, _) = Incident.open(id: "20261124-210000", playbook: PlaybookLoader.builtin(), at: t0)
        let device = DeviceDetails(model: "iPhone 12", insurer: insured ? "人保财险" : nil, policy: insured ? "PDAA2026-7" : nil)
        try i.apply(try i.event(for: .details(lostAt: nil, device: device), at: at(10)))
        return i
    }

    @Test func theInsurerAndPolicyAreInEveryFormatWhenGiven() throws {
        let insured = try incident(insured: true)
        #expect(insured.device.insurer == "人保财险" && insured.device.policy == "PDAA2026-7")
        #expect(try Incident.replay(insured.events, id: insured.id).device == insured.device)
        for language in Language.allCases {
            let r = Report(incident: insured, playbook: PlaybookLoader.builtin(), language: language, generatedAt: at(20))
            let w = Words(language)
            // The calendar file holds only what is due, not the incident's details.
            for format in ReportFormat.allCases where format != .ics {
                let text = format.render(r)
                if format == .json { try ReportSchema.check(text, "insured") }
                #expect(text.contains("人保财险") && text.contains("PDAA2026-7"), "\(format) \(language)")
            }
            #expect(ReportFormat.md.render(r).contains("| \(w.capitalized(.profile(.policy))) | PDAA2026-7 |"))
        }
        let bare = Report(incident: try incident(insured: false), playbook: PlaybookLoader.builtin(), language: .en, generatedAt: at(20))
        #expect(!ReportFormat.md.render(bare).contains("Policy number"))
        #expect(ReportFormat.json.render(bare).contains("\"policy\" : null"))
        try ReportSchema.check(ReportFormat.json.render(bare), "uninsured")
    }
}

/// An undone note (or mark) is said in the report's timeline as what it was, not as a state it
/// went back to (the user test read "Undone: Freeze WeChat → to do" for a note taken back, as if
/// the note still stood and a state was reversed).
@Suite struct UndoneNoteInReportTests {
    @Test func anUndoneNoteIsSaidAsTheNote() throws {
        let playbook = PlaybookLoader.builtin()
        var (i, _) = Incident.open(id: "20261124-210000", playbook: playbook, at: t0)
        for (command, second) in [(IncidentCommand.note("wechat", "case 42", provider: nil), 60), (.undo, 90),
                                  (.move("police", to: .done, provider: nil), 120), (.undo, 150)] {
            try i.apply(try i.event(for: command, at: at(second)))
        }
        for (language, note, move) in [(Language.en, "Undone: Freeze WeChat: note", "Undone: Report to the police → to do"),
                                       (.zh, "已撤销：冻结微信：备注", "已撤销：报警 → 待办")] {
            let md = Report(incident: i, playbook: playbook, language: language, generatedAt: at(200)).markdown()
            let said = md.split(separator: "\n").filter { $0.contains("WeChat") || $0.contains("微信") || $0.contains("police") || $0.contains("报警") }
            #expect(md.contains(note), "\(language):\n\(said.joined(separator: "\n"))")
            #expect(md.contains(move), "a state taken back is still said as the state: \(language)")
        }
    }
}
