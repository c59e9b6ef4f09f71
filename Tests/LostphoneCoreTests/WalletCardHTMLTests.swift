import Foundation
import Testing
@testable import LostphoneCore

/// The HTML card: A5, the numbers with their codes as SVG, and a page without codes when the
/// library is missing.
@Suite struct WalletCardHTMLTests {
    let playbook = PlaybookLoader.builtin()

    /// A fixed pattern of modules, so these tests need no library.
    static func sampleCode(_ size: Int = 21) -> QRCode {
        QRCode(size: size, modules: (0..<(size * size)).map { ($0 * 7 + $0 / size * 3) % 5 < 2 })
    }

    func card(_ language: Language = .en) -> WalletCard {
        WalletCard(profile: Profile(choices: ["bank": ["icbc"], "carrier": ["china-mobile"], "app": ["wechat"], "brand": ["apple"]],
                                    device: DeviceDetails(imei: "490154203237518", owner: "<b>Ada</b>")),
                   playbook: playbook, language: language)
    }

    @Test(arguments: [Language.zh, .en])
    func thePageIsA5WithEveryNumberAndItsCode(language: Language) {
        let page = card(language).html { _ in .success(Self.sampleCode()) }
        #expect(page.qrCodesMissing == nil)
        #expect(page.html.contains("@page { size: A5;"))
        #expect(page.html.contains("\"Noto Sans CJK SC\""))
        #expect(page.html.contains("lang=\"\(language == .zh ? "zh-CN" : "en")\""))
        for number in ["110", "10086", "95588", "95017", "0755-83765566"] {
            #expect(page.html.contains(">\(number)</span>"), "the page lacks \(number)")
        }
        #expect(page.html.components(separatedBy: "<svg ").count - 1 == 4, "one code per number of the person's own")
        #expect(page.html.contains("<p class=\"everyone\">"), "the police on a line of their own above them")
        #expect(page.html.contains("<a href=\"tel:95588\">"))
        #expect(page.html.contains("icloud.com/find"))
        #expect(page.html.contains("490154203237518"))
        #expect(!page.html.contains("<script"))
    }

    @Test func withoutTheLibraryThePageHasNoCodesAndSaysWhy() {
        let why = QRCodeUnavailable(.notInstalled(library: "libqrencode.so.4", install: "apt-get install libqrencode4"))
        let page = card().html { _ in .failure(why) }
        #expect(page.qrCodesMissing == why)
        #expect(!page.html.contains("<svg"))
        #expect(page.html.contains(">95588</span>"), "the numbers are still there")
    }

    @Test func theOwnersNameIsTextNotMarkup() {
        let html = card().html { _ in .success(Self.sampleCode()) }.html
        #expect(html.contains("&lt;b&gt;Ada&lt;/b&gt;") && !html.contains("<b>Ada"))
    }

    @Test func manyHotlinesGetThreeColumnsOfSmallerCodes() {
        #expect(WalletCard.htmlLayout(hotlines: 4) == (2, 16))
        #expect(WalletCard.htmlLayout(hotlines: 15) == (3, 12))
    }

    /// The SVG path's squares, read back, are exactly the code's dark modules.
    @Test(arguments: [21, 25, 29])
    func theSVGPathDrawsExactlyTheDarkModules(size: Int) throws {
        let code = Self.sampleCode(size)
        let drawn = try Self.modules(fromPath: WalletCard.svgPath(code, offset: 4), size: size, offset: 4)
        #expect(drawn == code, "the path differs from the code")
    }

    @Test(.enabled(if: QRTools.available, "libqrencode4 or zbar-tools is missing: apt-get install libqrencode4 zbar-tools"))
    func theSVGOfARealCodeScansAsTheNumber() throws {
        let code = try QREncoder.encode("tel:95588").get()
        let page = card().html { _ in .success(code) }
        let path = try #require(page.html.firstMatch(of: /<path d="([^"]+)"/)?.1)
        let drawn = try Self.modules(fromPath: String(path), size: code.size, offset: 4)
        #expect(try QRTools.decode(pbm: drawn.pbm()) == "tel:95588")
    }

    /// Reads `Mx yhNv1h-Nz` squares back into modules.
    static func modules(fromPath d: String, size: Int, offset: Int) throws -> QRCode {
        var dark = Array(repeating: false, count: size * size)
        for m in d.matches(of: /M(\d+) (\d+)h(\d+)v1h-(\d+)z/) {
            let x = Int(m.1)! - offset, y = Int(m.2)! - offset, run = Int(m.3)!
            #expect(run == Int(m.4)!, "a square closes where it started")
            guard y >= 0, y < size, x >= 0, x + run <= size else { throw QRPathError(what: "a square outside the code: \(m.0)") }
            for i in x..<(x + run) { dark[y * size + i] = true }
        }
        return QRCode(size: size, modules: dark)
    }

    struct QRPathError: Error { var what: String }
}
