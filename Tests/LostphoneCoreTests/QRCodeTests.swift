import Foundation
import Testing
@testable import LostphoneCore

/// libqrencode (loaded at run time) and zbarimg, or CI, where their absence is a failure.
enum QRTools {
    static let zbarimg = FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg")
    static var available: Bool {
        (QREncoder.isAvailable && zbarimg) || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// What zbarimg reads in a PBM image, without its `QR-Code:` prefix.
    static func decode(pbm: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let image = dir.appendingPathComponent("code.pbm")
        try pbm.write(to: image, atomically: false, encoding: .ascii)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        p.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}

@Suite(.enabled(if: QRTools.available, "libqrencode4 or zbar-tools is missing: apt-get install libqrencode4 zbar-tools"))
struct QRCodeTests {
    @Test(arguments: ["tel:10086", "https://weixin110.qq.com", "我 → 设置 → 账号与安全"])
    func anEncodedCodeDecodesToTheSameText(text: String) throws {
        #expect(QREncoder.isAvailable, "\(QREncoder.libraryName) could not be loaded: \(QREncoder.installHint)")
        let code = try QREncoder.encode(text).get()
        #expect(code.size >= 21 && (code.size - 17) % 4 == 0, "a QR code is 21, 25, 29, … modules wide, not \(code.size)")
        #expect(try QRTools.decode(pbm: code.pbm()) == text)
    }
}

@Suite struct QRCodeModelTests {
    @Test func outsideTheCodeIsLightAndThePBMHasTheQuietZone() {
        let code = QRCode(size: 2, modules: [true, false, false, true])
        #expect(code.isDark(x: 0, y: 0) && !code.isDark(x: 1, y: 0) && code.isDark(x: 1, y: 1))
        #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: 2, y: 2))
        #expect(code.pbm(quietZone: 1, scale: 1) == "P1\n4 4\n0 0 0 0\n0 1 0 0\n0 0 1 0\n0 0 0 0\n")
    }
}
