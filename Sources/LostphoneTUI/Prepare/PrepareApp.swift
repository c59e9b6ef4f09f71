import LostphoneCore

/// What the form needs, prepared by the command line.
public struct PrepareConfiguration {
    public var playbook: Playbook
    /// What reading the profile found; a refused profile never gets here.
    public var load: ProfileLoad
    public var store: ProfileStore
    public var language: Language
    public var theme: Theme
    public var clock: any WallClock
    /// ASCII in place of the symbols the terminal's font lacks (TERM=linux, vt100).
    public var glyphFallback: GlyphFallback = .none
    /// Remembers the language chosen with `L`.
    public var saveLanguage: (Language) -> Void = { _ in }

    public init(playbook: Playbook, load: ProfileLoad, store: ProfileStore, language: Language, theme: Theme,
                clock: any WallClock) {
        self.playbook = playbook; self.load = load; self.store = store; self.language = language
        self.theme = theme; self.clock = clock
    }
}

/// The form's event loop: read input, update, save, draw. Returns the exit status. As the
/// guide's `App`, it never writes into the state: the clock and each save's result reach it as
/// actions through `PrepareUpdate`.
public final class PrepareApp {
    private var state: PrepareState
    private let config: PrepareConfiguration
    private let terminal: any TerminalBackend
    /// What the profile file held when last read or saved here: a save over a file changed
    /// since (by `lostphone prepare --bank …` meanwhile) is refused, not silently undone (#30).
    private var base: ProfileLoad

    public init(config: PrepareConfiguration, terminal: any TerminalBackend) {
        self.config = config
        self.terminal = terminal
        base = config.load
        state = PrepareState(playbook: config.playbook, profile: config.load.profile ?? Profile(), dropped: config.load.dropped,
                             fileExists: config.load.exists, path: config.store.path,
                             language: config.language, theme: config.theme,
                             width: terminal.width, height: terminal.height, now: config.clock.now())
    }

    /// The current state, for tests and for what is said on leaving.
    public var currentState: PrepareState { state }

    /// Runs until `q`, Esc or a quit signal. Every change is saved before it is shown, so
    /// leaving at any moment loses nothing.
    public func run() -> Int32 {
        draw()
        while true {
            // Waits a minute at most, so a form left open past midnight dates a tip right.
            let event = terminal.read(timeoutMilliseconds: 60_000)
            if case .signal(let s) = event { return 128 + s }
            dispatch(.tick(config.clock.now()))
            if let event { handle(event) }
            if state.shouldQuit { return 0 }
            draw()
        }
    }

    /// Feeds one input event through the update and performs the effects.
    public func handle(_ event: InputEvent) {
        switch event {
        case .key(let k): perform(PrepareUpdate.handle(k, in: &state))
        case .click(let x, let y): dispatch(.click(x: x, y: y))
        case .wheelUp: dispatch(.wheel(-1))
        case .wheelDown: dispatch(.wheel(1))
        case .resize: dispatch(.resize(width: terminal.width, height: terminal.height))
        case .paste(let text): dispatch(.paste(text))
        case .signal: break
        }
    }

    public func draw() { terminal.draw(config.glyphFallback.apply(to: PrepareView.render(state))) }

    private func dispatch(_ action: PrepareAction) { perform(PrepareUpdate.apply(action, to: &state)) }

    private func perform(_ effects: [PrepareEffect]) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch effect {
            case .save(let profile):
                let answer: PrepareAction
                do {
                    base = try config.store.save(profile, basedOn: base, playbook: config.playbook, now: config.clock.now())
                    answer = .saved(base.profile ?? profile)
                } catch {
                    answer = .saveFailed(error.description)
                }
                queue += PrepareUpdate.apply(answer, to: &state)
            case .redraw:
                terminal.invalidate()
            case .saveLanguage(let language):
                config.saveLanguage(language)
            }
        }
    }
}
