import LostphoneCore
import TerminalKit

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

/// The form on the kit's one runtime, as the guide's `App`: the loop, ticks, signals,
/// resizes, pastes and the too-small screen are `Program`'s; the form's own edge is the save,
/// whose result reaches the state only as an action through `PrepareUpdate`.
public final class PrepareApp {
    private let program: Program<PrepareScreen>

    /// What the profile file held when last read or saved here: a save over a file changed
    /// since (by `lostphone prepare --bank …` meanwhile) is refused, not silently undone.
    private final class SaveBase { var load: ProfileLoad; init(_ load: ProfileLoad) { self.load = load } }

    public init(config: PrepareConfiguration, terminal: any TerminalBackend) {
        let base = SaveBase(config.load)
        let state = PrepareState(playbook: config.playbook, profile: config.load.profile ?? Profile(), dropped: config.load.dropped,
                                 fileExists: config.load.exists, path: config.store.path,
                                 language: config.language, theme: config.theme,
                                 width: terminal.width, height: terminal.height, now: config.clock.now())
        program = Program(state: state, terminal: terminal, clock: config.clock, glyphFallback: config.glyphFallback) { effect, state in
            switch effect {
            case .save(let profile):
                do throws(ProfileSaveError) {
                    base.load = try config.store.save(profile, basedOn: base.load, playbook: config.playbook, now: config.clock.now())
                    return .saved(base.load.profile ?? profile)
                } catch {
                    return .saveFailed(error.text(state.language))
                }
            case .redraw:
                terminal.invalidate()
                return nil
            case .saveLanguage(let language):
                config.saveLanguage(language)
                return nil
            }
        }
    }

    /// The current state, for tests and for what is said on leaving.
    public var currentState: PrepareState { program.state }

    /// Runs until `q`, Esc or a quit signal. Every change is saved before it is shown, so
    /// leaving at any moment loses nothing.
    public func run() -> Int32 { program.run() }

    /// Feeds one input event through the update and performs the effects.
    public func handle(_ event: InputEvent) { program.handle(event) }

    public func draw() { program.draw() }
}

/// The form as the runtime sees it: its update, view and key table.
enum PrepareScreen: ProgramScreen {
    static func action(for input: ProgramInput) -> PrepareAction {
        switch input {
        case .key(let key): .key(key)
        case .click(let x, let y): .click(x: x, y: y)
        case .wheel(let d, _, _): .wheel(d)
        case .paste(let text): .paste(text)
        case .resize(let w, let h): .resize(width: w, height: h)
        case .tick(let now): .tick(now)
        }
    }

    static func update(_ action: PrepareAction, _ state: inout PrepareState) -> [PrepareEffect] {
        PrepareUpdate.apply(action, to: &state)
    }

    static func view(_ state: PrepareState) -> Canvas { PrepareView.render(state) }
    static var quit: PrepareAction { .quit }
    static func boundAction(for key: Key) -> PrepareAction? { PrepareKeys.action(for: key) }
    static func isFinished(_ state: PrepareState) -> Bool { state.shouldQuit }
    static func size(_ state: PrepareState) -> (width: Int, height: Int) { (state.width, state.height) }
    static func words(_ state: PrepareState) -> Words { state.words }
    static func theme(_ state: PrepareState) -> Theme { state.theme }
    static var minimumSize: (width: Int, height: Int) { (Layout.minimumWidth, Layout.minimumHeight) }

    /// A minute at most, so a form left open past midnight dates a tip right.
    static func timeoutMilliseconds(_ state: PrepareState, now: Timestamp) -> Int { 60_000 }
}
