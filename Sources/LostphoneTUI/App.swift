import LostphoneCore

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
    public var loadTheme: (String) -> (Theme, [String])
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
    public var keepTip: (StepID, Timestamp?) -> String? = { _, _ in nil }

    public init(playbook: Playbook, incident: Incident, recording: Recording, language: Language, theme: Theme,
                themeName: String, themeNames: [String], clock: any WallClock,
                startMessage: StatusMessage?, askDetails: Bool,
                loadTheme: @escaping (String) -> (Theme, [String]), saveTheme: @escaping (String) -> Void,
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

/// The event loop: read input, update, perform effects, draw. Returns the exit status.
/// It never writes into the state: input, the clock and every effect's result reach it as
/// actions through `update`.
public final class App {
    private var state: AppState
    private let config: AppConfiguration
    private let terminal: any TerminalBackend

    public init(config: AppConfiguration, terminal: any TerminalBackend) {
        self.config = config
        self.terminal = terminal
        state = AppState(playbook: config.playbook, incident: config.incident, language: config.language,
                         theme: config.theme, themeName: config.themeName,
                         width: terminal.width, height: terminal.height, now: config.clock.now())
        state.message = config.startMessage
        if case .readOnly(let directory) = config.recording { state.readOnlyDirectory = directory }
        // The details are offered, never put over the guide: the first start reminds once.
        if config.askDetails && state.readOnlyDirectory == nil && state.message == nil {
            state.message = StatusMessage(text: state.words[.detailsReminder], kind: .info)
        }
    }

    /// The current state, for tests.
    public var currentState: AppState { state }

    /// Runs until `q` or a quit signal. Every recorded event is on disk before it is on screen,
    /// so leaving at any moment loses nothing.
    public func run() -> Int32 {
        draw()
        if config.crashAfterFirstFrame { fatalError("crash requested by LOSTPHONE_TEST_CRASH") }
        while true {
            let event = terminal.read(timeoutMilliseconds: millisecondsToNextSecond())
            if case .signal(let s) = event { return 128 + s }
            if let event { handle(event) }
            if state.shouldQuit { return 0 }
            dispatch(.tick(config.clock.now()))
            draw()
        }
    }

    /// Feeds one input event through update and performs the effects.
    public func handle(_ event: InputEvent) {
        switch event {
        case .key(let k): perform(Update.handle(k, in: &state))
        case .click(let x, let y): dispatch(.click(x: x, y: y))
        case .wheelUp(let x, let y): dispatch(.wheel(-1, x: x, y: y))
        case .wheelDown(let x, let y): dispatch(.wheel(1, x: x, y: y))
        case .resize: dispatch(.resize(width: terminal.width, height: terminal.height))
        case .paste(let text): dispatch(.paste(text))
        case .signal: break
        }
    }

    public func draw() { terminal.draw(config.glyphFallback.apply(to: Screen.render(state))) }

    private func dispatch(_ action: Action) { perform(Update.apply(action, to: &state)) }

    private func millisecondsToNextSecond() -> Int {
        let start = state.incident.lostAt ?? state.incident.startedAt
        let elapsed = config.clock.now().date.timeIntervalSince(start.date)
        let fraction = elapsed - elapsed.rounded(.down)
        return max(20, Int((1 - fraction) * 1000) + 5)
    }

    /// Performs effects in order; each result goes back through update, and the effects update
    /// returns for it join the queue.
    private func perform(_ effects: [Effect]) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            if let answer = execute(effect) { queue += Update.apply(answer, to: &state) }
        }
    }

    /// Performs one effect; returns the action that reports its result, if it has one.
    private func execute(_ effect: Effect) -> Action? {
        switch effect {
        case .record(let command):
            return record(command)
        case .export:
            switch config.export(state.incident, state.playbook, state.language) {
            case .success(let path): return .exported(path: path)
            case .failure(let f): return .exportFailed(f.message)
            }
        case .nextTheme:
            let names = config.themeNames
            guard !names.isEmpty else { return nil }
            let name = names[names.firstIndex(of: state.themeName).map { ($0 + 1) % names.count } ?? 0]
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
        case .copyToClipboard(let text):
            terminal.writeRaw(Clipboard.osc52(text))
            return nil
        case .makeQRCode(let pick, let uri):
            switch config.encodeQRCode(uri) {
            case .success(let code): return .qrCodeReady(code, pick)
            case .failure(let why): return .qrCodeFailed(why.message)
            }
        case .keepTip(let step, let doneAt):
            return config.keepTip(step, doneAt).map { .tipNotKept($0) }
        }
    }

    /// Builds the event and appends it durably; only the answer `.recorded` lets the screen
    /// show it.
    private func record(_ command: IncidentCommand) -> Action {
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
            return .recordFailed(error.description)
        }
        return .recorded(event)
    }
}
