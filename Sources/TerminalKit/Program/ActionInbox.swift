import Foundation

/// Where an effect that finishes on another thread leaves its answer for the runtime, which
/// sends it through the screen's update on its own thread: the update stays the only writer of
/// the state.
public final class ActionInbox<Action>: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Action] = []

    public init() {}

    /// Leaves an answer; safe from any thread.
    public func post(_ action: Action) {
        lock.withLock { waiting.append(action) }
    }

    /// Every answer left so far, oldest first, and none after.
    public func take() -> [Action] {
        lock.withLock {
            defer { waiting.removeAll() }
            return waiting
        }
    }
}
