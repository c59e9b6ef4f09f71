import Foundation
import Testing

/// `lostphone card` as a person runs it after `lostphone prepare`: the profile is written the
/// way prepare writes it, and the card is read back as text, or printed by headless Chromium.
enum WalletCardHome {
    /// A bank, a carrier and a brand, and the phone.
    static let profile = """
    version: 1
    choices:
      bank: [icbc]
      carrier: [china-mobile]
      brand: [apple]
    phone:
      imei: "490154203237518"
      number: "13800138000"

    """

    /// Every option of the built-in guide ticked, every field filled.
    static let fullestProfile = """
    version: 1
    updated: 2026-12-03T10:00:00+08:00
    choices:
      carrier: [china-mobile, china-unicom, china-telecom]
      bank: [icbc, boc, bocom, cmb, ccb, abc, other-bank]
      app: [wechat, alipay]
      platform: [jd-finance, other-platform]
      account: [apple-id, google-account, email]
      brand: [huawei, apple, xiaomi, oppo, vivo, honor, samsung, google, other-brand]
    phone:
      model: "iPhone 15 Pro Max"
      imei: "490154203237518"
      number: "13800138000"
      owner: "张三"
    insurance:
      insurer: "中国人民财产保险股份有限公司"
      policy: "PDAA202611010000123456"
    emergency-contact: "李四（妹妹）13900139000"

    """

    /// A new home in the temp folder, with `profile` as its profile file (none when nil); the
    /// test removes it.
    static func make(profile: String?) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-card-\(UUID().uuidString)")
        let config = home.appendingPathComponent("config/lostphone")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        if let profile {
            try profile.write(to: config.appendingPathComponent("profile.yaml"), atomically: false, encoding: .utf8)
        }
        return home
    }

}

@Suite(.offThePool) final class WalletCardEndToEndTests {
    private var homes: [URL] = []
    deinit { for h in homes { try? FileManager.default.removeItem(at: h) } }

    func home(profile: String?) throws -> URL {
        let h = try WalletCardHome.make(profile: profile)
        homes.append(h)
        return h
    }

    @Test func theTextCardHoldsThePreparedHotlinesAndTheIMEIAndNoOtherBank() throws {
        let h = try home(profile: WalletCardHome.profile)
        let r = try runBinary(["card", "--format", "txt", "--lang", "en", "-o", "-"], environment: homeEnvironment(h))
        #expect(r.status == 0, "\(r.err)")
        for wanted in ["95588", "10086", "490154203237518", "13800138000", "icloud.com/find", "ICBC", "China Mobile"] {
            #expect(r.out.contains(wanted), "the card lacks \(wanted):\n\(r.out)")
        }
        for other in ["95566", "95555", "95533", "10010", "android.com/find"] {
            #expect(!r.out.contains(other), "the card holds \(other), which is not in the profile:\n\(r.out)")
        }
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 40 && lines.allSatisfy { $0.count <= 80 })
    }

    @Test func theChineseTextCardOfTheFullestProfileFits80By40() throws {
        let h = try home(profile: WalletCardHome.fullestProfile)
        let r = try runBinary(["card", "--lang", "zh"], environment: homeEnvironment(h))
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 40, "\(lines.count) lines:\n\(r.out)")
        let widest = lines.map(Self.columns).max() ?? 0
        #expect(widest <= 80, "a line is \(widest) columns wide:\n\(r.out)")
        #expect(r.out.contains("中国工商银行") && r.out.contains("0755-83765566?，按 9?"))
    }

    /// Columns a line takes on a terminal or a fixed-width printout: two for a character of the
    /// East Asian wide blocks (CJK, fullwidth punctuation), one for any other.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { n, s in
            switch s.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6: n + 2
            default: n + 1
            }
        }
    }

    @Test func withoutAProfileTheCardSaysToPrepareFirstAndExits1() throws {
        let h = try home(profile: nil)
        let r = try runBinary(["card", "--lang", "en"], environment: homeEnvironment(h))
        #expect(r.status == 1)
        #expect(r.err.contains("No profile yet: run lostphone prepare"), "\(r.err)")
        #expect(r.out.isEmpty)
    }

    @Test func aDamagedProfileIsNamedWithItsLineAndExits1() throws {
        let h = try home(profile: "version: 1\nchoices:\n  bank: [icbc]\nphone:\n  imei: \"490154203237519\"\n")
        let r = try runBinary(["card", "--lang", "en"], environment: homeEnvironment(h))
        #expect(r.status == 1)
        #expect(r.err.contains("lostphone/profile.yaml:5:"), "the IMEI's line is named:\n\(r.err)")
        #expect(r.err.contains("check digit") && r.err.contains("run lostphone prepare"), "\(r.err)")
        #expect(r.out.isEmpty, "no card from a damaged profile")
    }

    @Test func aWrittenCardIsPrivateAndNeverReplacedWithoutForce() throws {
        let h = try home(profile: WalletCardHome.profile)
        let env = homeEnvironment(h)
        let path = h.appendingPathComponent("card.txt").path
        let first = try runBinary(["card", "--lang", "en", "-o", path], environment: env)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.contains("Card written to \(path)"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the card holds the IMEI: readable only by its owner, not \(String(mode ?? 0, radix: 8))")
        try "kept".write(toFile: path, atomically: false, encoding: .utf8)
        let again = try runBinary(["card", "--lang", "en", "-o", path], environment: env)
        #expect(again.status == 1)
        #expect(again.err.contains("already exists; pass --force"), "\(again.err)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept")
        let forced = try runBinary(["card", "--lang", "en", "-o", path, "--force"], environment: env)
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("95588"))
    }
}

