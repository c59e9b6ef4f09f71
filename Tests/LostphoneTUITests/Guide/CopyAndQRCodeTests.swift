import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// `y` copies the selected contact with OSC 52; `Q` shows it as a QR code.
@Suite struct CopyTests {
    static func decodeOSC52(_ sequence: String) -> String? {
        guard sequence.hasPrefix("\u{1B}]52;c;"), sequence.hasSuffix("\u{07}") else { return nil }
        let base64 = sequence.dropFirst(7).dropLast()
        return Data(base64Encoded: String(base64)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func osc52CarriesTheTextInBase64() {
        #expect(Clipboard.osc52("10086") == "\u{1B}]52;c;MTAwODY=\u{07}")
        #expect(Self.decodeOSC52(Clipboard.osc52("我的 → 设置")) == "我的 → 设置")
    }

    @Test func ySendsTheShownProvidersNumberAndSaysOnlyThatItWasSent() {
        let d = TestApp(width: 140, height: 30)
        d.press(.char("y"))
        d.wait()
        #expect(d.terminal.raw.compactMap(Self.decodeOSC52) == ["10086"])
        #expect(d.screen.contains("Sent 10086 to the terminal's clipboard (nothing pastes? Q shows a QR code)"),
                "\(d.screen)")
        #expect(!d.screen.contains("Copied"), "no terminal confirms OSC 52:\n\(d.screen)")
    }

    @Test func inChineseTheSentMessageNamesTheNumberAndTheQRCode() {
        let d = TestApp(width: 140, height: 30, language: .zh)
        d.press(.char("y"))
        #expect(d.state.message?.text == "已将 10086 发送到终端的剪贴板（粘贴不出来的话，按 Q 显示二维码）")
        #expect(!d.screen.contains("已复制"))
    }

    @Test(arguments: [(Language.en, "Q shows a QR code)"), (.zh, "按 Q 显示二维码）")])
    func atEightyColumnsTheWayToTheQRCodeIsInSight(language: Language, end: String) {
        let d = TestApp(width: 80, height: 24, language: language)
        d.press(.char("y"))
        #expect(d.screen.contains(end), "the bottom line cut the way out:\n\(d.screen)")
    }

    @Test func aLocalClipboardToolThatExitsZeroMakesItCopied() {
        let runner = FakeClipboardRunner(answer: .exited(0))
        let tool = ClipboardTool(path: "/usr/bin/xclip", arguments: ["-selection", "clipboard", "-in"])
        let d = TestApp(width: 100, height: 30, clipboardTool: tool, clipboardRunner: runner)
        d.press(.char("y"))
        #expect(runner.runs == [FakeClipboardRunner.Run(tool: tool, text: "10086")])
        #expect(d.terminal.raw.compactMap(Self.decodeOSC52) == ["10086"], "OSC 52 is sent as well")
        #expect(!d.screen.contains("Copied"), "the answer arrives on the next turn of the loop, not before")
        d.wait()
        #expect(d.screen.contains("Copied: 10086"), "\(d.screen)")
    }

    @Test(arguments: [ClipboardToolOutcome.exited(1), .timedOut, .notStarted("no such file")])
    func aLocalClipboardToolThatFailsLeavesItSent(outcome: ClipboardToolOutcome) {
        let runner = FakeClipboardRunner(answer: outcome)
        let d = TestApp(width: 140, height: 30, clipboardTool: ClipboardTool(path: "/usr/bin/xsel", arguments: []),
                        clipboardRunner: runner)
        d.press(.char("y"))
        d.wait()
        #expect(d.screen.contains("Sent 10086 to the terminal's clipboard"), "\(d.screen)")
        #expect(!d.screen.contains("Copied"))
    }

    @Test func aLateCopiedNeverHidesANewerMessage() {
        let d = TestApp(width: 100, height: 30)
        d.press(.char("y"))
        var state = d.state
        state.message = StatusMessage(text: "Saved", kind: .success)
        _ = Update.apply(.clipboardToolFinished(shown: "10086", tool: "xclip", .exited(0)), to: &state)
        #expect(state.message?.text == "Saved")
    }

    @Test func yAgainCopiesTheNextContactOfTheStep() throws {
        let d = TestApp(width: 120, height: 30)
        // The first step whose shown provider and own contacts add up to two or more.
        let state = d.state
        let (pane, row, contacts) = try #require(state.playbook.panes.enumerated().lazy.flatMap { p, pane in
            pane.steps.enumerated().map { r, step in (p, r, ContactPick.contacts(step, state).1) }
        }.first { $0.2.count >= 2 })
        d.press(.char(Character(String(pane + 1))))
        for _ in 0..<row { d.press(.down) }
        for _ in contacts.indices { d.press(.char("y")) }
        d.press(.char("y"))
        let copied = d.terminal.raw.compactMap(Self.decodeOSC52)
        let expected = contacts.map { ContactPick(step: "x", index: 0, count: 1, contact: $0).text(.en) }
        #expect(copied == expected + [expected[0]], "each y copies the next contact, then wraps")
    }

    @Test func yRightAfterAnExportCopiesTheReportsPath() {
        let d = TestApp(width: 100, height: 30)
        d.press(.char("e"), .char("y"))
        #expect(d.terminal.raw.compactMap(Self.decodeOSC52) == ["/reports/lostphone-report-test.md"])
        #expect(d.screen.contains("Sent /reports/lostphone-report-test.md to the terminal's clipboard"))
        d.press(.char("y"))
        #expect(d.terminal.raw.compactMap(Self.decodeOSC52).last == "10086", "after the path, y copies the contact")
    }

    @Test func yInTheTimelineCopiesNothingAndSaysWhy() {
        let d = TestApp(width: 100, height: 30)
        d.press(.char("5"), .char("y"))   // the timeline is the fifth tab
        #expect(d.terminal.raw.isEmpty)
        #expect(d.screen.contains(d.state.words[.pickAStepFirst]))
    }
}

