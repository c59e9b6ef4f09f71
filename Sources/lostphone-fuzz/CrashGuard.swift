// What the process does when a parser crashes or hangs: it saves the input being parsed, from
// the signal handler, so the failure can be replayed.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The input under test and where to save it if the process dies. Only raw memory: a signal
/// handler may not allocate, lock or touch Swift objects.
enum Current {
    nonisolated(unsafe) static var bytes: UnsafeMutablePointer<UInt8>? = nil
    nonisolated(unsafe) static var count = 0
    nonisolated(unsafe) static var capacity = 0
    /// NUL-terminated paths and the note printed on a crash, prepared before the run.
    nonisolated(unsafe) static var crashPath: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) static var crashNote: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) static var crashNoteLength = 0
    /// The number of the input being parsed, written after the note.
    nonisolated(unsafe) static var inputNumber = 0
    /// The handlers installed before ours, by signal number.
    nonisolated(unsafe) static var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    static let hangSeconds: UInt32 = 20

    static func set(_ input: [UInt8], number: Int) {
        if input.count > capacity {
            capacity = max(input.count, capacity * 2, 1 << 16)
            bytes?.deallocate()
            bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        }
        input.withUnsafeBufferPointer { if let base = $0.baseAddress, let bytes { bytes.update(from: base, count: $0.count) } }
        count = input.count
        inputNumber = number
    }

    static func prepare(crashFile: String, target: Target, seed: UInt64) {
        crashPath?.deallocate()
        crashNote?.deallocate()
        crashPath = strdup(crashFile)
        let note = "\nlostphone-fuzz: \(target.rawValue): the parser crashed or hung; its input is saved at \(crashFile)."
            + " Replay: lostphone-fuzz --target \(target.rawValue) --seed \(seed) --input "
        crashNote = strdup(note)
        crashNoteLength = note.utf8.count
    }
}

/// Writes the current input to the prepared crash file. Async-signal-safe: only system calls.
func saveCurrentInputFromSignalHandler() {
    _ = mkdir("fuzz-out", 0o755)
    if let path = Current.crashPath {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
            var offset = 0
            while offset < Current.count, let bytes = Current.bytes {
                let n = write(fd, bytes + offset, Current.count - offset)
                if n <= 0 { break }
                offset += n
            }
            _ = close(fd)
        }
    }
    if let note = Current.crashNote { _ = write(2, note, Current.crashNoteLength) }
    // The input number, in decimal, without allocating.
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
        var n = Current.inputNumber
        var i = buffer.count - 1
        buffer[i] = 0x0A
        repeat { i -= 1; buffer[i] = UInt8(0x30 + n % 10); n /= 10 } while n > 0 && i > 0
        _ = write(2, buffer.baseAddress! + i, buffer.count - i)
    }
}

/// On a fatal signal: save the input, let the previous handler (Swift's backtracer) print its
/// backtrace, then die of the same signal, whether it came from a fault, abort() or kill. The
/// handler is installed with SA_NODEFER, so each raise below is delivered at once.
func fatalSignalHandler(_ signal: Int32) {
    saveCurrentInputFromSignalHandler()
    if signal == SIGALRM {
        // One input ran for hangSeconds: a hang.
        _exit(3)
    }
    _ = sigaction(signal, Current.previousActions + Int(signal), nil)
    _ = raise(signal)
    // The backtracer returned (it does for a signal sent with kill): die by the default action.
    var fallback = sigaction()
    _ = sigaction(signal, &fallback, nil)
    _ = raise(signal)
}

func installSignalHandlers() {
    // Stack overflows arrive on an exhausted stack: give the handler its own.
    let size = 1 << 18
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    stack.ss_size = size
    stack.ss_flags = 0
    _ = sigaltstack(&stack, nil)
    for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGALRM] {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = fatalSignalHandler
        #else
        action.__sigaction_u.__sa_handler = fatalSignalHandler
        #endif
        action.sa_flags = Int32(SA_ONSTACK | SA_NODEFER)
        sigemptyset(&action.sa_mask)
        (Current.previousActions + Int(signal)).initialize(to: sigaction())
        _ = sigaction(signal, &action, Current.previousActions + Int(signal))
    }
}