/// `card --format html` printed: headless Chromium makes it one A5 page, poppler reads the
/// numbers back, and zbarimg scans the codes off the printed page.
@Suite(.offThePool(.printing), .enabled(if: PrintTools.available, "chromium or pdftotext is missing: apt-get install chromium poppler-utils"))
final class PrintableWalletCardTests {
    private var homes: [URL] = []
    deinit { for h in homes { try? FileManager.default.removeItem(at: h) } }

    /// Writes the card of `profile` as HTML in a new home and prints it; the PDF's path.
    func printedCard(profile: String, language: String) throws -> (pdf: String, err: String) {
        try PrintTools.require()
        let h = try WalletCardHome.make(profile: profile)
        homes.append(h)
        let html = h.appendingPathComponent("card.html").path
        let r = try runBinary(["card", "--format", "html", "--lang", language, "-o", html], environment: homeEnvironment(h))
        #expect(r.status == 0, "\(r.err)")
        return (try PrintTools.printToPDF(html, in: h), r.err)
    }

    @Test(arguments: ["en", "zh"])
    func theFullestProfilesCardPrintsOnOneA5PageWithEveryNumber(language: String) throws {
        let (pdf, _) = try printedCard(profile: WalletCardHome.fullestProfile, language: language)
        let info = try TmuxSession.capture("/usr/bin/pdfinfo", [pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
        #expect(pages == 1, "the card takes \(pages) pages")
        #expect(info.contains("(A5)"), "the page is A5:\n\(info)")
        let text = try TmuxSession.capture("/usr/bin/pdftotext", ["-raw", pdf, "-"]).filter { !$0.isWhitespace }
        for number in ["110", "10086", "10010", "10000", "95588", "95566", "40066-95566", "95559", "95555", "400-820-5555",
                       "95533", "95599", "95017", "0755-83765566", "95188", "95118", "490154203237518", "icloud.com/find"] {
            #expect(text.contains(number), "the printed card lacks \(number)")
        }
        #expect(text.contains(language == "zh" ? "中国工商银行" : "ICBC"))
    }

    @Test(.enabled(if: QRScan.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm"),
                   "libqrencode4, zbar-tools or pdftoppm is missing: apt-get install libqrencode4 zbar-tools poppler-utils"))
    func theCodesOnThePrintedCardScanAsTheHotlines() throws {
        let (pdf, err) = try printedCard(profile: WalletCardHome.profile, language: "en")
        #expect(!err.contains("no QR codes"), "\(err)")
        // The page as a 300 dpi scan of the printed sheet.
        let image = URL(fileURLWithPath: pdf).deletingLastPathComponent().appendingPathComponent("scan").path
        _ = try TmuxSession.capture("/usr/bin/pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", pdf, image])
        let codes = try TmuxSession.capture("/usr/bin/zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image + ".png"])
            .split(separator: "\n").map(String.init)
        #expect(Set(codes) == ["tel:95588", "tel:10086"], "zbarimg read \(codes)")
    }
}
