import Foundation
import Testing

/// `y` and `Q` as a person at a real terminal sees them: tmux takes the OSC 52 copy into its
/// paste buffer, and the QR code read back from the screen scans as the contact.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct CopyAndQRCodeEndToEndTests {
    @Test func ySendsTheSelectedNumberToTmuxsBufferAndSaysSent() throws {
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"])
        try t.tmuxCommand("set-option", "-g", "set-clipboard", "on")
        try t.expectScreen(contains: "10086")   // started: keys sent before are lost
        try t.press("Escape", "y")
        try t.expectScreen(contains: "Sent 10086 to the terminal's clipboard")
        var buffer = ""
        for _ in 0..<100 where buffer != "10086" {
            buffer = (try? t.tmuxCommand("show-buffer")) ?? ""
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(buffer == "10086", "tmux's buffer holds \(buffer.debugDescription)")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }

    /// A terminal that drops OSC 52 (tmux with set-clipboard off, as stock xterm does) and no
    /// display for a clipboard program: nothing may claim the number was copied.
    @Test(arguments: [("en", "Copied", "Sent 10086 to the terminal's clipboard"), ("zh", "已复制", "已将 10086 发送到终端的剪贴板")])
    func yWithoutOSC52NeverSaysCopied(language: String, copied: String, sent: String) throws {
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", language], environment: ["DISPLAY": "", "WAYLAND_DISPLAY": ""])
        try t.tmuxCommand("set-option", "-g", "set-clipboard", "off")
        try t.expectScreen(contains: "10086")   // started: keys sent before are lost
        try t.press("Escape", "y")
        try t.expectScreen(contains: sent)
        // Proving that nothing comes takes a wait: one whole wake-up of the loop (every second),
        // in which a late answer would be shown, and half a second more for a loaded machine.
        Thread.sleep(forTimeInterval: 1.5)
        let screen = try t.screen()
        #expect(!screen.contains(copied), "nothing confirms the copy, yet the screen says so:\n\(screen)")
        #expect(screen.contains(sent) && screen.contains("Q"), "\(screen)")
        #expect((try? t.tmuxCommand("show-buffer")) ?? "" != "10086", "set-clipboard off: tmux took nothing")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }

    /// A local X session with a clipboard program on PATH (here a stand-in xclip that keeps
    /// what it reads): its exit 0 is what lets the screen say "Copied".
    @Test func aLocalClipboardProgramThatSucceedsMakesItCopied() throws {
        let home = try TmuxSession.makeTemporaryHome()
        defer { TmuxSession.removeHome(home) }
        let bin = home.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let xclip = bin.appendingPathComponent("xclip")
        try "#!/bin/sh\necho \"$@\" > \"$HOME/xclip-args\"\ncat > \"$HOME/xclip-input\"\n".write(to: xclip, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: xclip.path)
        let t = try TmuxSession(width: 120, height: 30, arguments: ["--lang", "en"],
                                environment: ["DISPLAY": ":99", "PATH": "\(bin.path):/usr/bin:/bin"], home: home)
        try t.tmuxCommand("set-option", "-g", "set-clipboard", "off")
        try t.expectScreen(contains: "10086")   // started: keys sent before are lost
        try t.press("Escape", "y")
        try t.expectScreen(contains: "Copied: 10086")
        #expect(try String(contentsOf: home.appendingPathComponent("xclip-input"), encoding: .utf8) == "10086")
        #expect(try String(contentsOf: home.appendingPathComponent("xclip-args"), encoding: .utf8) == "-selection clipboard -in\n")
        // The program it ran was reaped: no zombie child.
        let pid = try #require(try t.programPID())
        #expect(Self.zombieChildren(of: pid).isEmpty, "children left unreaped: \(Self.zombieChildren(of: pid))")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }

    /// The pids of `parent`'s children that ended and were never waited for (state Z in
    /// /proc/PID/stat: `pid (comm) state ppid …`).
    static func zombieChildren(of parent: Int32) -> [String] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { Int32($0) != nil } ?? []
        return pids.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && fields[0] == "Z" && Int32(fields[1]) == parent
        }
    }

    @Test(.enabled(if: QRScan.available, "libqrencode4 or zbar-tools is missing: apt-get install libqrencode4 zbar-tools"))
    func qDrawsACodeOnTheScreenThatScansAsTheNumber() throws {
        let t = try TmuxSession(width: 100, height: 40, arguments: ["--lang", "en"])
        try t.press("Escape", "Q")
        let screen = try t.expectScreen(contains: "tel:10086", "scan with a phone")
        let modules = try #require(QRScan.modules(fromScreen: screen), "no QR code on the screen:\n\(screen)")
        #expect(try QRScan.decode(modules) == "tel:10086")
        try t.press("Escape")
        try t.expectScreen(lacks: "scan with a phone")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
    }
}

/// Reads a half-block QR code off a captured screen and scans it with zbarimg.
enum QRScan {
    static var available: Bool {
        let lib = ["/usr/lib/x86_64-linux-gnu/libqrencode.so.4", "/usr/lib/aarch64-linux-gnu/libqrencode.so.4"]
            .contains { FileManager.default.fileExists(atPath: $0) }
        return (lib && FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg")) || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The rows made only of ▀ ▄ █ and spaces inside the box, as modules (true is dark: the
    /// blocks are the dark modules), from the first to the last dark column; nil when there is none.
    static func modules(fromScreen screen: String) -> [[Bool]]? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let blocks: Set<Character> = ["▀", "▄", "█"]
        // Inside the box: between the first │ and the next │ of each line.
        let inner: [[Character]] = lines.compactMap { line in
            guard let a = line.firstIndex(of: "│"), let b = line[(a + 1)...].firstIndex(of: "│") else { return nil }
            let cells = Array(line[(a + 1)..<b])
            return cells.contains(where: blocks.contains) && cells.allSatisfy({ blocks.contains($0) || $0 == " " }) ? cells : nil
        }
        guard !inner.isEmpty else { return nil }
        let columns = inner.flatMap { row in row.indices.filter { row[$0] != " " } }
        guard let left = columns.min(), let right = columns.max() else { return nil }
        var rows: [[Bool]] = []
        for line in inner {
            var top: [Bool] = [], bottom: [Bool] = []
            for c in line[left...right] {
                top.append(c == "█" || c == "▀")
                bottom.append(c == "█" || c == "▄")
            }
            rows += [top, bottom]
        }
        // The quiet zone is blank like the terminal around it; the decoder adds its own margin.
        return rows
    }

    static func decode(_ modules: [[Bool]]) throws -> String {
        let margin = 4, scale = 4
        let width = (modules[0].count + 2 * margin) * scale, height = (modules.count + 2 * margin) * scale
        var pbm = "P1\n\(width) \(height)\n"
        for py in 0..<height {
            let y = py / scale - margin
            pbm += (0..<width).map { px in
                let x = px / scale - margin
                return y >= 0 && y < modules.count && x >= 0 && x < modules[y].count && modules[y][x] ? "1" : "0"
            }.joined(separator: " ") + "\n"
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let image = dir.appendingPathComponent("screen.pbm")
        try pbm.write(to: image, atomically: false, encoding: .ascii)
        return try TmuxSession.capture("/usr/bin/zbarimg", ["--quiet", "--raw", image.path]).trimmingCharacters(in: .newlines)
    }
}
