import Foundation
import Testing

/// `export --format html` prints: headless Chromium turns the file into an A4 PDF, and the text
/// of every step is in it. Needs Debian's `chromium` and `poppler-utils` (.ci/run installs
/// them); outside CI their absence skips the suite, under CI=true it fails.
@Suite(.enabled(if: PrintTools.available, "chromium or pdftotext is missing: apt-get install chromium poppler-utils"))
final class PrintableReportTests {
    private let home: URL
    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: home) }

    var environment: [String: String] { homeEnvironment(home) }

    /// An incident with a done step, a blocked one and a note.
    func writeIncident() throws {
        let dir = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lines = [
            #"{"at":"2026-11-24T21:00:00.000+08:00","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#,
            #"{"at":"2026-11-24T21:04:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":2,"step":"sim","to":"done"}"#,
            #"{"at":"2026-11-24T21:04:10.000+08:00","kind":"note","note":"case A-123 <b>agent</b> Wang","provider":"china-mobile","seq":3,"step":"sim"}"#,
            #"{"at":"2026-11-24T21:06:00.000+08:00","from":"pending","kind":"move","provider":"icbc","seq":4,"step":"bank","to":"blocked"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("20261124-210000.jsonl"), atomically: false, encoding: .utf8)
    }

    @Test(arguments: ["en", "zh"])
    func theHTMLReportPrintsOnA4WithTheTextOfEveryStep(language: String) throws {
        try PrintTools.require()
        try writeIncident()
        let html = home.appendingPathComponent("report.html").path
        let exported = try runBinary(["export", "--format", "html", "--lang", language, "-o", html], environment: environment)
        #expect(exported.status == 0, "\(exported.err)")
        let json = try runBinary(["export", "--format", "json", "--lang", language, "-o", "-"], environment: environment)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let titles = (object?["steps"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles.count > 20, "the JSON report lists the steps")

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

    /// Prints `html` to `<folder>/report.pdf`; Chromium's profile and temporary files stay in `folder`.
    static func printToPDF(_ html: String, in folder: URL) throws -> String {
        let pdf = folder.appendingPathComponent("report.pdf").path
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
