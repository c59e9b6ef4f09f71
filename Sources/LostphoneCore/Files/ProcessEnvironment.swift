#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment as the dictionary every part of lostphone is handed (tests hand
/// their own), read straight from libc's `environ`. `ProcessInfo.processInfo.environment` gave
/// the same dictionary, but its first use set up `ProcessInfo` itself and Foundation's lock and
/// string machinery: about 0.45 ms of a full-screen start of some 13 ms (perf, 60 starts of
/// the static release binary), for some thirty `NAME=value` strings.
public enum ProcessEnvironment {
    /// Every `NAME=value` of the environment; for a name given twice, the first, as `getenv`
    /// answers. An entry without `=` is not a variable and is left out.
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        let first: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard var entry = first else { return result }
        while let pointer = entry.pointee {
            add(String(cString: pointer), to: &result)
            entry += 1
        }
        return result
    }

    /// One `NAME=value` entry into `environment`, unless the name is there already.
    static func add(_ entry: String, to environment: inout [String: String]) {
        guard let equals = entry.utf8.firstIndex(of: UInt8(ascii: "=")) else { return }
        let name = String(entry[..<equals])
        if environment[name] == nil { environment[name] = String(entry[entry.index(after: equals)...]) }
    }
}
