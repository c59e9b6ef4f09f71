import Foundation

/// A value computed on another thread, waited for when needed: start-up reads the playbook and
/// the journal at the same time (on a long incident each takes about a second).
final class Pending<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)
    /// Touched only by the thread that calls `get`; the semaphore orders the write of `value`.
    private var waited = false

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            value = work()
            done.signal()
        }
    }

    /// Waits for the value (once; later calls return it at once). Call from one thread.
    func get() -> Value {
        if !waited { done.wait(); waited = true }
        return value!
    }
}
