/// Pieces of YAML (and broken UTF-8) that make the parser take its rarer paths.
let yamlTokens: [[UInt8]] = [
    ": ", "- ", "&a ", "*a", "{", "}", "[", "]", "\t", "\u{1B}[31m", "\u{0}", "\n", "\r", "\r\n", "  ", "#",
    "? ", "|", ">", "!!str ", "!!binary ", "!custom ", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2026:\n",
    "\"", "'", "\\", "\"\\u0000\"", "\"\\e[2J\"", "\u{202E}", "\u{2028}", "\u{85}", "\u{FEFF}", "~", "null",
    "yes", "no", "0x1F", "1e999", "-1", "99999999999999999999", "<<: *a\n", ",", "@", "`", "%",
    "zh", "en", "id: ", "priority: ", "phone: ", "fg: ", "bg: ", "#ff00ff", "bright-red", "256",
    "\"\\e]0;x\\a\": ", "\"\\e]0;x\\a\": 1\n", "\"\\x1b[2J\": ", "\"\\u202e\"", "\"\\N\"", "\"\\0\"",
].map { Array($0.utf8) } + [
    [0xFF], [0xFE], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
]

/// Pieces of JSON and of the journal's own fields, for the journal.
let jsonTokens: [[UInt8]] = [
    "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\ud800", "\\udc00x", "\\n", "null", "true", "false",
    "-1", "0", "1e309", "-0", "9223372036854775808", "1.5", "\n", "\r\n", "\r", " ", "\u{0}", "\u{1B}[31m",
    "\"seq\":", "\"seq\":1,", "\"seq\":2,", "\"kind\":\"opened\"", "\"kind\":\"undo\"", "\"kind\":\"move\"",
    "\"kind\":\"resolved\"", "\"undoes\":0,", "\"undoes\":-5,", "\"undoes\":99999,", "\"undoes\":2,",
    "\"from\":\"done\"", "\"to\":\"pending\"", "\"to\":\"skipped\"", "\"step\":\"sim\",", "\"step\":\"\",",
    "\"at\":\"2026-13-45T25:61:61.000+08:00\"", "\"at\":\"\"", "\"at\":\"2026-11-24T21:00:00Z\"",
    "\"at\":\"0000-01-01T00:00:00.000+99:99\"", "\"lostAt\":\"x\"", "\"seq\":1,\"at\":\"2026-11-24T21:00:00.000+08:00\",\"kind\":\"opened\"}",
    "\u{FEFF}", "\u{2028}",
].map { Array($0.utf8) } + [
    [0xFF], [0xFE], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x80],
]

/// Makes one input from a seed: stacked byte, token and line edits, all drawn from `rng`.
struct Mutator {
    var rng: SplitMix
    let tokens: [[UInt8]]
    /// The largest input worth making: a little over the size limit.
    let sizeLimit: Int

    /// Where the last insertion went: line edits often return to it, so two edits can build
    /// on each other (a key inserted, then its line duplicated into a duplicate key).
    var focus: Int? = nil

    mutating func position(in b: [UInt8]) -> Int { rng.below(b.count + 1) }

    /// The start of a line (just after a newline), for line-level edits: half the time the
    /// line of the last insertion, otherwise a random one.
    mutating func lineStart(in b: [UInt8]) -> Int {
        guard !b.isEmpty else { return 0 }
        var i = rng.below(b.count)
        if let focus, focus < b.count, rng.chance(50) { i = focus }
        while i > 0 && b[i - 1] != 0x0A { i -= 1 }
        return i
    }

    mutating func lineRange(in b: [UInt8]) -> Range<Int> {
        let start = lineStart(in: b)
        var end = start
        while end < b.count && b[end] != 0x0A { end += 1 }
        return start..<min(end + 1, b.count)
    }

    mutating func chunk(of b: [UInt8], maxLength: Int = 256) -> Range<Int> {
        guard !b.isEmpty else { return 0..<0 }
        let start = rng.below(b.count)
        let length = 1 + rng.below(min(maxLength, b.count - start))
        return start..<(start + length)
    }

