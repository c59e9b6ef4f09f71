import Foundation
import Testing

/// `export --format html` prints: headless Chromium turns the file into a PDF with the README's
/// command, and poppler reads it back. Needs Debian's `chromium` and `poppler-utils` (.ci/run
/// installs them); outside CI their absence skips the suite, under CI=true it fails.
@Suite(.offThePool(.printing), .enabled(if: PrintTools.available, "chromium or pdftotext is missing: apt-get install chromium poppler-utils"))
final class PrintableReportTests {
    private let home: URL
    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: home) }

    var environment: [String: String] { homeEnvironment(home) }

    func writeJournal(_ lines: [String], id: String) throws {
        let dir = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("\(id).jsonl"), atomically: false, encoding: .utf8)
    }

    /// An incident with a done step, a blocked one and a note.
    func writeIncident() throws {
        try writeJournal([
            #"{"at":"2026-11-24T21:00:00.000+08:00","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#,
            #"{"at":"2026-11-24T21:04:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":2,"step":"sim","to":"done"}"#,
            #"{"at":"2026-11-24T21:04:10.000+08:00","kind":"note","note":"case A-123 <b>agent</b> Wang","provider":"china-mobile","seq":3,"step":"sim"}"#,
            #"{"at":"2026-11-24T21:06:00.000+08:00","from":"pending","kind":"move","provider":"icbc","seq":4,"step":"bank","to":"blocked"}"#,
        ], id: "20261124-210000")
    }

    /// The built-in guide's action steps and their providers, read from its YAML: every provider,
    /// for the stress incident.
    static func guideSteps() throws -> [(step: String, pane: String, providers: [String])] {
        let yaml = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LostphoneCore/Resources/cn-mainland.yaml")
        var steps: [(step: String, pane: String, providers: [String])] = []
        var pane = ""
        for line in try String(contentsOf: yaml, encoding: .utf8).split(separator: "\n") {
            func id(_ prefix: String) -> String? {
                line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: " \"'")) : nil
            }
            if let p = id("  - id:") { pane = p }
            else if let s = id("      - id:") { steps.append((s, pane, [])) }
            else if let p = id("          - id:"), !steps.isEmpty { steps[steps.count - 1].providers.append(p) }
        }
        return steps
    }

    /// Every provider of every step done or blocked, each with a long note holding long
    /// unbroken reference numbers; back-dated times from the evening before (lost at 22:10, the
    /// incident opened after midnight); long details; a tip done months before.
    func writeStressIncident() throws -> String {
        let id = "20261205-003000"
        var lines = [
            #"{"at":"2026-12-05T00:30:00.000+08:00","journalVersion":2,"kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#,
            #"{"at":"2026-12-05T00:30:05.000+08:00","deviceModel":"Samsung Galaxy Z Fold6 Thom Browne Edition 1TB SM-F9560ZKEXXX-EXTRA-LONG-MODEL-NAME","imei":"356938035643809","insurer":"中国人民财产保险股份有限公司北京市分公司个人手机意外损坏及盗抢保险部","kind":"details","lostAt":"2026-12-04T22:10:00.000+08:00","lostNumber":"+86 138 0013 8000 / +86 139 0013 9000","owner":"Maximiliana Konstantinopolskaya-Wolfeschlegelsteinhausen 欧阳娜娜","policy":"PDAA20261100000000000000000000001234567890ABCDEFGHIJ","seq":2}"#,
        ]
        var seq = 3
        var n = 0
        for step in try Self.guideSteps() where step.pane != "tips" {
            for provider in step.providers.isEmpty ? [nil] : step.providers.map(Optional.some) {
                n += 1
                let p = provider.map { #","provider":"\#($0)""# } ?? ""
                let to = n % 5 == 0 ? "blocked" : "done"
                // Every other one back-dated to the evening before, after the loss.
                let happened = n % 2 == 0 ? String(format: #","happenedAt":"2026-12-04T23:%02d:00.000+08:00""#, n % 50 + 5) : ""
                // Recorded 20 s apart from 00:31.
                func time(_ seq: Int) -> String {
                    let s = 30 * 60 + seq * 20
                    return String(format: "2026-12-05T%02d:%02d:%02d.000+08:00", s / 3600, s % 3600 / 60, s % 60)
                }
                let t = time(seq)
                lines.append(#"{"at":"\#(t)","from":"pending"\#(happened),"kind":"move"\#(p),"seq":\#(seq),"step":"\#(step.step)","to":"\#(to)"}"#)
                seq += 1
                let note = "Reference No. 110-2026-12-05-0042-\(n)-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOP; 坐席工号 0042，受理人王建国，已电话口头挂失，需三日内到网点办理书面挂失并携带身份证原件"
                lines.append(#"{"at":"\#(time(seq))","kind":"note","note":"\#(note)""# + p + #","seq":\#(seq),"step":"\#(step.step)"}"#)
                seq += 1
            }
        }
        try writeJournal(lines, id: id)
        return id
    }

    /// The two-bank story: ICBC done, CMB done, both by phone with reference numbers; the SIM
    /// card frozen; the police report's number noted.
    func writeTwoBankIncident() throws -> String {
        let id = "20261204-183000"
        try writeJournal([
            #"{"at":"2026-12-04T18:30:00.000+08:00","journalVersion":2,"kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#,
            #"{"at":"2026-12-04T18:30:20.000+08:00","deviceModel":"iPhone 15","imei":"356938035643809","insurer":"人保财险","kind":"details","lostAt":"2026-12-04T18:05:00.000+08:00","lostNumber":"138 0013 8000","owner":"王芳","policy":"PDAA2026-7","seq":2}"#,
            #"{"at":"2026-12-04T18:34:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":3,"step":"sim","to":"done"}"#,
            #"{"at":"2026-12-04T18:38:00.000+08:00","from":"pending","happenedAt":"2026-12-04T18:36:00.000+08:00","kind":"move","provider":"icbc","seq":4,"step":"bank","to":"done"}"#,
            #"{"at":"2026-12-04T18:38:20.000+08:00","kind":"note","note":"by phone 95588, ref ICBC-20261204-0042","provider":"icbc","seq":5,"step":"bank"}"#,
            #"{"at":"2026-12-04T18:42:00.000+08:00","from":"pending","kind":"move","provider":"cmb","seq":6,"step":"bank","to":"done"}"#,
            #"{"at":"2026-12-04T18:42:30.000+08:00","kind":"note","note":"by phone 95555, ref CMB-7731","provider":"cmb","seq":7,"step":"bank"}"#,
            #"{"at":"2026-12-04T19:20:00.000+08:00","from":"pending","kind":"move","seq":8,"step":"police","to":"done"}"#,
            #"{"at":"2026-12-04T19:20:30.000+08:00","kind":"note","note":"No. 110-2026-12-04-0042","seq":9,"step":"police"}"#,
        ], id: id)
        return id
    }

    /// Prints, then checks: no two words overlap, every word lies on the printable part of the
    /// page (10 mm from each edge) and the body inside its margins, and every page names the
    /// incident and its number. Returns the pages.
    @discardableResult
    func printAndCheck(_ html: String, name: String, incident: String, language: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> PrintedPages {
        let pdf = try PrintTools.printToPDF(html, in: home, name: name)
        let pages = try PrintedPages(pdf: pdf)
        #expect(!pages.pages.isEmpty, sourceLocation: sourceLocation)
        let overlaps = pages.overlaps(), outside = pages.outside(inset: mm(10))
        let body = pages.outsideContent(side: mm(14), bottom: mm(18))
        #expect(overlaps.isEmpty, "\(name): \(overlaps.count) overlapping words: \(overlaps.prefix(8))", sourceLocation: sourceLocation)
        #expect(outside.isEmpty, "\(name): \(outside.count) words off the printable area: \(outside.prefix(8))", sourceLocation: sourceLocation)
        #expect(body.isEmpty, "\(name): \(body.count) words outside the margins: \(body.prefix(8))", sourceLocation: sourceLocation)
        let m = pages.pages.count
        for n in 1...m {
            let text = pages.text(ofPage: n)
            let number = language == "zh" ? "第\(n)页，共\(m)页" : "page\(n)of\(m)"
            #expect(text.contains(incident) && text.contains(number), "\(name) page \(n) lacks “\(incident)” or “\(number)”", sourceLocation: sourceLocation)
        }
        print("\(name): \(m) pages, \(pages.pages.map(\.words.count).reduce(0, +)) words, \(overlaps.count) overlaps, \(outside.count + body.count) outside")
        return pages
    }

    @Test(arguments: ["en", "zh"])
    func theHTMLReportPrintsWithTheTextOfEveryStep(language: String) throws {
        try PrintTools.require()
        try writeIncident()
        let html = home.appendingPathComponent("report.html").path
        let exported = try runBinary(["export", "--format", "html", "--lang", language, "-o", html], environment: environment)
        #expect(exported.status == 0, "\(exported.err)")
        let json = try runBinary(["export", "--format", "json", "--lang", language, "-o", "-"], environment: environment)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let titles = (object?["steps"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles.count > 15, "the JSON report lists the steps")

        let pdf = try PrintTools.printToPDF(html, in: home)
        let info = try TmuxSession.capture("/usr/bin/pdfinfo", [pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
        #expect((1...4).contains(pages), "a fresh incident's report fits on 1 to 4 A4 pages; it took \(pages)")
        #expect(info.contains("(A4)"), "the page is A4:\n\(info)")

        // Table cells wrap, and pdftotext drops or adds spaces: compare without white space.
        let text = try TmuxSession.capture("/usr/bin/pdftotext", ["-raw", pdf, "-"]).filter { !$0.isWhitespace }
        for title in titles {
            #expect(text.contains(title.filter { !$0.isWhitespace }), "the PDF lacks the step \(title)")
        }
        #expect(text.contains("caseA-123<b>agent</b>Wang"), "the note is printed as text")
        #expect(text.contains("20261124-210000"))
    }

    /// #28: the stress incident, in both languages, on A4 and Letter: no overlap, nothing off the
    /// page, the incident id and "page N of M" on every page.
    @Test(arguments: ["en", "zh"], ["a4", "letter"])
    func theStressIncidentPrintsWithoutOverlapOnEveryPage(language: String, paper: String) throws {
        try PrintTools.require()
        let id = try writeStressIncident()
        let html = home.appendingPathComponent("stress-\(language)-\(paper).html").path
        let exported = try runBinary(["export", "--format", "html", "--lang", language, "--paper", paper, "-o", html], environment: environment)
        #expect(exported.status == 0, "\(exported.err)")
        let pages = try printAndCheck(html, name: "stress-\(language)-\(paper).pdf", incident: id, language: language)
        let size = (pages.pages.first?.width ?? 0, pages.pages.first?.height ?? 0)
        let wanted = paper == "a4" ? (595.0, 842.0) : (612.0, 792.0)
        #expect(abs(size.0 - wanted.0) < 2 && abs(size.1 - wanted.1) < 2, "\(paper): the page is \(size)")
        #expect(pages.pages.count > 3, "the stress incident fills several pages")
        // The first page says how the times were recorded, and has the declaration.
        let first = pages.text(ofPage: 1)
        for wanted in language == "zh" ? ["时间说明", "UTC+08:00", "声明", "姓名", "日期", "签名"]
                                       : ["Howthetimeswererecorded", "UTC+08:00", "Declaration", "Name", "Date", "Signature"] {
            #expect(first.contains(wanted), "page 1 lacks \(wanted)")
        }
    }

    /// #28: each reader's cut of the two-bank story prints on one page and holds what they need.
    @Test(arguments: ["en", "zh"])
    func eachReadersReportPrintsOnOnePage(language: String) throws {
        try PrintTools.require()
        let id = try writeTwoBankIncident()
        let needs: [String: [String]] = [
            "police": ["iPhone15", "356938035643809", "13800138000", "王芳", "2026-12-0418:05:00", "2026-12-0418:36:00"],
            "bank": ["ICBC-20261204-0042", "CMB-7731", "95588", "95555", "2026-12-0418:36:00", "2026-12-0418:42:00", "王芳"],
            "insurer": ["人保财险", "PDAA2026-7", "356938035643809", "No.110-2026-12-04-0042", "2026-12-0418:36:00"],
        ]
        for reader in ["police", "bank", "insurer"] {
            let html = home.appendingPathComponent("\(reader)-\(language).html").path
            let exported = try runBinary(["export", "--for", reader, "--format", "html", "--lang", language, "-o", html], environment: environment)
            #expect(exported.status == 0, "\(exported.err)")
            let pages = try printAndCheck(html, name: "\(reader)-\(language).pdf", incident: id, language: language)
            #expect(pages.pages.count == 1, "the \(reader)'s report takes \(pages.pages.count) pages")
            let text = pages.text(ofPage: 1)
            // A reference number may wrap after a hyphen, and pdftotext reads a table's
            // cells line by line: each piece up to a hyphen is looked for.
            for fact in needs[reader] ?? [] {
                let pieces = fact.split(separator: "-").enumerated().map { i, p in i == 0 ? String(p) + "-" : String(p) }
                #expect(text.contains(fact) || (pieces.count > 1 && pieces.allSatisfy(text.contains)), "the \(reader)'s report lacks \(fact)")
            }
        }
        let json = try runBinary(["export", "--for", "bank", "--format", "json", "-o", "-"], environment: environment)
        #expect(json.status != 0 && json.err.contains("JSON always holds the whole incident"), "\(json.err)")
    }

    /// #28: the wallet card of the fullest profile, with long fields, in both languages.
    @Test(arguments: ["en", "zh"])
    func theWalletCardPrintsWithoutOverlap(language: String) throws {
        try PrintTools.require()
        let config = home.appendingPathComponent("config/lostphone")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let profile = WalletCardHome.fullestProfile
            .replacingOccurrences(of: "\"iPhone 15 Pro Max\"", with: "\"Samsung Galaxy Z Fold6 Thom Browne Edition 1TB SM-F9560ZKEXXX\"")
            .replacingOccurrences(of: "\"张三\"", with: "\"Maximiliana Konstantinopolskaya-Wolfeschlegelsteinhausen 欧阳娜娜\"")
            .replacingOccurrences(of: "\"PDAA202611010000123456\"", with: "\"PDAA20261100000000000000000000001234567890ABCDEFGHIJ\"")
        try profile.write(to: config.appendingPathComponent("profile.yaml"), atomically: false, encoding: .utf8)
        let html = home.appendingPathComponent("card-\(language).html").path
        let r = try runBinary(["card", "--format", "html", "--lang", language, "-o", html], environment: environment)
        #expect(r.status == 0, "\(r.err)")
        let pdf = try PrintTools.printToPDF(html, in: home, name: "card-\(language).pdf")
        let pages = try PrintedPages(pdf: pdf)
        let overlaps = pages.overlaps(), outside = pages.outside(inset: mm(5))
        #expect(overlaps.isEmpty, "the card: \(overlaps.count) overlapping words: \(overlaps.prefix(8))")
        #expect(outside.isEmpty, "the card: \(outside.count) words off the page: \(outside.prefix(8))")
        print("card-\(language): \(pages.pages.map(\.words.count).reduce(0, +)) words, \(overlaps.count) overlaps, \(outside.count) outside")
    }
}

/// Headless Chromium and poppler, found on PATH.
enum PrintTools {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let poppler = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")

    /// Present, or under CI (where the test then fails rather than skips).
    static var available: Bool {
        (chromium != nil && poppler) || ProcessInfo.processInfo.environment["CI"] != nil
    }

    static func require() throws {
        guard chromium != nil, poppler else {
            throw E2EError("chromium and poppler-utils are required under CI: apt-get install chromium poppler-utils")
        }
    }

    /// Prints `html` to `<folder>/<name>`; Chromium's profile and temporary files stay in `folder`.
    /// The command is the README's (`--no-pdf-header-footer`): the page's own CSS margin boxes
    /// must still print.
    static func printToPDF(_ html: String, in folder: URL, name: String = "report.pdf") throws -> String {
        let pdf = folder.appendingPathComponent(name).path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-crash-reporter", "--disable-breakpad",
                       "--user-data-dir=\(folder.appendingPathComponent("chromium").path)",
                       "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString]
        // Chromium puts a socket in its TMPDIR, whose path must fit in 108 bytes: a short folder
        // of its own under /tmp, removed when it is done.
        var template = Array("/tmp/lp-chromium-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw E2EError("cannot make a temporary folder for chromium") }
        let shortTemp = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: shortTemp) }
        p.environment = ["HOME": folder.path, "TMPDIR": shortTemp, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let log = folder.appendingPathComponent("chromium.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw E2EError("cannot write \(log.path)") }
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        p.standardOutput = logHandle
        p.standardError = logHandle
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf) else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw E2EError("chromium could not print \(html) (status \(p.terminationStatus), \(p.terminationReason == .uncaughtSignal ? "signal" : "exit")):\n\(said.suffix(2000))")
        }
        return pdf
    }
}

/// A printed PDF read back with `pdftotext -bbox`: every word's box on every page, to check that
/// no text overlaps other text and nothing passes the printable area.
struct PrintedPages {
    struct Word { var text: String; var x0, y0, x1, y1: Double }
    struct Page { var width, height: Double; var words: [Word] }
    var pages: [Page] = []

    init(pdf: String) throws {
        let xml = try TmuxSession.capture("/usr/bin/pdftotext", ["-bbox", pdf, "-"])
        func number(_ name: String, in line: Substring) -> Double? {
            guard let r = line.range(of: name + "=\"") else { return nil }
            let rest = line[r.upperBound...]
            return Double(rest.prefix { $0 != "\"" })
        }
        for line in xml.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("<page "), let w = number("width", in: line), let h = number("height", in: line) {
                pages.append(Page(width: w, height: h, words: []))
            } else if t.hasPrefix("<word "), let x0 = number("xMin", in: line), let y0 = number("yMin", in: line),
                      let x1 = number("xMax", in: line), let y1 = number("yMax", in: line), !pages.isEmpty {
                let text = t.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) } ?? ""
                // pdftotext's box spans the ascent and descent the PDF states for the font:
                // 2.62 em for Noto Sans CJK (1.98 above the baseline, 0.64 below), which the
                // reports print in (.ci/run installs it). Trimmed to the glyphs' em box (0.88
                // above, 0.12 below: 0.42 to 0.80 of the box), so that lines set 1.25 em apart
                // do not count as overlapping, while text run over other text still does.
                let h = y1 - y0
                pages[pages.count - 1].words.append(Word(text: text, x0: x0, y0: y0 + 0.42 * h, x1: x1, y1: y0 + 0.80 * h))
            }
        }
    }

    /// Pairs of words whose boxes overlap by more than `tolerance` points both ways, per page.
    func overlaps(tolerance: Double = 0.5) -> [String] {
        var found: [String] = []
        for (n, page) in pages.enumerated() {
            let words = page.words.sorted { $0.y0 < $1.y0 }
            for i in words.indices {
                var j = i + 1
                while j < words.count, words[j].y0 < words[i].y1 {
                    let a = words[i], b = words[j]
                    let w = min(a.x1, b.x1) - max(a.x0, b.x0), h = min(a.y1, b.y1) - max(a.y0, b.y0)
                    if w > tolerance && h > tolerance { found.append("page \(n + 1): “\(a.text)” over “\(b.text)”") }
                    j += 1
                }
            }
        }
        return found
    }

    /// Words outside the page less `inset` points on every side (the printable area).
    func outside(inset: Double) -> [String] {
        var found: [String] = []
        for (n, page) in pages.enumerated() {
            for w in page.words where w.x0 < inset || w.y0 < inset || w.x1 > page.width - inset || w.y1 > page.height - inset {
                found.append("page \(n + 1): “\(w.text)” at \(Int(w.x0)),\(Int(w.y0))–\(Int(w.x1)),\(Int(w.y1))")
            }
        }
        return found
    }

    /// Body words (those above the bottom margin) outside the left and right margins, `side`
    /// points each.
    func outsideContent(side: Double, bottom: Double) -> [String] {
        var found: [String] = []
        for (n, page) in pages.enumerated() {
            for w in page.words where w.y1 < page.height - bottom {
                if w.x0 < side - 1 || w.x1 > page.width - side + 1 {
                    found.append("page \(n + 1): “\(w.text)” at \(Int(w.x0)),\(Int(w.y0))–\(Int(w.x1)),\(Int(w.y1))")
                }
            }
        }
        return found
    }

    /// The text of page `n` (from 1), without white space.
    func text(ofPage n: Int) -> String { pages[n - 1].words.map(\.text).joined().filter { !$0.isWhitespace } }
}

/// Millimetres in PDF points.
func mm(_ v: Double) -> Double { v * 72 / 25.4 }
