import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// A fixed moment, in a fixed zone, so screens and journals do not depend on when tests run.
let t0 = Timestamp(parsing: "2026-11-24T21:00:00.000+08:00")!

/// A timestamp `seconds` after t0, written in +08:00.
func at(_ seconds: Double) -> Timestamp {
    Timestamp(t0.date.addingTimeInterval(seconds), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
}

/// A small playbook for a test: `panes` is the YAML of its panes (indented by two spaces, as
/// under `panes:`), the header the same for all.
func testPlaybook(_ id: String, panes: String) -> Playbook {
    let yaml = """
    id: \(id)
    version: 1
    languages: [en, zh]
    title: {en: "T", zh: "T"}
    source:
      publisher: {en: "p", zh: "p"}
    panes:

    """ + panes
    guard case .success(let p) = PlaybookLoader.load(yaml: yaml, file: id + ".yaml") else { fatalError("the test playbook \(id) does not load") }
    return p
}

/// A clock that stays where the test puts it.
final class TestClock: WallClock, @unchecked Sendable {
    var moment: Timestamp
    init(_ moment: Timestamp) { self.moment = moment }
    func now() -> Timestamp { moment }
}

/// A terminal for tests: input comes from a queue, each frame drawn is kept, repaints are
/// counted. When the queue runs dry it reports a hang-up, which ends `App.run`.
final class FakeTerminal: TerminalBackend {
    var width: Int
    var height: Int
    let colorDepth: ColorDepth = .truecolor
    /// Events still to read; nil is a read that timed out.
    var input: [InputEvent?] = []
    private(set) var frames: [Canvas] = []
    private(set) var invalidations = 0
    /// Called with each frame as it is drawn.
    var onDraw: ((Canvas) -> Void)?
    /// Writes each frame's links to `raw` as the ncurses backend writes them, when a test turns
    /// hyperlinks on.
    var hyperlinks: HyperlinkPainter?
    private var repaintNext = true

    init(width: Int, height: Int) { self.width = width; self.height = height }

    func draw(_ canvas: Canvas) {
        frames.append(canvas)
        if let links = hyperlinks?.sequence(for: canvas, repaintedAll: repaintNext), !links.isEmpty { raw.append(links) }
        repaintNext = false
        onDraw?(canvas)
    }

    func read(timeoutMilliseconds: Int) -> InputEvent? {
        input.isEmpty ? .signal(SIGHUP) : input.removeFirst()
    }

    func invalidate() { invalidations += 1; repaintNext = true }

    /// Escape sequences written past the canvas (OSC 52, OSC 8), in order.
    private(set) var raw: [String] = []
    func writeRaw(_ sequence: String) { raw.append(sequence) }
}

/// What the app asked the outside world to remember or write.
final class Calls {
    var savedLanguages: [Language] = []
    var savedThemes: [String] = []
    var exports = 0
    var keptTips: [(step: StepID, doneAt: Timestamp?)] = []
}

/// The real `App` on a fake terminal, with a real journal in a temporary directory that goes
/// when the test is done. A person's vocabulary: press, type, wait; then look at the screen,
/// the state and the journal on disk.
final class TestApp {
    let directory: URL
    let journalPath: String
    let journal: Journal
    let terminal: FakeTerminal
    let clock: TestClock
    let calls = Calls()
    let app: App

    init(width: Int = 80, height: Int = 24, language: Language = .en, playbook: Playbook = PlaybookLoader.builtin(),
         theme: Theme = Theme.fallback, themeName: String = "default", themes: [String: (Theme, [String])] = [:],
         askDetails: Bool = false, now: Timestamp = t0, readOnlyDirectory: String? = nil,
         encodeQRCode: ((String) -> Result<QRCode, QRCodeUnavailable>)? = nil, profile: Profile? = nil,
         hyperlinks: Bool = false, clipboardTool: ClipboardTool? = nil, clipboardRunner: (any ClipboardToolRunner)? = nil) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lostphone-tui-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        journalPath = directory.appendingPathComponent("incident.jsonl").path
        var (incident, first) = Incident.open(id: "test", playbook: playbook, at: t0)
        journal = try! Journal.create(path: journalPath, first: first)
        // Started from a profile as `lostphone` starts a new incident: the prepared events on disk.
        for event in profile?.openingEvents(for: incident, playbook: playbook, language: language) ?? [] {
            try! journal.append(event)
            try! incident.apply(event)
        }
        terminal = FakeTerminal(width: width, height: height)
        if hyperlinks { terminal.hyperlinks = HyperlinkPainter(colorDepth: terminal.colorDepth) }
        clock = TestClock(now)
        let calls = calls
        var config = AppConfiguration(
            playbook: playbook, incident: incident,
            recording: readOnlyDirectory.map { .readOnly(directory: $0) } ?? .journal(journal), language: language, theme: theme,
            themeName: themeName, themeNames: [themeName] + themes.keys.sorted(), clock: clock,
            startMessage: nil, askDetails: askDetails,
            loadTheme: { name in themes[name].map { ($0.0, $0.1.map { LocalizedText(zh: $0, en: $0) }) } ?? (Theme.fallback, [LocalizedText(zh: "no theme \(name)", en: "no theme \(name)")]) },
            saveTheme: { calls.savedThemes.append($0) },
            saveLanguage: { calls.savedLanguages.append($0) },
            export: { _, _, _ in
                calls.exports += 1
                return .success("/reports/lostphone-report-test.md")
            })
        if let encodeQRCode { config.encodeQRCode = encodeQRCode }
        config.clipboardTool = clipboardTool
        if let clipboardRunner { config.clipboardRunner = clipboardRunner }
        config.keepTip = { step, doneAt in
            calls.keptTips.append((step, doneAt))
            return nil
        }
        app = App(config: config, terminal: terminal)
        run()
    }

    deinit {
        journal.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Lets the app read everything queued, then stop.
    private func run() { _ = app.run() }

    func press(_ keys: Key...) {
        terminal.input += keys.map { .key($0) }
        run()
    }

    func type(_ text: String) {
        terminal.input += text.map { .key(.char($0)) }
        run()
    }

    /// A click, a wheel turn or a resize (set `terminal.width` and `height` first).
    func send(_ event: InputEvent) {
        terminal.input.append(event)
        run()
    }

    /// One read that times out: nothing pressed for a while.
    func wait() {
        terminal.input.append(nil)
        run()
    }

    var state: AppState { app.currentState }

    /// The last frame drawn.
    var screen: String { terminal.frames.last?.text ?? "" }

    func record(_ id: StepID) -> StepRecord { state.incident.record(id) }

    /// The events in the journal file as it is on disk now.
    func eventsOnDisk() -> [Event] {
        guard let data = FileManager.default.contents(atPath: journalPath) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(Event.self, from: Data($0)) }
    }
}

/// Compares a rendered screen with its golden file in `Snapshots/`. With `UPDATE_SNAPSHOTS=1`
/// the file is (re)written instead, to be reviewed like code.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = dir.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] != nil {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? (text + "\n").write(to: file, atomically: false, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(file.path); run with UPDATE_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    let expected = golden.hasSuffix("\n") ? String(golden.dropLast()) : golden
    if expected != text {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        var diff = ""
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>"
            let al = i < a.count ? String(a[i]) : "<none>"
            if el != al { diff += "line \(i + 1):\n  expected: \(el)\n  actual:   \(al)\n" }
        }
        Issue.record("snapshot \(name) differs:\n\(diff)", sourceLocation: sourceLocation)
    }
}