    mutating func longLine() -> [UInt8] {
        let unit: [UInt8] = rng.chance(50) ? rng.pick(tokens) : [rng.pick(Array("aZ9 :-[{\"\\é字".utf8))]
        let total = rng.chance(5) ? sizeLimit + 1 + rng.below(4096) : 1000 + rng.below(100_000)
        var line: [UInt8] = []
        line.reserveCapacity(total + unit.count)
        while line.count < total { line += unit.isEmpty ? [0x61] : unit }
        return line
    }

    /// One to eight stacked mutations of `input`; `other` is another seed, for splicing.
    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var b = input
        let rounds = 1 + (rng.chance(60) ? 0 : rng.below(8))
        for _ in 0..<rounds {
            switch rng.below(18) {
            case 0: // flip a bit
                if !b.isEmpty { let i = rng.below(b.count); b[i] ^= UInt8(1) << UInt8(rng.below(8)) }
            case 1: // overwrite a byte
                if !b.isEmpty { b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
            case 2: // insert random bytes
                let n = 1 + rng.below(8)
                b.insert(contentsOf: (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: position(in: b))
            case 3: // delete a range
                if !b.isEmpty { b.removeSubrange(chunk(of: b, maxLength: rng.chance(80) ? 8 : 512)) }
            case 4: // duplicate a chunk somewhere
                if !b.isEmpty { let c = Array(b[chunk(of: b)]); b.insert(contentsOf: c, at: position(in: b)) }
            case 5: // truncate
                b.removeSubrange(rng.below(b.count + 1)...)
            case 6: // splice: a prefix of this and a suffix of the other
                let cut = rng.below(b.count + 1), from = rng.below(other.count + 1)
                b = Array(b[..<cut]) + Array(other[from...])
            case 7: // insert a chunk of the other seed
                if !other.isEmpty { b.insert(contentsOf: Array(other[chunk(of: other)]), at: position(in: b)) }
            case 8, 9, 10: // insert a significant token, often at a line start or after a colon
                let token = rng.pick(tokens)
                var at = rng.chance(40) ? lineStart(in: b) : position(in: b)
                if rng.chance(25), let colon = b[at...].firstIndex(of: 0x3A) { at = colon + 1 }
                at = min(at, b.count)
                b.insert(contentsOf: token, at: at)
                focus = at
            case 11: // replace a chunk with a token
                if !b.isEmpty { b.replaceSubrange(chunk(of: b, maxLength: 16), with: rng.pick(tokens)) }
            case 12: // a very long line
                if rng.chance(30) { b.insert(contentsOf: longLine() + [0x0A], at: lineStart(in: b)) }
            case 13: // delete a line
                if !b.isEmpty { b.removeSubrange(lineRange(in: b)) }
            case 14: // duplicate a line, right after itself (a duplicate key) or elsewhere
                if !b.isEmpty {
                    let range = lineRange(in: b), line = Array(b[range])
                    b.insert(contentsOf: line, at: rng.chance(50) ? range.upperBound : lineStart(in: b))
                }
            case 15: // swap two lines
                if !b.isEmpty {
                    let r1 = lineRange(in: b), line1 = Array(b[r1])
                    b.removeSubrange(r1)
                    let r2 = lineRange(in: b), line2 = Array(b[r2])
                    b.replaceSubrange(r2, with: line1)
                    b.insert(contentsOf: line2, at: min(r1.lowerBound, b.count))
                }
            case 16: // change indentation
                let at = lineStart(in: b)
                if rng.chance(50) { b.insert(contentsOf: [UInt8](repeating: 0x20, count: 1 + rng.below(6)), at: at) }
                else { var end = at; while end < b.count && b[end] == 0x20 && end - at < 4 { end += 1 }; b.removeSubrange(at..<end) }
            default: // replace a number with an extreme one
                var digit: Int? = nil
                for _ in 0..<8 where digit == nil && !b.isEmpty {
                    let i = rng.below(b.count)
                    if (0x30...0x39).contains(b[i]) { digit = i }
                }
                if let i = digit {
                    var end = i
                    while end < b.count && (0x30...0x39).contains(b[end]) { end += 1 }
                    let numbers = ["0", "-1", "1", "2", "100", "65535", "2147483648", "9223372036854775807", "99999999999999999999", "1e9", "0x10"]
                    b.replaceSubrange(i..<end, with: Array(rng.pick(numbers).utf8))
                }
            }
            if b.count > sizeLimit + 8192 { b.removeSubrange((sizeLimit + 8192)...) }
        }
        return b
    }
}
