import LostphoneCore

/// What reaches a screen from outside, whatever the terminal sent: the runtime turns every
/// input event, the clock and the terminal's size into one of these, and the screen's
/// `action(for:)` into its own action.
public enum ProgramInput: Hashable, Sendable {
    case key(Key)
    case click(x: Int, y: Int)
    /// The wheel turned `delta` rows (down positive) over a cell.
    case wheel(Int, x: Int, y: Int)
    case paste(String)
    case resize(width: Int, height: Int)
    /// The clock, read once before each input (and on each timeout), so whatever the input
    /// does sees the time it happened.
    case tick(Timestamp)
}

/// One full screen as the runtime drives it: a pure update over the screen's own state, action
/// and effect types, a view, and its key table's answers to the questions every screen shares.
public protocol ProgramScreen {
    associatedtype State
    associatedtype Action: Equatable
    associatedtype Effect

    /// The action an input asks for.
    static func action(for input: ProgramInput) -> Action
    /// The one entry point: every input, tick and effect result arrives here as an action.
    static func update(_ action: Action, _ state: inout State) -> [Effect]
    /// The whole screen for a state.
    static func view(_ state: State) -> Canvas
    /// The action that leaves; below the minimum size the keys bound to it are the only ones
    /// that work.
    static var quit: Action { get }
    /// What a key asks for in the screen's key table, when nothing has the focus.
    static func boundAction(for key: Key) -> Action?
    static func isFinished(_ state: State) -> Bool
    /// How long to wait for input before reading the clock again.
    static func timeoutMilliseconds(_ state: State, now: Timestamp) -> Int
    /// The size the state was last drawn for (the terminal's may already be newer, its resize
    /// still queued behind keys). Below the minimum nothing but the too-small message is shown,
    /// in these words and colours.
    static func size(_ state: State) -> (width: Int, height: Int)
    static var minimumSize: (width: Int, height: Int) { get }
    static func words(_ state: State) -> Words
    static func theme(_ state: State) -> Theme
}

/// The one runtime of every full screen: read input, tick, update, perform effects, draw.
/// It never writes into the state: input, the clock and every effect's result reach it as
/// actions through the screen's `update`. Signals, resizes, pastes and the too-small screen
/// are handled here, the same way for every screen.
public final class Program<Screen: ProgramScreen> {
    public private(set) var state: Screen.State
    private let terminal: any TerminalBackend
    private let clock: any WallClock
    private let glyphFallback: GlyphFallback
    /// Performs one effect at the edge (disk, terminal, clipboard); returns the action that
    /// reports its result, if it has one.
    private let perform: (Screen.Effect, Screen.State) -> Screen.Action?
    /// Called once the first frame is on screen (the crash test traps here).
    public var afterFirstFrame: () -> Void = {}
    /// Answers of effects that finish later, on other threads (a clipboard program): taken
    /// each time round the loop, which wakes at least once a second for the clock.
    public let inbox: ActionInbox<Screen.Action>

    public init(state: Screen.State, terminal: any TerminalBackend, clock: any WallClock, glyphFallback: GlyphFallback,
                inbox: ActionInbox<Screen.Action> = ActionInbox(),
                perform: @escaping (Screen.Effect, Screen.State) -> Screen.Action?) {
        self.state = state
        self.terminal = terminal
        self.clock = clock
        self.glyphFallback = glyphFallback
        self.inbox = inbox
        self.perform = perform
    }

    /// Runs until the screen is finished (exit status 0) or a quit signal arrives (128 + the
    /// signal, as a shell reports it).
    public func run() -> Int32 {
        draw()
        afterFirstFrame()
        while true {
            let event = terminal.read(timeoutMilliseconds: Screen.timeoutMilliseconds(state, now: clock.now()))
            if case .signal(let s) = event { return 128 + s }
            dispatch(.tick(clock.now()))
            deliverLateAnswers()
            if let event { handle(event) }
            if Screen.isFinished(state) { return 0 }
            draw()
        }
    }

    /// Whether the screen the person sees is below the minimum size: the state's size, as
    /// drawn, not the terminal's, which may have grown while keys typed on the small screen
    /// are still queued before the resize.
    public var isTooSmall: Bool {
        let size = Screen.size(state)
        return size.width < Screen.minimumSize.width || size.height < Screen.minimumSize.height
    }

    /// Feeds one input event through the update and performs the effects. Below the minimum
    /// size nothing is seen, so nothing but leaving is done.
    public func handle(_ event: InputEvent) {
        switch event {
        case .resize:
            dispatch(.resize(width: terminal.width, height: terminal.height))
        case .key(let key) where isTooSmall:
            if Screen.boundAction(for: key) == Screen.quit { send(Screen.quit) }
        case .key(let key): dispatch(.key(key))
        case _ where isTooSmall: break
        case .click(let x, let y): dispatch(.click(x: x, y: y))
        case .wheelUp(let x, let y): dispatch(.wheel(-1, x: x, y: y))
        case .wheelDown(let x, let y): dispatch(.wheel(1, x: x, y: y))
        case .paste(let text): dispatch(.paste(text))
        case .signal: break
        }
    }

    /// Draws the screen's view, or below the minimum size the message saying how large the
    /// terminal must be (the same on every screen).
    public func draw() {
        let canvas: Canvas
        if isTooSmall {
            let (width, height) = Screen.size(state)
            let theme = Screen.theme(state)
            var small = Canvas(width: width, height: height, style: theme[.text])
            TooSmallView.draw(&small, words: Screen.words(state), theme: theme, width: width, height: height)
            canvas = small
        } else {
            canvas = Screen.view(state)
        }
        terminal.draw(glyphFallback.apply(to: canvas))
    }

    private func dispatch(_ input: ProgramInput) { send(Screen.action(for: input)) }

    /// Sends what effects answered since the last time, in the order they answered.
    public func deliverLateAnswers() {
        for action in inbox.take() { send(action) }
    }

    /// Updates with `action`, then performs the effects in order; each result goes back through
    /// the update, and the effects it returns join the queue.
    public func send(_ action: Screen.Action) {
        var queue = Screen.update(action, &state)[...]
        while let effect = queue.popFirst() {
            if let answer = perform(effect, state) { queue += Screen.update(answer, &state) }
        }
    }
}
