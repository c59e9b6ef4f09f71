// The `keys` target: random bytes from a terminal through KeyDecoder. Invariants:
//
// - a key that records or exports (s d b x r, Space, e) comes out no more often than its byte
//   occurs outside escape sequences, a terminal's strings (OSC, DCS, APC, PM, SOS, in their ESC
//   and 8-bit forms) and bracketed pastes, as an independent scan of the input counts them:
//   nothing pasted, and nothing inside a sequence or a terminal's reply, ever runs as such a key;
// - the events do not depend on how the bytes were split into reads (all at once, one by one,
//   in random pieces), as long as input never went quiet in between;
// - no paste holds more than KeyDecoder.pasteLimit code points (the limit is on the bytes kept;
//   an invalid byte decodes to U+FFFD, three bytes in UTF-8), and there are never more events
//   than bytes (plus one for the final flush).

import LostphoneTUI

/// The key decoder behind the common target interface. How an input is split into reads comes
/// from its own generator, the same sequence every run.
final class KeysTarget: FuzzTarget {
    let seeds = keySeeds()
    let tokens = keyTokens
    let sizeLimit = 64 * 1024
    private var rng = SplitMix(seed: 0x6B65_7973)

    func run(_ input: [UInt8]) throws(Failure) -> Outcome { try runKeys(input, rng: &rng) }
}

/// The keys whose action records an event or writes a file, by the key table.
let recordingKeys: [UInt8] = Array("sdbxr e".utf8)

func keySeeds() -> [Seed] {
    let samples: [(String, String)] = [
        ("typing", "d95588 ref x2\r"),
        ("arrows", "\u{1B}[A\u{1B}[B\u{1B}OC\u{1B}OD\u{1B}[1;5A\u{1B}[Z"),
        ("home and end", "\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF"),
        ("paste", "n\u{1B}[200~95588 ref x2\r\nsdbxr e\u{1B}[A\u{1B}[201~\r"),
        ("mouse", "\u{1B}[M +%\u{1B}[<0;12;5M\u{1B}[<0;12;5m\u{1B}[<64;3;3M\u{1B}[Msdb"),
        ("unknown sequences", "\u{1B}[99;5~\u{1B}[?1;2c\u{1B}]0;title\u{7}\u{1B}O5R\u{1B}[1;2Pq"),
        ("utf-8", "中文 ⚠️ 👍🏽 👨‍👩‍👧 🇨🇳 é"),
        ("escape keys", "\u{1B}\u{1B}d\u{1B}s\u{1B}"),
        ("terminal replies", "\u{1B}]11;rgb:0000/0000/0000\u{1B}\\\u{1B}P>|XTerm(367)\u{1B}\\\u{1B}]d\u{7}\u{1B}_dd\u{1B}\\\u{1B}^dd\u{1B}\\\u{1B}Xdd\u{1B}\\"),
    ]
    // The 8-bit forms, as raw bytes and as code points in UTF-8.
    let eightBit: [UInt8] = [0x9D, 0x64, 0x64, 0x9C, 0x90, 0x73, 0x9C, 0xC2, 0x9F, 0x62, 0xC2, 0x9C, 0x9B, 0x41, 0xC2, 0x8F, 0x42]
    // A terminal's replies are swallowed whole: that seed gives no event at all, which this
    // target counts as refused.
    return samples.map { Seed(name: $0.0, bytes: Array($0.1.utf8), expected: $0.0 == "terminal replies" ? .refused : .accepted) }
        + [Seed(name: "8-bit controls", bytes: eightBit)]
}

let keyTokens: [[UInt8]] = [
    "\u{1B}", "\u{1B}[", "\u{1B}O", "\u{1B}[200~", "\u{1B}[201~", "\u{1B}[20", "\u{1B}[<", "\u{1B}[M", "~", ";",
    "1", "4", "200", "201", "5", "?", "<", "M", "m", "s", "d", "b", "x", "r", " ", "e", "\r", "\n", "\u{7F}",
    "\u{1B}]", "\u{7}", "\u{1B}\\", "中", "⚠️", "\u{1B}P", "\u{1B}_", "\u{1B}^", "\u{1B}X", "\u{18}", "\u{1A}", "11;rgb:",
].map { Array($0.utf8) } + [[0x80], [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x91], [0xFF], [0x00], [0x9B], [0x8F], [0x9D], [0x90], [0x9F],
                            [0x9E], [0x98], [0x9C], [0xC2, 0x9D], [0xC2, 0x9C], [0xC2, 0x9B], [0xE6, 0x9C, 0x9C]]

