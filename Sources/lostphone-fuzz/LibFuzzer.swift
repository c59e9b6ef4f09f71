// Coverage-guided fuzzing with libFuzzer: the same targets and rules as the mutation fuzzer,
// with libFuzzer choosing the inputs from the code coverage they reach. Built only by
// scripts/fuzz.sh --libfuzzer, with `-sanitize=fuzzer,address -DLIBFUZZER`: the program's own
// main stays (so libFuzzer's main is never linked in) and hands over to LLVMFuzzerRunDriver,
// libFuzzer's entry for programs that keep their main.

#if LIBFUZZER
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's driver: parses libFuzzer's flags from argv, then calls `callback` per input.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The parser under test; a C callback cannot capture it.
nonisolated(unsafe) var libFuzzerParser: (any FuzzTarget)?
/// The work folder, removed at exit (an atexit handler cannot capture either).
nonisolated(unsafe) var libFuzzerWorkDirectory: UnsafeMutablePointer<CChar>?

/// Runs libFuzzer on `target`; `arguments` are libFuzzer's (a corpus folder, -max_total_time=N…).
/// A broken rule prints it and aborts, which libFuzzer reports as a crash and keeps the input.
func runLibFuzzer(_ target: Target, arguments: [String], workDirectory: String) -> Int32 {
    let parser = makeTarget(target, workDirectory: workDirectory)
    libFuzzerParser = parser
    var argv: [UnsafeMutablePointer<CChar>?] = ([CommandLine.arguments[0]] + arguments).map { strdup($0) } + [nil]
    var argc = Int32(argv.count - 1)
    return argv.withUnsafeMutableBufferPointer { buffer in
        var base: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
        return LLVMFuzzerRunDriver(&argc, &base) { data, size in fuzzOneInput(data, size) }
    }
}

/// One input, as libFuzzer calls it; also exported under the name libFuzzer's runtime links
/// against. A broken rule aborts, which libFuzzer reports as a crash and keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let parser = libFuzzerParser else { return 0 }
    let input = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do throws(Failure) {
        _ = try parser.run(input)
    } catch {
        FileHandle.standardError.write(Data("lostphone-fuzz: a rule was broken: \(error.rule): \(error.detail)\n".utf8))
        abort()
    }
    return 0
}

/// The seeds of `target`, written as files into `directory` (libFuzzer's starting corpus).
func writeSeeds(_ target: Target, to directory: String, workDirectory: String) {
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (n, seed) in makeTarget(target, workDirectory: workDirectory).seeds.enumerated() {
        _ = FileManager.default.createFile(atPath: "\(directory)/seed-\(n)", contents: Data(seed.bytes))
    }
}
#endif
