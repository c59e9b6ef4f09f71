import LostphoneCore

/// Everything the full-screen program needs, prepared by the command line.
public struct AppConfiguration {
    public var playbook: Playbook
    public var incident: Incident
    public var journal: Journal
    public var language: Language
    public var theme: Theme
    public var themeName: String
    /// Theme names to cycle through with `t`, in order.
    public var themeNames: [String]
    public var environment: [String: String]
    public var clock: any WallClock
    /// A note for the person shown at start (a repaired journal, a theme that did not load).
    public var startMessage: StatusMessage?
    /// Ask for the lost-at time and device details (first start of an incident).
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

    public init(playbook: Playbook, incident: Incident, journal: Journal, language: Language, theme: Theme,
                themeName: String, themeNames: [String], environment: [String: String], clock: any WallClock,
                startMessage: StatusMessage?, askDetails: Bool,
                loadTheme: @escaping (String) -> (Theme, [String]), saveTheme: @escaping (String) -> Void,
                saveLanguage: @escaping (Language) -> Void,
                export: @escaping (Incident, Playbook, Language) -> Result<String, ExportFailure>) {
        self.playbook = playbook; self.incident = incident; self.journal = journal; self.language = language
        self.theme = theme; self.themeName = themeName; self.themeNames = themeNames
        self.environment = environment; self.clock = clock; self.startMessage = startMessage
        self.askDetails = askDetails; self.loadTheme = loadTheme; self.saveTheme = saveTheme
        self.saveLanguage = saveLanguage; self.export = export
    }
}

/// Why an export did not happen, in words for the person.
public struct ExportFailure: Error, Sendable { public var message: String; public init(_ m: String) { message = m } }

/// The event loop: read input, update, perform effects, draw. Returns the exit status.
public final class App {
    private var state: AppState
    private var config: AppConfiguration
    private let terminal: any TerminalBackend
    private var themeName: String

    public init(config: AppConfiguration, terminal: any TerminalBackend) {
        self.config = config
        self.terminal = terminal
        self.themeName = config.themeName
        state = AppState(playbook: config.playbook, incident: config.incident, language: config.language,
                         theme: config.theme, width: terminal.width, height: terminal.height, now: config.clock.now())
        state.message = config.startMessage
        if config.askDetails { state.mode = .details(DetailsForm()) }
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
            state.now = config.clock.now()
            draw()
        }
    }

    /// Feeds one input event through update and performs the effects.
    public func handle(_ event: InputEvent) {
        switch event {
        case .key(let k): perform(Update.handle(k, in: &state))
        case .click(let x, let y): perform(Update.apply(.click(x: x, y: y), to: &state))
        case .wheelUp: perform(Update.apply(.wheel(-1), to: &state))
        case .wheelDown: perform(Update.apply(.wheel(1), to: &state))
        case .paste(let text): perform(Update.apply(.paste(text), to: &state))
        case .resize: perform(Update.apply(.resize(width: terminal.width, height: terminal.height), to: &state))
        case .signal: break
        }
    }

    public func draw() { terminal.draw(Screen.render(state)) }

    private func millisecondsToNextSecond() -> Int {
        let start = state.incident.lostAt ?? state.incident.startedAt
        let elapsed = config.clock.now().date.timeIntervalSince(start.date)
        let fraction = elapsed - elapsed.rounded(.down)
        return max(20, Int((1 - fraction) * 1000) + 5)
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .record(let command): record(command)
            case .export:
                switch config.export(state.incident, state.playbook, state.language) {
                case .success(let path): _ = Update.apply(.exported(path: path), to: &state)
                case .failure(let f): _ = Update.apply(.exportFailed(f.message), to: &state)
                }
            case .nextTheme:
                let names = config.themeNames
                guard !names.isEmpty else { break }
                let i = names.firstIndex(of: themeName).map { ($0 + 1) % names.count } ?? 0
                let (theme, problems) = config.loadTheme(names[i])
                themeName = names[i]
                state.theme = theme
                if problems.isEmpty { config.saveTheme(names[i]) }
                _ = Update.apply(.themeChanged(name: names[i], problems: problems), to: &state)
            case .saveLanguage(let l): config.saveLanguage(l)
            case .redraw: terminal.invalidate()
            }
        }
    }

    /// Builds the event, appends it durably, and only then lets the screen show it.
    private func record(_ command: IncidentCommand) {
        let event: Event
        do {
            event = try state.incident.event(for: command, at: config.clock.now())
        } catch {
            _ = Update.apply(.refused(error.message), to: &state)
            return
        }
        do {
            try config.journal.append(event)
        } catch {
            _ = Update.apply(.recordFailed(error.description), to: &state)
            return
        }
        _ = Update.apply(.recorded(event), to: &state)
    }
}
