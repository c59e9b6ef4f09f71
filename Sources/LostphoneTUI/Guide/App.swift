import LostphoneCore
import TerminalKit

/// Everything the full-screen program needs, prepared by the command line.
public struct AppConfiguration {
    public var playbook: Playbook
    public var incident: Incident
    /// Where recorded events go, or why they cannot.
    public var recording: Recording
    public var language: Language
    public var theme: Theme
    public var themeName: String
    /// Theme names to cycle through with `t`, in order.
    public var themeNames: [String]
    public var clock: any WallClock
    /// A note for the person shown at start (a repaired journal, a theme that did not load).
    public var startMessage: StatusMessage?
    /// The first start of an incident: remind once, on the bottom line, that `i` takes the
    /// lost-at time and the device details (never a form over the guide).
    public var askDetails: Bool
    /// Loads a theme by name; returns the theme (the default when it fails) and any problems.
    public var loadTheme: (String) -> (Theme, [LocalizedText])
    /// Remembers the chosen theme.
    public var saveTheme: (String) -> Void
    /// Remembers the chosen language.
    public var saveLanguage: (Language) -> Void
    /// Writes the report; returns the path written or a message saying what went wrong.
    public var export: (Incident, Playbook, Language) -> Result<String, ExportFailure>
    /// For the crash test only (`LOSTPHONE_TEST_CRASH=1`): trap like a Swift runtime error
    /// right after the first frame, to prove the terminal is restored on a crash.
    public var crashAfterFirstFrame = false
    /// ASCII in place of the symbols the terminal's font lacks (TERM=linux, vt100).
    public var glyphFallback: GlyphFallback = .none
    /// Encodes a QR code (libqrencode, loaded at run time); tests may put a stand-in here.
    public var encodeQRCode: (String) -> Result<QRCode, QRCodeUnavailable> = QREncoder.encode
    /// Keeps a prevention tip's state in the person's profile; returns why it could not, or nil.
    public var keepTip: (StepID, Timestamp?) -> ProfileSaveError? = { _, _ in nil }
    /// What the screen showed of this incident when it was last left (`Preferences.screen`).
    public var screenMemory: ScreenMemory?
    /// The local clipboard program `y` runs besides OSC 52 (`ClipboardTool.local`), nil when
    /// there is none or the session is remote: then `y` can only say it sent the text.
    public var clipboardTool: ClipboardTool?
    /// Runs the clipboard program; tests put a stand-in here.
    public var clipboardRunner: any ClipboardToolRunner = ProcessClipboardToolRunner()

    public init(playbook: Playbook, incident: Incident, recording: Recording, language: Language, theme: Theme,
                themeName: String, themeNames: [String], clock: any WallClock,
                startMessage: StatusMessage?, askDetails: Bool,
                loadTheme: @escaping (String) -> (Theme, [LocalizedText]), saveTheme: @escaping (String) -> Void,
                saveLanguage: @escaping (Language) -> Void,
                export: @escaping (Incident, Playbook, Language) -> Result<String, ExportFailure>) {
        self.playbook = playbook; self.incident = incident; self.recording = recording; self.language = language
        self.theme = theme; self.themeName = themeName; self.themeNames = themeNames
        self.clock = clock; self.startMessage = startMessage
        self.askDetails = askDetails; self.loadTheme = loadTheme; self.saveTheme = saveTheme
        self.saveLanguage = saveLanguage; self.export = export
    }
}

/// Where the full screen records (`JournalAccess`, in Core, as `IncidentSession` opens it).
public typealias Recording = JournalAccess

/// Why an export did not happen, in words for the person.
public struct ExportFailure: Error, Sendable { public var message: String; public init(_ m: String) { message = m } }

/// The guide on the kit's one runtime: the command line makes one and runs it. Its loop,
/// ticks, signals, resizes, pastes and the too-small screen are `Program`'s, the same as the
/// prepare form's; what is the guide's own is here: its state at start and its edges (the
/// journal, the report, themes, the clipboard, QR codes).
public final class App {
    private let program: Program<GuideScreen>

    public init(config: AppConfiguration, terminal: any TerminalBackend) {
        var state = AppState(playbook: config.playbook, incident: config.incident, language: config.language,
                             theme: config.theme, themeName: config.themeName,
                             width: terminal.width, height: terminal.height, now: config.clock.now(),
                             memory: config.screenMemory)
        state.message = config.startMessage
        if case .readOnly(let directory) = config.recording { state.session.readOnlyDirectory = directory }
        // The details are offered, never put over the guide: the first start reminds once.
        if config.askDetails && state.session.readOnlyDirectory == nil && state.message == nil {
            state.message = StatusMessage(text: state.words[.detailsReminder], kind: .info)
        }
        let inbox = ActionInbox<Action>()
        let edges = GuideEdges(config: config, terminal: terminal, inbox: inbox)
        program = Program(state: state, terminal: terminal, clock: config.clock, glyphFallback: config.glyphFallback,
                          inbox: inbox, perform: edges.perform)
        if config.crashAfterFirstFrame {
            program.afterFirstFrame = { fatalError("crash requested by LOSTPHONE_TEST_CRASH") }
        }
    }

    /// The current state, for tests.
    public var currentState: AppState { program.state }