/// A clipboard program that is never run: it notes what it was asked and answers at once.
final class FakeClipboardRunner: ClipboardToolRunner, @unchecked Sendable {
    struct Run: Hashable { var tool: ClipboardTool; var text: String }
    let answer: ClipboardToolOutcome
    private(set) var runs: [Run] = []
    init(answer: ClipboardToolOutcome) { self.answer = answer }

    func start(_ tool: ClipboardTool, text: String, timeout: Double, done: @escaping @Sendable (ClipboardToolOutcome) -> Void) {
        runs.append(Run(tool: tool, text: text))
        done(answer)
    }
}

extension ContactPick {
    init(step: StepID, index: Int, count: Int, contact: Contact) {
        self.init(step: step, provider: nil, index: index, count: count, contact: contact)
    }
}

@Suite struct QRCodeContentTests {
    @Test func aNumberBecomesATelURIAndAnAddressHTTPS() {
        let pick = { (kind: Contact.Kind) in ContactPick(step: "x", index: 0, count: 1, contact: Contact(kind: kind)) }
        #expect(pick(.phone("0755-8376 5566")).uri(.en) == "tel:075583765566")
        #expect(pick(.phone("+86 10086")).uri(.en) == "tel:+8610086")
        #expect(pick(.web("weixin110.qq.com")).uri(.en) == "https://weixin110.qq.com")
        #expect(pick(.web("http://example.org/a")).uri(.en) == "http://example.org/a")
        #expect(pick(.path(LocalizedText(zh: "我 → 设置", en: "Me → Settings"))).uri(.zh) == "我 → 设置")
    }
}

@Suite struct QRCodeViewTests {
    /// A code of every module pattern: dark where (x * 7 + y * 3) % 5 < 2.
    static let code = QRCode(size: 21, modules: (0..<441).map { i in (i % 21 * 7 + i / 21 * 3) % 5 < 2 })

    /// Reads the modules back from the canvas: by glyph (the dark part) for half blocks, by
    /// background for two columns. Light is false, as in `QRCode`.
    static func modules(from canvas: Canvas, drawing: QRCodeView.Drawing, size n: Int) -> [Bool] {
        (0..<(n * n)).map { i in
            let (x, y) = (i % n, i / n)
            switch drawing {
            case .halfBlocks:
                let g = canvas[x, y / 2].grapheme
                #expect(canvas[x, y / 2].style == Style(foreground: QRCodeView.dark, background: QRCodeView.light))
                return y % 2 == 0 ? (g == "█" || g == "▀") : (g == "█" || g == "▄")
            case .twoColumns:
                let a = canvas[2 * x, y].style.background, b = canvas[2 * x + 1, y].style.background
                #expect(a == b, "both columns of a module have one colour")
                return a == QRCodeView.dark
            }
        }
    }

