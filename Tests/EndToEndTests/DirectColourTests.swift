import Foundation
import Testing

/// A direct-colour terminal (`TERM=xterm-direct`) reads colour numbers 0–7 as the ANSI colours
/// and any other as a 24-bit RGB value: the theme's palette colours from 8 up must reach it as
/// their RGB values, or bright cyan (14) arrives as rgb(0, 0, 14), nearly black.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct DirectColourTests {
    static var hasXtermDirect: Bool {
        ["/usr/share/terminfo/x/xterm-direct", "/lib/terminfo/x/xterm-direct"].contains { FileManager.default.fileExists(atPath: $0) }
            || ProcessInfo.processInfo.environment["CI"] != nil
    }

    @Test(.enabled(if: DirectColourTests.hasXtermDirect)) func paletteColoursArriveAsTheirRGBValues() throws {
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], environment: ["TERM": "xterm-direct"],
                                shellWrapper: "sleep 0.3; {bin}; echo EXITED:$?; sleep 600")
        let file = try t.recordBytes()
        try t.expectScreen(contains: "10086")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        let bytes = t.recordedBytes(file)
        // Every direct-colour SGR (`38:2::R:G:B`, `48:2::R:G:B`) the program sent.
        let regex = try NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*[34]8:2::([0-9]+):([0-9]+):([0-9]+)m")
        let values = regex.matches(in: bytes, range: NSRange(bytes.startIndex..., in: bytes)).map { m in
            (1...3).map { Int((bytes as NSString).substring(with: m.range(at: $0)))! }
        }
        #expect(!values.isEmpty, "no direct-colour sequence: is TERM=xterm-direct in use? \(bytes.prefix(300).debugDescription)")
        // A palette number read as RGB is 0:0:N with N from 8 to 255.
        let misread = values.filter { $0[0] == 0 && $0[1] == 0 && (8...255).contains($0[2]) }
        #expect(misread.isEmpty, "palette numbers sent as RGB: \(misread)")
        // The default theme's bright cyan, as its RGB value.
        #expect(values.contains([0, 255, 255]), "\(Set(values.map { $0.map(String.init).joined(separator: ":") }))")
    }
}
