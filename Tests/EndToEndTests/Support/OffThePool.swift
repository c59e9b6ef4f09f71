import Foundation
import Testing

/// Runs each test of a suite on a thread of its own, at most `OffThePool.width` at a time.
///
/// The end-to-end tests wait: for tmux, for the program to draw, for a file, for a child
/// process (`waitpid`, `Thread.sleep`). Swift Testing runs tests on the concurrency runtime's
/// pool, one thread per core (two here); each of those waits held a pool thread, libdispatch
/// added threads only slowly (10 were seen), and the unit tests waited behind the sleeping
/// terminal tests. On a thread of its own a test's waits hold nobody else up, so several
/// terminals run side by side while the unit tests keep the pool. Each test still runs whole
/// on its thread, with its own tmux server and home, exactly as before.
///
/// Applied to a suite: `@Suite(.offThePool, ...)`; a suite that prints with Chromium takes
/// `.offThePool(.printing)`, a lane of its own, two tests at a time. A `.serialized` suite
/// stays serialized.
struct OffThePool: SuiteTrait, TestTrait, TestScoping {
    enum Lane: Sendable {
        /// Tests that drive the program in tmux or run it: `width` at a time.
        case terminal
        /// Tests that print with headless Chromium: two at a time, beside the terminal tests.
        /// Each Chromium is several processes and about a second of CPU; up to six at once on
        /// a small machine starved the terminal tests beside them (a stand-in xclip once took
        /// more than the program's 3 s, and "Copied" never came); one at a time made printing
        /// the last 20 s of the run.
        case printing
    }

    var lane: Lane = .terminal

    /// How many such tests run at once: `LOSTPHONE_E2E_JOBS`, else the cores plus two (a
    /// terminal test mostly waits, but the program it drives needs the CPU too; four here, as
    /// fast as six in a run of EndToEndTests, and less for a slow neighbour to wait on).
    static let width: Int = {
        if let text = ProcessInfo.processInfo.environment["LOSTPHONE_E2E_JOBS"], let n = Int(text), n > 0 { return n }
        return ProcessInfo.processInfo.activeProcessorCount + 2
    }()

    static let terminalSlots = Slots(OffThePool.width)
    static let printingSlots = Slots(2)

    var isRecursive: Bool { true }

    // Said, not inferred: left to inference it is Trait's default, Never, and the scope below
    // is never asked for.
    typealias TestScopeProvider = OffThePool

    /// Once per test case (each argument of a parameterized test on its own), never around a
    /// whole suite.
    func scopeProvider(for test: Test, testCase: Test.Case?) -> OffThePool? {
        testCase == nil ? nil : self
    }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let slots = lane == .printing ? OffThePool.printingSlots : OffThePool.terminalSlots
        await slots.acquire()
        let thread = OwnThread()
        do {
            try await withTaskExecutorPreference(thread) { try await function() }
        } catch {
            thread.finish()
            await slots.release()
            throw error
        }
        thread.finish()
        await slots.release()
    }

    /// A counting semaphore whose waiters suspend (never block a thread).
    actor Slots {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(_ count: Int) { free = count }

        func acquire() async {
            if free > 0 { free -= 1; return }
            await withCheckedContinuation { waiting.append($0) }
        }

        func release() {
            if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
        }
    }
}

extension Trait where Self == OffThePool {
    /// Each test on a thread of its own (see `OffThePool`).
    static var offThePool: OffThePool { OffThePool() }

    /// Each test on a thread of its own, in `lane` (see `OffThePool`).
    static func offThePool(_ lane: OffThePool.Lane) -> OffThePool { OffThePool(lane: lane) }
}

/// A task executor with one thread: the jobs of the task that prefers it run there, one after
/// another, until `finish()`.
final class OwnThread: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var finished = false

    init() {
        // The thread holds its executor until it ends.
        let thread = Thread {
            // Named for ps and top (a thread is otherwise named after the one that made it).
            try? "lp-e2e".write(toFile: "/proc/thread-self/comm", atomically: false, encoding: .utf8)
            self.run()
        }
        // A test's own stack as deep as the cooperative pool's threads give it.
        thread.stackSize = 8 << 20
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        if finished {
            // Work left over from the test's task after its scope ended: the shared pool runs it.
            condition.unlock()
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
            return
        }
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread once the jobs enqueued so far have run.
    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty { condition.unlock(); return }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
