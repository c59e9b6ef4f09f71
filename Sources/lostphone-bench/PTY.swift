import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program on a pseudo-terminal of its own, as a person's terminal runs it: its own session,
/// the terminal as its controlling one, a fixed size. It runs under GNU time, which forks it
/// from its own small process and writes its peak memory: a child this benchmark started
/// directly would report this benchmark's peak (the high-water mark survives fork and exec).
final class PTYProgram {
    let master: Int32
    let pid: pid_t
    /// When the program was started (`now()`).
    let startedAt: UInt64
    private let rssFile: String
    private var exited = false
    /// Whether the program asked for application cursor keys (DECCKM), so arrows come as ESC O.
    private(set) var applicationCursorKeys = false

    /// What came out in one stretch of output.
    struct Burst {
        var bytes = 0
        /// When its first and last bytes were read (`now()`); nil when nothing came.
        var firstAt: UInt64?
        var lastAt: UInt64?
    }

    /// Starts `executable` on an 80x24 (or `width` x `height`) terminal. `scratch` is where GNU
    /// time writes the peak memory.
    init(_ executable: String, _ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24,
         scratch: String) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw BenchError("openpty: \(String(cString: strerror(errno)))") }
        let slaveName = String(cString: ttyname(slave))
        close(slave)
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        self.master = master
        // posix_spawn rather than forkpty: forking this multi-threaded process is unsafe. After
        // setsid, opening the terminal by name makes it the child's controlling terminal.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(spawnSetSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        rssFile = scratch + "/rss-\(UUID().uuidString)"
        let argv = (["/usr/bin/time", "-f", "%M", "-o", rssFile, executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        startedAt = now()
        let rc = posix_spawn(&child, "/usr/bin/time", &actions, &attributes, argv, envp)
        guard rc == 0 else {
            close(master)
            throw BenchError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
    }

    /// Reads output until the program has been quiet for `quietMs` after writing (and after
    /// `marker` appeared in this stretch, when given), or until `limitMs` passed.
    func read(quietMs: Int = 30, limitMs: Int = 5000, marker: String? = nil) -> Burst {
        var burst = Burst()
        var seen: [UInt8] = []
        var markerSeen = marker == nil
        let wanted = Array((marker ?? "").utf8)
        let deadline = now() + UInt64(limitMs) * 1_000_000
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let t = now()
            let left = deadline > t ? Int((deadline - t) / 1_000_000) : 0
            let waiting = burst.lastAt != nil && markerSeen ? min(quietMs, left) : min(250, left)
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(waiting))
            if ready <= 0 {
                if (burst.lastAt != nil && markerSeen) || left == 0 { break }
                continue
            }
            let n = Glibc.read(master, &buffer, buffer.count)
            if n <= 0 { break }   // EIO: the program closed the terminal
            let at = now()
            if burst.firstAt == nil { burst.firstAt = at }
            burst.lastAt = at
            burst.bytes += n
            noteCursorMode(buffer[0..<n])
            if !markerSeen {
                seen.append(contentsOf: buffer[0..<n])
                markerSeen = contains(seen, wanted)
            }
        }
        return burst
    }

    private static let cursorOn = Array("\u{1B}[?1h".utf8), cursorOff = Array("\u{1B}[?1l".utf8)

    /// Follows DECCKM as a terminal would: the last of set and reset in the output wins.
    private func noteCursorMode(_ chunk: ArraySlice<UInt8>) {
        let bytes = Array(chunk)
        let on = lastIndex(of: Self.cursorOn, in: bytes), off = lastIndex(of: Self.cursorOff, in: bytes)
        switch (on, off) {
        case (let on?, let off?): applicationCursorKeys = on > off
        case (_?, nil): applicationCursorKeys = true
        case (nil, _?): applicationCursorKeys = false
        case (nil, nil): break
        }
    }

    private func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in stride(from: haystack.count - needle.count, through: 0, by: -1) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Writes `bytes` as typed; returns when (`now()`).
    @discardableResult
    func send(_ bytes: String) -> UInt64 {
        let at = now()
        _ = bytes.withCString { write(master, $0, strlen($0)) }
        return at
    }

    /// Sends `quit`, waits up to `graceMs` for the program to end (hanging it up after that),
    /// and returns its peak resident memory in KiB, nil when it did not end by itself.
    func finish(quit: String, graceMs: Int = 5000) -> Int? {
        send(quit)
        var status: Int32 = 0
        let deadline = now() + UInt64(graceMs) * 1_000_000
        while !exited && now() < deadline {
            _ = read(quietMs: 5, limitMs: 5)
            if waitpid(pid, &status, WNOHANG) == pid { exited = true }
        }
        close(master)   // a hang-up for whatever is left on the terminal
        if !exited {
            kill(pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            exited = true
            unlink(rssFile)
            return nil
        }
        defer { unlink(rssFile) }
        let text = (try? String(contentsOfFile: rssFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.last
    }
}

/// glibc's POSIX_SPAWN_SETSID, which Swift's Glibc module does not bring in.
private let spawnSetSID: Int32 = 0x80

/// What every program on a pseudo-terminal gets: a home, state, configuration and cache of its
/// own under `folder`, an xterm, UTF-8.
func terminalEnvironment(_ folder: String) -> [String: String] {
    ["HOME": folder + "/home", "TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "TZ": "Asia/Shanghai",
     "XDG_STATE_HOME": folder + "/state", "XDG_CONFIG_HOME": folder + "/config", "XDG_CACHE_HOME": folder + "/cache"]
}

/// Whether the pseudo-terminal measures can run at all.
var hasGNUTime: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/time") }
