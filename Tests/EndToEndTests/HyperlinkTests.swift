import Foundation
import Testing

/// Web contacts as the terminal receives them: the bytes of the pane (tmux `pipe-pane`) hold an
/// OSC 8 hyperlink around the address, and the text on screen is the same as without it.
@Suite(.offThePool, .enabled(if: TmuxSession.available)) struct HyperlinkEndToEndTests {
    /// Starts lostphone, keeps every byte it writes from then on, shows WeChat's details (its
    /// address weixin110.qq.com) and quits; returns the bytes and the screen before quitting.
    private func wechatDetails(environment: [String: String]) throws -> (bytes: String, screen: String) {
        let t = try TmuxSession(width: 100, height: 30, arguments: ["--lang", "en"], environment: environment)
        let file = try t.recordBytes()
        try t.expectScreen(contains: "10086")  // the first frame: the SIM step
        try t.press("j", "j")
        let screen = try t.expectScreen(contains: "weixin110.qq.com")
        try t.press("q")
        try t.expectScreen(contains: "EXITED:0")
        // Everything up to the shell's line after the exit has gone through the pipe.
        let bytes = t.recordedBytes(file)
        #expect(bytes.contains("EXITED:0"), "the pane's bytes never reached the exit: \(bytes.suffix(200).debugDescription)")
        return (bytes, screen)
    }

    @Test func aWebContactShownIsWrittenAsALinkAndLooksTheSame() throws {
        let linked = try wechatDetails(environment: [:])
        let opens = linked.bytes.contains("\u{1B}]8;;https://weixin110.qq.com\u{1B}\\")
        let closes = linked.bytes.contains("weixin110.qq.com\u{1B}]8;;\u{1B}\\")
        #expect(opens, "no OSC 8 link to https://weixin110.qq.com: \(around("weixin110", in: linked.bytes))")
        #expect(closes, "the link does not end right after the address: \(around("weixin110", in: linked.bytes))")
        let plain = try wechatDetails(environment: ["LOSTPHONE_HYPERLINKS": "0"])
        let plainHasLinks = plain.bytes.contains("\u{1B}]8;")
        #expect(!plainHasLinks, "LOSTPHONE_HYPERLINKS=0 still wrote OSC 8: \(around("\u{1B}]8;", in: plain.bytes))")
        // The header's clock may have ticked between the two runs; every other line is the same.
        let below = { (screen: String) in screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() }
        #expect(Array(below(linked.screen)) == Array(below(plain.screen)),
                "with links:\n\(linked.screen)\nwithout:\n\(plain.screen)")
    }

    @Test func theLinuxConsoleGetsNoLinks() throws {
        let console = try wechatDetails(environment: ["TERM": "linux"])
        let hasLinks = console.bytes.contains("\u{1B}]8;")
        #expect(!hasLinks, "TERM=linux was sent OSC 8: \(around("\u{1B}]8;", in: console.bytes))")
    }

    /// The bytes around the first `needle`, escapes shown, for a failure message.
    private func around(_ needle: String, in bytes: String) -> String {
        guard let r = bytes.range(of: needle) else { return "(no \(needle.debugDescription) in \(bytes.utf8.count) bytes)" }
        let start = bytes.index(r.lowerBound, offsetBy: -60, limitedBy: bytes.startIndex) ?? bytes.startIndex
        let end = bytes.index(r.upperBound, offsetBy: 80, limitedBy: bytes.endIndex) ?? bytes.endIndex
        return String(bytes[start..<end]).debugDescription
    }
}