/// The bytes that are neither in an escape sequence nor in a paste, found without KeyDecoder:
/// CSI is ESC [ (or 8-bit CSI) then bytes 0x20-0x3F then a final 0x40-0x7E (a byte outside
/// those ranges ends it unfinished, and counts on its own); CSI M with no parameters takes three
/// more bytes (an X10 mouse report); SS3 is ESC O (or 8-bit SS3) the same way; ESC [ 200 ~
/// starts a paste that ESC [ 201 ~ (or the end) ends. A terminal's string (ESC ] P _ ^ X, or an
/// 8-bit introducer 0x9D 0x90 0x9F 0x9E 0x98) runs to its BEL, CAN, SUB, ESC or ST.
///
/// An 8-bit control is a byte 0x80-0x9F that does not continue a UTF-8 character, or the code
/// point U+0080-U+009F (C2 80 - C2 9F); the scan follows UTF-8 outside sequences to tell them.
func freeBytes(_ input: [UInt8]) -> [UInt8] {
    var free: [UInt8] = []
    var i = 0
    let n = input.count
    var continuations = 0  // still owed by a UTF-8 character begun outside sequences
    let stringIntroducers: Set<UInt8> = [0x5D, 0x50, 0x5F, 0x5E, 0x58]
    let eightBitStrings: Set<UInt8> = [0x9D, 0x90, 0x9F, 0x9E, 0x98]
    /// A string whose content starts at `start`: where scanning goes on. UTF-8 is followed
    /// inside, so a 0x9C continuing a character (朜 is E6 9C 9C) does not end it, and C2 9C does.
    func skipString(from start: Int) -> Int {
        var j = start, owed = 0, lead: UInt8 = 0
        while j < n {
            let c = input[j]
            if owed > 0 && c & 0xC0 == 0x80 {
                owed -= 1
                if owed == 0 && lead == 0xC2 && c == 0x9C { return j + 1 }
                j += 1
                continue
            }
            owed = 0
            switch c {
            case 0x07, 0x9C, 0x18, 0x1A: return j + 1
            case 0x1B: return j + 1 < n && input[j + 1] == 0x5C ? j + 2 : j
            case 0xC2...0xDF: owed = 1; lead = c
            case 0xE0...0xEF: owed = 2; lead = c
            case 0xF0...0xF4: owed = 3; lead = c
            default: break
            }
            j += 1
        }
        return n
    }
    /// A CSI (or SS3) whose parameters start at `j`: where scanning goes on.
    func skipSequence(csi: Bool, from start: Int) -> Int {
        var j = start
        if csi && j < n && input[j] == 0x4D { return min(n, j + 4) }
        while j < n && (0x20...0x3F).contains(input[j]) { j += 1 }
        guard j < n, (0x40...0x7E).contains(input[j]) else { return j }
        if csi && input[j] == 0x7E && Array(input[start..<j]) == Array("200".utf8) {
            let end: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
            var k = j + 1
            while k + end.count <= n && Array(input[k..<(k + end.count)]) != end { k += 1 }
            return k + end.count <= n ? k + end.count : n
        }
        return j + 1
    }
    /// An 8-bit control `c` whose sequence starts at `j`: where scanning goes on, or nil when
    /// it begins nothing (it is dropped).
    func control(_ c: UInt8, from j: Int) -> Int {
        if eightBitStrings.contains(c) { return skipString(from: j) }
        if c == 0x9B { return skipSequence(csi: true, from: j) }
        if c == 0x8F { return skipSequence(csi: false, from: j) }
        return j
    }
    while i < n {
        let b = input[i]
        if continuations > 0 && b & 0xC0 == 0x80 {
            continuations -= 1
            free.append(b)
            i += 1
            continue
        }
        continuations = 0
        switch b {
        case 0x80...0x9F:
            i = control(b, from: i + 1)
            continue
        case 0xC2 where i + 1 < n && (0x80...0x9F).contains(input[i + 1]):
            i = control(input[i + 1], from: i + 2)
            continue
        case 0xC2...0xDF: continuations = 1
        case 0xE0...0xEF: continuations = 2
        case 0xF0...0xF4: continuations = 3
        default: break
        }
        guard b == 0x1B else { free.append(b); i += 1; continue }
        guard i + 1 < n else { i += 1; continue }
        let next = input[i + 1]
        if stringIntroducers.contains(next) { i = skipString(from: i + 2); continue }
        guard next == 0x5B || next == 0x4F else { i += 1; continue }
        i = skipSequence(csi: next == 0x5B, from: i + 2)
    }
    return free
}

func runKeys(_ input: [UInt8], rng: inout SplitMix) throws(Failure) -> Outcome {
    var whole = KeyDecoder()
    let events = whole.feed(input) + whole.flush()

    var single = KeyDecoder()
    var oneByOne: [InputEvent] = []
    for b in input { oneByOne += single.feed(CollectionOfOne(b)) }
    oneByOne += single.flush()
    if oneByOne != events {
        throw Failure(rule: "events depend on how the bytes were split", detail: "whole \(events.count) events, one by one \(oneByOne.count)")
    }
    var pieces = KeyDecoder()
    var pieceEvents: [InputEvent] = []
    var at = 0
    while at < input.count {
        let length = 1 + rng.below(16)
        pieceEvents += pieces.feed(input[at..<min(input.count, at + length)])
        at += length
    }
    pieceEvents += pieces.flush()
    if pieceEvents != events {
        throw Failure(rule: "events depend on how the bytes were split", detail: "whole \(events.count) events, in pieces \(pieceEvents.count)")
    }

    if events.count > input.count + 1 {
        throw Failure(rule: "more events than bytes", detail: "\(events.count) events from \(input.count) bytes")
    }
    var keys: [UInt8: Int] = [:]
    for event in events {
        switch event {
        case .key(.char(let c)):
            if let a = c.asciiValue, recordingKeys.contains(a) { keys[a, default: 0] += 1 }
        case .paste(let text):
            if text.unicodeScalars.count > KeyDecoder.pasteLimit {
                throw Failure(rule: "a paste longer than the limit", detail: "\(text.unicodeScalars.count) code points")
            }
        default: break
        }
    }
    let free = freeBytes(input)
    for (key, count) in keys {
        let allowed = free.lazy.filter { $0 == key }.count
        if count > allowed {
            throw Failure(rule: "a recording key came from a paste or an escape sequence",
                          detail: "`\(Character(Unicode.Scalar(key)))` \(count) times, \(allowed) outside sequences and pastes")
        }
    }
    return events.isEmpty ? .refused : .accepted
}
