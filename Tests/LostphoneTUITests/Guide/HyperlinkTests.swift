import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

private let esc = "\u{1B}"

/// The URL a web contact links to, and the OSC 8 sequence around it: only http(s), never a
/// byte that could end the sequence early.
@Suite struct HyperlinkURLTests {
    @Test func anAddressWithoutSchemeGetsHTTPS() {
        #expect(Hyperlink.url(forWebAddress: "weixin110.qq.com") == "https://weixin110.qq.com")
        #expect(Hyperlink.url(forWebAddress: "110.alipay.com/safety/emergency/index.htm")
                == "https://110.alipay.com/safety/emergency/index.htm")
    }

    @Test func anAddressWithItsSchemeKeepsIt() {
        #expect(Hyperlink.url(forWebAddress: "https://www.icloud.com") == "https://www.icloud.com")
        #expect(Hyperlink.url(forWebAddress: "HTTP://example.cn/x") == "HTTP://example.cn/x")
    }

    @Test(arguments: ["file:///etc/passwd", "javascript:alert(1)", "ssh://host"])
    func onlyWebLinksAreMade(address: String) throws {
        let url = try #require(Hyperlink.url(forWebAddress: address))
        #expect(url.hasPrefix("https://"), "\(address) became \(url)")
    }

    @Test(arguments: ["\u{1B}", "\u{07}", "\u{9C}", "\u{7F}", "\n", "\u{1B}\\", "\u{00}"])
    func anAddressWithAControlCharacterIsNeverLinked(control: String) {
        #expect(Hyperlink.url(forWebAddress: "a.cn/" + control + "]8;;https://evil.example") == nil)
        #expect(Hyperlink.open("https://a.cn/" + control + "x") == nil)
    }

    @Test func otherBytesArePercentEncoded() throws {
        let url = try #require(Hyperlink.url(forWebAddress: "例子.cn/a b"))
        #expect(url == "https://%E4%BE%8B%E5%AD%90.cn/a%20b")
        #expect(url.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F })
    }

    @Test func aTooLongAddressStaysPlainText() {
        #expect(Hyperlink.url(forWebAddress: "a.cn/" + String(repeating: "x", count: 3000)) == nil)
    }

    @Test func openAndCloseAreOSC8() {
        #expect(Hyperlink.open("https://a.cn") == "\(esc)]8;;https://a.cn\(esc)\\")
        #expect(Hyperlink.close == "\(esc)]8;;\(esc)\\")
        #expect(Hyperlink.open("") == nil)
    }
}

/// Whether links are written: on, except for terminals that may print them as text.
@Suite struct HyperlinkSupportTests {
    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "xterm-kitty", "vte-256color", "xterm-direct"])
    func onForTheCommonTerminals(term: String) {
        #expect(Hyperlink.enabled(environment: ["TERM": term]))
    }

    @Test(arguments: ["linux", "linux-16color", "vt100", "vt220", "VT102", "ansi", "dumb", "eterm-color"])
    func offWhereTheSequenceCouldShowAsText(term: String) {
        #expect(!Hyperlink.enabled(environment: ["TERM": term]))
    }

    @Test func theVariableDecidesWhateverTheTerminal() {
        #expect(!Hyperlink.enabled(environment: ["TERM": "xterm-256color", "LOSTPHONE_HYPERLINKS": "0"]))
        #expect(Hyperlink.enabled(environment: ["TERM": "linux", "LOSTPHONE_HYPERLINKS": "1"]))
        #expect(Hyperlink.enabled(environment: ["TERM": "xterm", "LOSTPHONE_HYPERLINKS": "yes please"]), "other values: automatic")
        #expect(!Hyperlink.enabled(environment: [:]), "no TERM, no links")
    }
}

/// The app puts its web contacts on the canvas as links, and the backend writes them.
@Suite struct HyperlinkAppTests {
    @Test func aWebContactOnScreenIsWrittenAsALink() {
        let d = TestApp(width: 80, height: 24, hyperlinks: true)
        #expect(!d.terminal.raw.joined().contains("]8;;"), "the SIM step shows no web address")
        d.press(.char("j"), .char("j"))   // WeChat
        #expect(d.screen.contains("weixin110.qq.com"))
        let written = d.terminal.raw.joined()
        #expect(written.contains("\(esc)]8;;https://weixin110.qq.com\(esc)\\"))
        #expect(written.contains("weixin110.qq.com\(esc)]8;;\(esc)\\"), "the link covers the address as shown")
    }

    @Test func keysThatLeaveTheLinkAloneWriteItOnce() {
        let d = TestApp(width: 80, height: 24, hyperlinks: true)
        d.press(.char("j"), .char("j"))
        let count = d.terminal.raw.count
        d.wait()
        d.wait()
        #expect(d.terminal.raw.count == count, "nothing new on the link's row, nothing written")
    }

    @Test func aRedrawWritesTheLinkAgain() {
        let d = TestApp(width: 80, height: 24, hyperlinks: true)
        d.press(.char("j"), .char("j"))
        let count = d.terminal.raw.count
        d.press(.ctrl("l"))
        #expect(d.terminal.raw.count == count + 1)
        #expect(d.terminal.raw.last?.contains("]8;;https://weixin110.qq.com") == true)
    }
}
