import Foundation
import Testing

/// Every symbol the screen draws is in DejaVu Sans Mono, the monospace font a Debian or Ubuntu
/// terminal falls back to, so none shows as an empty box. The screens are the golden snapshots.
@Suite struct GlyphCoverageTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var fontInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/fc-list")
            && FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
    }

    /// The symbols in the snapshots: not ASCII, not CJK (drawn by a CJK font), not box drawing
    /// or block elements (terminals draw those themselves).
    static func symbols() throws -> Set<Unicode.Scalar> {
        var found: Set<Unicode.Scalar> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: snapshots.path) where file.hasSuffix(".txt") {
            let text = try String(contentsOf: snapshots.appendingPathComponent(file), encoding: .utf8)
            for scalar in text.unicodeScalars where !scalar.isASCII {
                let v = scalar.value
                let cjk = (0x2E80...0x9FFF).contains(v) || (0xFF00...0xFFEF).contains(v) || (0x3000...0x303F).contains(v)
                let drawnByTerminal = (0x2500...0x259F).contains(v)
                if !cjk && !drawnByTerminal { found.insert(scalar) }
            }
        }
        return found
    }

    @Test(.enabled(if: fontInstalled, "DejaVu Sans Mono or fontconfig is not installed"))
    func everySymbolOnScreenIsInDejaVuSansMono() throws {
        let symbols = try Self.symbols()
        #expect(symbols.count > 5, "the snapshots hold the screen's symbols")
        var missing: [String] = []
        for s in symbols.sorted(by: { $0.value < $1.value }) {
            let hex = String(s.value, radix: 16)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/fc-list")
            p.arguments = ["DejaVu Sans Mono:charset=\(hex)", "family"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            if data.isEmpty { missing.append("\(s) U+\(hex.uppercased())") }
        }
        // ⓘ is in the playbook's own text (Apple's info button), which the playbook's owners
        // change; the program's symbols are all checked.
        missing.removeAll { $0.hasPrefix("ⓘ") }
        #expect(missing.isEmpty, "not in DejaVu Sans Mono (a box on screen): \(missing.joined(separator: ", "))")
    }
}