    /// Runs until `q` or a quit signal. Every recorded event is on disk before it is on screen,
    /// so leaving at any moment loses nothing.
    public func run() -> Int32 { program.run() }

    /// Feeds one input event through update and performs the effects.
    public func handle(_ event: InputEvent) { program.handle(event) }

    public func draw() { program.draw() }

    /// Sends the answers of effects that finished on other threads (the run loop does this
    /// once a loop; tests call it).
    public func deliverLateAnswers() { program.deliverLateAnswers() }
}

/// The guide as the runtime sees it: its update, view and key table.
enum GuideScreen: ProgramScreen {
    typealias State = AppState
    typealias Action = LostphoneTUI.Action
    typealias Effect = LostphoneTUI.Effect

    static func action(for input: ProgramInput) -> Action {
        switch input {
        case .key(let key): .key(key)
        case .click(let x, let y): .click(x: x, y: y)
        case .wheel(let d, let x, let y): .wheel(d, x: x, y: y)
        case .paste(let text): .paste(text)
        case .resize(let w, let h): .resize(width: w, height: h)
        case .tick(let now): .tick(now)
        }
    }

    static func update(_ action: Action, _ state: inout AppState) -> [Effect] { Update.apply(action, to: &state) }
    static func view(_ state: AppState) -> Canvas { Screen.render(state) }
    static var quit: Action { .quit }
    static func boundAction(for key: Key) -> Action? { KeyBindings.action(for: key) }
    static func isFinished(_ state: AppState) -> Bool { state.shouldQuit }
    static func size(_ state: AppState) -> (width: Int, height: Int) { (state.display.width, state.display.height) }
    static func words(_ state: AppState) -> Words { state.words }
    static func theme(_ state: AppState) -> Theme { state.display.theme }
    static var minimumSize: (width: Int, height: Int) { (Layout.minimumWidth, Layout.minimumHeight) }

    /// Wakes on the next whole second of the elapsed time, so the clock in the header ticks.
    static func timeoutMilliseconds(_ state: AppState, now: Timestamp) -> Int {
        let start = state.incident.lostAt ?? state.incident.startedAt
        let elapsed = now.date.timeIntervalSince(start.date)
        let fraction = elapsed - elapsed.rounded(.down)
        return max(20, Int((1 - fraction) * 1000) + 5)
    }
}

/// The guide's effects, performed at the edge; each answers with the action that reports its
/// result, if it has one.
struct GuideEdges {
    let config: AppConfiguration
    let terminal: any TerminalBackend
    /// Where the clipboard program's answer goes when it has ended.
    let inbox: ActionInbox<Action>
    /// How long a clipboard program may take before it is killed.
    static let clipboardTimeout = 3.0

    func perform(_ effect: Effect, _ state: AppState) -> Action? {
        switch effect {
        case .record(let command):
            return record(command, state)
        case .export:
            switch config.export(state.incident, state.playbook, state.display.language) {
            case .success(let path): return .exported(path: path)
            case .failure(let f): return .exportFailed(f.message)
            }
        case .nextTheme:
            let names = config.themeNames
            guard !names.isEmpty else { return nil }
            let name = names[names.firstIndex(of: state.display.themeName).map { ($0 + 1) % names.count } ?? 0]
            let (theme, problems) = config.loadTheme(name)
            return .themeChanged(name: name, theme: theme, problems: problems)
        case .saveTheme(let name):
            config.saveTheme(name)
            return nil
        case .saveLanguage(let l):
            config.saveLanguage(l)
            return nil
        case .redraw:
            terminal.invalidate()
            return nil
        case .copyToClipboard(let text, let shown):
            terminal.writeRaw(Clipboard.osc52(text))
            // The terminal never says whether it obeyed; a local clipboard program does, by its
            // exit status, later: its answer arrives as an action and the screen waits for nothing.
            if let tool = config.clipboardTool {
                let inbox = inbox
                config.clipboardRunner.start(tool, text: text, timeout: GuideEdges.clipboardTimeout) { outcome in
                    inbox.post(.clipboardToolFinished(shown: shown, tool: tool.name, outcome))
                }
            }
            return nil
        case .makeQRCode(let pick, let uri):
            switch config.encodeQRCode(uri) {
            case .success(let code): return .qrCodeReady(code, pick)
            case .failure(let why): return .qrCodeFailed(why.text(state.display.language))
            }
        case .keepTip(let step, let doneAt):
            return config.keepTip(step, doneAt).map { .tipNotKept($0.text(state.display.language)) }
        }
    }

    /// Builds the event and appends it durably; only the answer `.recorded` lets the screen
    /// show it.
    private func record(_ command: IncidentCommand, _ state: AppState) -> Action {
        // `update` asked the rules already (and the person confirmed an early step with `y`):
        // this builds the event under the same rules, at the time it is recorded.
        let event: Event
        switch state.recordingRules.event(for: command, in: state.incident, at: config.clock.now(), anyway: true) {
        case .success(let built): event = built
        case .failure(let refusal): return .refused(refusal.text(state.words, playbook: state.playbook, surface: .screen))
        }
        guard case .journal(let journal) = config.recording else {
            return .recordFailed("read-only")
        }
        do {
            try journal.append(event)
        } catch {
            return .recordFailed(error.text(state.display.language))
        }
        return .recorded(event)
    }
}