    @Test(arguments: [QRCodeView.Drawing.halfBlocks, .twoColumns])
    func theDrawnModulesAreTheCodesWithAQuietZone(drawing: QRCodeView.Drawing) {
        var canvas = Canvas(width: 60, height: 30)
        QRCodeView.drawCode(&canvas, Self.code, x: 0, y: 0, drawing: drawing)
        let q = QRCodeView.quietZone, n = Self.code.size + 2 * q
        let read = Self.modules(from: canvas, drawing: drawing, size: n)
        let expected = (0..<(n * n)).map { i in Self.code.isDark(x: i % n - q, y: i / n - q) }
        #expect(read == expected)
    }

    @Test func halfBlocksWhereTheyAreNarrowAndFitElseTwoColumns() {
        let code = Self.code  // 25 modules with the quiet zone
        #expect(QRCodeView.drawing(for: code, columns: 80, rows: 20, blocksAreNarrow: true) == .halfBlocks)
        #expect(QRCodeView.drawing(for: code, columns: 80, rows: 30, blocksAreNarrow: false) == .twoColumns)
        #expect(QRCodeView.drawing(for: code, columns: 80, rows: 20, blocksAreNarrow: false) == nil)
        #expect(QRCodeView.drawing(for: code, columns: 24, rows: 20, blocksAreNarrow: true) == nil)
    }

    @Test func qShowsTheCodeOfTheSelectedContactAndAnyKeyCloses() {
        let d = TestApp(width: 100, height: 40, encodeQRCode: { text in
            .success(QRCode(size: 21, modules: Array(repeating: text == "tel:10086", count: 441)))
        })
        d.press(.char("Q"))
        guard case .qrCode(let code, let pick) = d.state.mode else {
            Issue.record("Q did not show a code: \(d.state.mode)")
            return
        }
        #expect(pick.uri(.en) == "tel:10086" && code.modules.allSatisfy { $0 })
        #expect(d.screen.contains("tel:10086"))
        d.press(.char("j"))
        #expect(d.state.mode == .normal)
    }

    @Test func withoutTheLibraryQSaysHowToGetIt() {
        let d = TestApp(width: 100, height: 40, encodeQRCode: { _ in
            .failure(QRCodeUnavailable(.notInstalled(library: "libqrencode.so.4", install: "apt-get install libqrencode4")))
        })
        d.press(.char("Q"))
        #expect(d.state.mode == .normal)
        #expect(d.screen.contains("apt-get install libqrencode4"), "\(d.screen)")
    }

    /// On the Chinese screen the reason is Chinese too, the command to run kept as it is.
    @Test func withoutTheLibraryQSaysSoInChinese() {
        let d = TestApp(width: 100, height: 40, language: .zh, encodeQRCode: { _ in
            .failure(QRCodeUnavailable(.notInstalled(library: "libqrencode.so.4", install: "apt-get install libqrencode4")))
        })
        d.press(.char("Q"))
        #expect(d.screen.contains("没有安装 libqrencode.so.4") && d.screen.contains("apt-get install libqrencode4"), "\(d.screen)")
        #expect(!d.screen.contains("is not installed"))
    }
}

@Suite struct ContactClickTests {
    @Test func clickingANumberInTheDetailsCopiesIt() throws {
        let d = TestApp(width: 110, height: 30)
        let lines = d.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let detailX = Layout(width: 110, height: 30, detailOpen: true).detail!.x
        let y = try #require(lines.firstIndex { $0.dropFirst(detailX).contains("10086") }, "no 10086 in the details:\n\(d.screen)")
        let x = detailX + Array(lines[y].dropFirst(detailX)).firstIndex(of: "1")!
        d.send(.click(x: x, y: y))
        #expect(d.terminal.raw.compactMap(CopyTests.decodeOSC52) == ["10086"])
        #expect(d.screen.contains("Sent 10086"))
    }

    @Test func at40x12TheNumberInTheShortDetailsIsStillClickable() throws {
        let d = TestApp(width: 40, height: 12)
        let lines = d.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = try #require(lines.firstIndex { $0.contains("☎") && $0.contains("10086") }, "no 10086 on the screen:\n\(d.screen)")
        let x = Array(lines[y]).firstIndex(of: "1")!
        d.send(.click(x: x, y: y))
        #expect(d.terminal.raw.compactMap(CopyTests.decodeOSC52) == ["10086"], "the click hit what the short details show")
    }

    @Test func clickingTextThatIsNoContactCopiesNothing() {
        let d = TestApp(width: 110, height: 30)
        let detail = Layout(width: 110, height: 30, detailOpen: true).detail!
        d.send(.click(x: detail.x + 2, y: detail.y))
        #expect(d.terminal.raw.isEmpty)
    }
}
