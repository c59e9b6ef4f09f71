import Foundation
import Testing
@testable import LostphoneCore

/// docs/report.schema.json, checked by python3-jsonschema (Debian's python3-jsonschema; .ci/run
/// installs it): the list of what is wrong, empty when the JSON holds to the schema.
enum ReportSchema {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/report.schema.json").path

    static let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.load(open(sys.argv[2]))
    for e in sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: e.json_path)[:20]:
        print(e.json_path + ": " + e.message[:200])
    """

    static func violations(_ json: String) throws -> [String] {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lp-schema-\(UUID().uuidString)")
        let doc = base.appendingPathExtension("json"), out = base.appendingPathExtension("out")
        defer { try? FileManager.default.removeItem(at: doc); try? FileManager.default.removeItem(at: out) }
        try json.write(to: doc, atomically: false, encoding: .utf8)
        guard FileManager.default.createFile(atPath: out.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: out)
        defer { try? handle.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", script, path, doc.path]
        p.standardOutput = handle
        p.standardError = handle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let said = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        guard p.terminationStatus == 0 else { return ["the validator failed (apt-get install python3-jsonschema): " + said] }
        return said.split(separator: "\n").map(String.init)
    }

    /// Records every violation as a test issue.
    static func check(_ json: String, _ what: String) throws {
        for v in try violations(json) { Issue.record("\(what): \(v)") }
    }
}

/// Happened-at is the time (#25), a tip is never a to-do, the cuts for one reader, the first
/// page's statement and declaration, and the JSON contract (#28).
@Suite struct ReportTruthTests {
    /// `@ -20m` then done on WeChat, and the SIM card frozen the evening before.
    func backDated() throws -> Incident {
        var (i, _) = Incident.open(id: "20261124-210000", playbook: PlaybookLoader.builtin(), at: t0)
        // Recorded at 21:19:36, happened at 20:59:36 (@ -20m): 24 s before lostphone was opened.
        try i.apply(try i.event(for: .move("wechat", to: .done, provider: nil, happenedAt: at(-24)), at: at(1176)))
        // The day before: recorded 21:20, happened 23:59 the evening before.
        try i.apply(try i.event(for: .move("sim", to: .done, provider: "china-mobile", happenedAt: at(-75_660)), at: at(1200)))
        return i
    }

    @Test(arguments: Language.allCases)
    func aBackDatedStepShowsItsHappenedTimeAndANegativeDurationInEveryFormat(language: Language) throws {
        let r = Report(incident: try backDated(), playbook: PlaybookLoader.builtin(), language: language, generatedAt: at(1300))
        let w = Words(language)
        let wechat = try #require(r.durations.first { $0.step == "wechat" })
        #expect(wechat.secondsAfterStart == -24, "signed, never clamped to 0")
        #expect(wechat.doneAt == at(-24) && wechat.recordedAt == at(1176))
        let sim = try #require(r.durations.first { $0.step == "sim" })
        #expect(sim.secondsAfterStart == -75_660)
        let before = w[.fromStart(seconds: -24)]
        #expect(before == language.pick(zh: "打开 lostphone 之前 0分24秒", en: "0m 24s before you opened lostphone"))
        let happened = "2026-11-24 20:59:36 +08:00", recorded = w[.recorded] + " 21:19:36"
        for format in [ReportFormat.md, .txt, .html] {
            let text = format.render(r)
            #expect(text.contains(happened), "\(format): the happened time")
            #expect(text.contains(recorded), "\(format): the recorded time beside it")
            #expect(text.contains(before), "\(format): the signed duration")
            // A time from another day carries its date, the recorded one too.
            #expect(text.contains("2026-11-23 23:59:00 +08:00"), "\(format): the day before")
            #expect(text.contains(w[.recorded] + " 2026-11-24 21:20:00 +08:00"), "\(format): a recorded time of another day has its date")
            #expect(!text.contains(w[.duration(seconds: 0)]), "\(format): no clamped zero")
        }
        let json = r.json()
        #expect(json.contains("\"secondsAfterStart\" : -24"))
        #expect(json.contains("\"doneAt\" : \"2026-11-24T20:59:36.000+08:00\""))
        try ReportSchema.check(json, "back-dated")
        let status = StatusText.render(r.incident, playbook: PlaybookLoader.builtin(), language: language, now: at(1300), journalPath: "j")
        let lines = status.split(separator: "\n")
        let i = try #require(lines.firstIndex { $0.contains(PlaybookLoader.builtin().step("wechat")!.title[language]) })
        #expect(lines[i].hasSuffix(happened + w.paren(recorded)), "status: \(lines[i])")
        #expect(lines[i + 1] == "      " + before, "status, the line below: \(lines[i + 1])")
    }

    /// A prepared incident: two tips done before (from the profile), the others not.
    func withTips() throws -> (Incident, Playbook) {
        let playbook = PlaybookLoader.builtin()
        var (i, _) = Incident.open(id: "20261124-210000", playbook: playbook, at: t0)
        let tips = playbook.tipSteps
        try i.apply(try i.event(for: .move(tips[0].id, to: .done, provider: nil, happenedAt: Timestamp(parsing: "2026-10-01T10:00:00.000+08:00")!), at: t0))
        try i.apply(try i.event(for: .move("sim", to: .done, provider: "china-mobile"), at: at(60)))
        return (i, playbook)
    }

    @Test(arguments: Language.allCases)
    func noReportListsAnUndoneTipAsToDo(language: Language) throws {
        let (incident, playbook) = try withTips()
        let tips = playbook.tipSteps
        let w = Words(language)
        for audience in [nil] + ReportAudience.allCases.map(Optional.some) {
            let r = Report(incident: incident, playbook: playbook, language: language, generatedAt: at(100), audience: audience)
            for format in ReportFormat.allCases where !(format == .json && audience != nil) && format != .ics {
                let text = format.render(r)
                for tip in tips.dropFirst() {
                    #expect(!text.contains(format == .html ? HTMLReportTests.escaped(tip.title[language]) : tip.title[language]),
                            "\(format) \(audience?.rawValue ?? "full") lists the undone tip \(tip.id)")
                }
                let done = text.contains(w[.doneBeforeLoss] + " 2026-10-01")
                #expect(done == (audience == nil && format != .json), "\(format) \(audience?.rawValue ?? "full"): the tip done before")
            }
        }
    }

    /// The two-bank story: ICBC done, CMB done, both by phone, with reference numbers.
    static func twoBanks() throws -> Incident {
        var (i, _) = Incident.open(id: "20261204-183000", playbook: PlaybookLoader.builtin(), at: t0)
        let device = DeviceDetails(model: "iPhone 15", imei: "356938035643809", number: "138 0013 8000", owner: "王芳",
                                   insurer: "人保财险", policy: "PDAA2026-7")
        try i.apply(try i.event(for: .details(lostAt: at(-1800), device: device), at: at(20)))
        try i.apply(try i.event(for: .move("sim", to: .done, provider: "china-mobile"), at: at(240)))
        try i.apply(try i.event(for: .move("bank", to: .done, provider: "icbc", happenedAt: at(300)), at: at(420)))
        try i.apply(try i.event(for: .note("bank", "by phone 95588, ref ICBC-20261124-0042", provider: "icbc"), at: at(430)))
        try i.apply(try i.event(for: .move("bank", to: .done, provider: "cmb"), at: at(600)))
        try i.apply(try i.event(for: .note("bank", "by phone 95555, ref CMB-7731", provider: "cmb"), at: at(610)))
        try i.apply(try i.event(for: .move("police", to: .done, provider: nil), at: at(3000)))
        try i.apply(try i.event(for: .note("police", "No. 110-2026-11-24-0042", provider: nil), at: at(3010)))
        return i
    }

    @Test(arguments: Language.allCases)
    func eachReaderGetsWhatTheyNeed(language: Language) throws {
        let incident = try Self.twoBanks()
        func cut(_ a: ReportAudience, _ f: ReportFormat) -> String {
            f.render(Report(incident: incident, playbook: PlaybookLoader.builtin(), language: language, generatedAt: at(4000), audience: a))
        }
        let playbook = PlaybookLoader.builtin()
        let icbc = playbook.step("bank")!.provider("icbc")!.name[language], cmb = playbook.step("bank")!.provider("cmb")!.name[language]
        let w = Words(language)
        for f in [ReportFormat.md, .txt, .html] {
            let police = cut(.police, f)
            for fact in ["iPhone 15", "356938035643809", "138 0013 8000", "王芳", "2026-11-24 20:30:00 +08:00", icbc, cmb,
                         w[.whereLost], playbook.step("sim")!.title[language], "2026-11-24 21:05:00 +08:00"] {
                #expect(police.contains(fact), "police \(f) lacks \(fact)")
            }
            let bank = cut(.bank, f)
            for fact in [icbc, cmb, "ICBC-20261124-0042", "CMB-7731", "95588", "王芳", "138 0013 8000", "2026-11-24 21:10:00 +08:00"] {
                #expect(bank.contains(fact), "bank \(f) lacks \(fact)")
            }
            #expect(!bank.contains("356938035643809"), "the bank needs no IMEI")
            let insurer = cut(.insurer, f)
            for fact in ["人保财险", "PDAA2026-7", "356938035643809", "No. 110-2026-11-24-0042", icbc] {
                #expect(insurer.contains(fact), "insurer \(f) lacks \(fact)")
            }
            for text in [police, bank, insurer] {
                #expect(text.contains(w[.declaration]) && text.contains(w[.signature] + w.colon), "\(f): the declaration")
                #expect(text.contains("UTC+08:00"), "\(f): how the times were recorded")
            }
        }
        // The full report keeps everything, with the statement and the declaration.
        let full = ReportFormat.md.render(Report(incident: incident, playbook: playbook, language: language, generatedAt: at(4000)))
        #expect(full.contains(w[.declaration]) && full.contains("UTC+08:00") && full.contains("356938035643809"))
    }

    @Test func everyEventAndDurationHasEveryDocumentedKeyNullWhenAbsent() throws {
        // No lost-at time: secondsAfterLoss is null, not missing.
        let r = Report(incident: try backDated(), playbook: PlaybookLoader.builtin(), language: .en, generatedAt: at(1300))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any])
        for e in object["events"] as? [[String: Any]] ?? [] {
            for key in ["seq", "at", "happenedAt", "kind", "step", "from", "to", "provider", "providerName", "mine", "note", "undoes"] {
                #expect(e.keys.contains(key), "event \(e["seq"] ?? "?") lacks \(key)")
            }
        }
        let durations = try #require(object["durations"] as? [[String: Any]])
        #expect(!durations.isEmpty)
        for d in durations { #expect(d["secondsAfterLoss"] is NSNull, "secondsAfterLoss is null without a lost-at time") }
        try ReportSchema.check(r.json(), "no lost-at")
        try ReportSchema.check(Report(incident: try Self.twoBanks(), playbook: PlaybookLoader.builtin(), language: .zh, generatedAt: at(4000)).json(), "two banks")
    }

    @Test func theSchemaCatchesAMissingKey() throws {
        let json = Report(incident: try sampleIncident(), playbook: PlaybookLoader.builtin(), language: .en, generatedAt: at(4000)).json()
        #expect(try ReportSchema.violations(json).isEmpty)
        let broken = json.replacingOccurrences(of: "\"undoes\" : null,", with: "").replacingOccurrences(of: "\"undoes\" : null", with: "\"x\" : 1")
        #expect(!(try ReportSchema.violations(broken)).isEmpty, "a report without undoes is refused")
    }

    @Test func theSchemaVersionIsTheSameInTheOutputTheDocsAndTheReadme() throws {
        let root = URL(fileURLWithPath: ReportSchema.path).deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let doc = try String(contentsOf: root.appendingPathComponent("docs/report-format.md"), encoding: .utf8)
        let schema = try String(contentsOf: root.appendingPathComponent("docs/report.schema.json"), encoding: .utf8)
        let v = Report.schemaVersion
        #expect(readme.contains("`schemaVersion` \(v)") && !readme.contains("`schemaVersion` \(v - 1)"), "README")
        #expect(doc.contains("## JSON, schemaVersion \(v)"), "docs/report-format.md")
        #expect(schema.contains("\"schemaVersion\": {\"const\": \(v)}"), "docs/report.schema.json")
    }

    @Test func theHTMLFooterNamesTheIncidentAndThePageOnEveryPage() throws {
        for language in Language.allCases {
            var r = Report(incident: try Self.twoBanks(), playbook: PlaybookLoader.builtin(), language: language, generatedAt: at(4000))
            let html = r.html()
            #expect(html.contains("@bottom-left") && html.contains("20261204-183000") && html.contains("counter(pages)"))
            #expect(html.contains("size: A4;"))
            r.paper = .letter
            #expect(r.html().contains("size: letter;"))
        }
        #expect(Report.cssString("a\"b</style>") == "\"a\\22 b\\3c \\2f style\\3e \"")
    }
}
