import Foundation
import Testing

/// What a command-line program is expected to offer: JSON status, documented exit statuses,
/// shell completions that know files, directories and themes, and a manual page.
@Suite(.offThePool) final class ConventionsTests {
    private let homes = TemporaryHomes()

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func home() throws -> URL { try homes.make("conv") }

    func writeIncident(in home: URL) throws {
        let dir = home.appendingPathComponent("state/lostphone")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lines = [
            #"{"at":"2026-11-24T21:00:00.000+08:00","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}"#,
            #"{"at":"2026-11-24T21:04:00.000+08:00","from":"pending","kind":"move","provider":"china-mobile","seq":2,"step":"sim","to":"done"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("20261124-210000.jsonl"), atomically: false, encoding: .utf8)
    }

    @Test func statusJSONIsTheReportsJSON() throws {
        let h = try home()
        try writeIncident(in: h)
        let status = try runBinary(["status", "--json", "--lang", "en"], environment: homeEnvironment(h))
        let export = try runBinary(["export", "--format", "json", "--lang", "en", "-o", "-"], environment: homeEnvironment(h))
        #expect(status.status == 0, "\(status.err)")
        func withoutGeneratedAt(_ text: String) throws -> NSDictionary {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            object["generatedAt"] = nil
            return object as NSDictionary
        }
        #expect(try withoutGeneratedAt(status.out) == withoutGeneratedAt(export.out))
        #expect(status.out.contains("\"state\" : \"done\""))
    }

    @Test func exitStatusesAreTheDocumentedOnes() throws {
        let h = try home()
        let env = homeEnvironment(h)
        #expect(try runBinary(["--no-such-option"], environment: env).status == 64, "a usage error")
        #expect(try runBinary(["export", "--format", "pdf"], environment: env).status == 64, "a bad value")
        #expect(try runBinary(["status"], environment: env).status == 1, "no incident yet")
        #expect(try runBinary([], environment: env.merging(["TERM": "xterm"]) { $1 }).status == 2, "no terminal")
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for row in ["| 0 |", "| 1 |", "| 2 |", "| 64 |", "| 128+N |"] {
            #expect(readme.contains(row), "README's exit status table lacks \(row)")
        }
    }

    /// Runs bash's completion for `words` (the last one being completed) with the generated script.
    func complete(_ words: [String], in folder: URL) throws -> [String] {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = """
        cd '\(folder.path)'
        source <('\(TmuxSession.binary)' --generate-completion-script bash)
        COMP_WORDS=(\(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
        _lostphone lostphone "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.environment = homeEnvironment(folder).merging(["PATH": URL(fileURLWithPath: TmuxSession.binary).deletingLastPathComponent().path + ":/usr/bin:/bin"]) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
    }

    @Test func bashCompletesThemesDirectoriesAndYAMLFiles() throws {
        let h = try home()
        try FileManager.default.createDirectory(at: h.appendingPathComponent("incidents"), withIntermediateDirectories: true)
        try "".write(to: h.appendingPathComponent("mine.yaml"), atomically: false, encoding: .utf8)
        try "".write(to: h.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        #expect(try complete(["lostphone", "open", "--theme", ""], in: h)
                == ["default", "gruvbox-dark", "high-contrast", "light", "monochrome", "solarized-dark"])
        let dirs = try complete(["lostphone", "status", "--state-dir", ""], in: h)
        #expect(dirs.contains("incidents") && !dirs.contains("mine.yaml") && !dirs.contains("notes.txt"), "\(dirs)")
        let yaml = try complete(["lostphone", "check", ""], in: h)
        #expect(yaml.contains("mine.yaml") && !yaml.contains("notes.txt"), "\(yaml)")
        let playbook = try complete(["lostphone", "status", "--playbook", ""], in: h)
        #expect(playbook.contains("mine.yaml") && !playbook.contains("notes.txt"), "\(playbook)")
        let output = try complete(["lostphone", "export", "-o", ""], in: h)
        #expect(output.contains("notes.txt") && output.contains("mine.yaml"), "\(output)")
    }

    @Test func theManualPagesSectionsNameEveryVariableTheProgramReads() throws {
        let sections = try String(contentsOf: root.appendingPathComponent("docs/lostphone.1.sections"), encoding: .utf8)
        var read: Set<String> = ["XDG_STATE_HOME", "XDG_CONFIG_HOME"]
        let sources = FileManager.default.enumerator(atPath: root.appendingPathComponent("Sources").path)!
        let pattern = try Regex(#"env(?:ironment)?\["([A-Z_]+)"\]"#)
        for case let file as String in sources where file.hasSuffix(".swift") && !file.hasPrefix("lostphone-") {
            let text = try String(contentsOf: root.appendingPathComponent("Sources/\(file)"), encoding: .utf8)
            for match in text.matches(of: pattern) { read.insert(String(match.output[1].substring ?? "")) }
        }
        read.remove("LOSTPHONE_TEST_CRASH")  // for the crash test only
        for name in read.sorted() {
            #expect(sections.contains("Ev \(name)"), "ENVIRONMENT in docs/lostphone.1.sections lacks \(name)")
        }
        for section in [".Sh ENVIRONMENT", ".Sh FILES", ".Sh EXIT STATUS"] { #expect(sections.contains(section)) }
    }
}
