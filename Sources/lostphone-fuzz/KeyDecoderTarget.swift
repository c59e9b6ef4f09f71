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
    return samples.map { Seed(name: $0.0, bytes: Array($0.1.utf8)) } + [Seed(name: "8-bit controls", bytes: eightBit)]
}

let keyTokens: [[UInt8]] = [
    "\u{1B}", "\u{1B}[", "\u{1B}O", "\u{1B}[200~", "\u{1B}[201~", "\u{1B}[20", "\u{1B}[<", "\u{1B}[M", "~", ";",
    "1", "4", "200", "201", "5", "?", "<", "M", "m", "s", "d", "b", "x", "r", " ", "e", "\r", "\n", "\u{7F}",
    "\u{1B}]", "\u{7}", "\u{1B}\\", "中", "⚠️", "\u{1B}P", "\u{1B}_", "\u{1B}^", "\u{1B}X", "\u{18}", "\u{1A}", "11;rgb:",
].map { Array($0.utf8) } + [[0x80], [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x91], [0xFF], [0x00], [0x9B], [0x8F], [0x9D], [0x90], [0x9F],
                            [0x9E], [0x98], [0x9C], [0xC2, 0x9D], [0xC2, 0x9C], [0xC2, 0x9B], [0xE6, 0x9C, 0x9C]]

/// The bytes that are neither in an escape sequence nor in a paste, found without KeyDecoder:
/// CSI is ESC [ then bytes 0x20-0x3F then a final 0x40-0x7E (a byte outside those ranges ends it
/// unfinished, and counts on its own); ESC [ M takes three more bytes (an X10 mouse report);
/// SS3 is ESC O the same way; ESC [ 200 ~ starts a paste that ESC [ 201 ~ (or the end) ends.
///
/// A terminal's string (ESC ] P _ ^ X, or an 8-bit introducer 0x9D 0x90 0x9F 0x9E 0x98 raw or
/// as C2 xx, taken as one only after an ASCII byte, where it cannot continue a character) runs
/// to the first BEL, CAN, SUB, ESC or 0x9C: ending it early only counts more bytes as free,
/// so the bound stays an upper one. An 8-bit CSI or SS3 is not modelled (its bytes count as
/// free, again only loosening the bound).
func freeBytes(_ input: [UInt8]) -> [UInt8] {
    var free: [UInt8] = []
    var i = 0
    let n = input.count
    let stringIntroducers: Set<UInt8> = [0x5D, 0x50, 0x5F, 0x5E, 0x58]
    let eightBitStrings: Set<UInt8> = [0x9D, 0x90, 0x9F, 0x9E, 0x98]
    func skipString(from start: Int) -> Int {
        var j = start
        while j < n && ![0x07, 0x18, 0x1A, 0x1B, 0x9C].contains(input[j]) { j += 1 }
        if j + 1 < n && input[j] == 0x1B && input[j + 1] == 0x5C { return j + 2 }
        return j < n && input[j] != 0x1B ? j + 1 : j
    }
    while i < n {
        let afterASCII = i == 0 || input[i - 1] < 0x80
        if afterASCII && eightBitStrings.contains(input[i]) { i = skipString(from: i + 1); continue }
        if afterASCII && input[i] == 0xC2 && i + 1 < n && eightBitStrings.contains(input[i + 1]) { i = skipString(from: i + 2); continue }
        guard input[i] == 0x1B else { free.append(input[i]); i += 1; continue }
        if i + 1 < n && stringIntroducers.contains(input[i + 1]) { i = skipString(from: i + 2); continue }
        guard i + 1 < n, input[i + 1] == 0x5B || input[i + 1] == 0x4F else { i += 1; continue }
        var j = i + 2
        if input[i + 1] == 0x5B && j < n && input[j] == 0x4D { i = min(n, j + 4); continue }
        while j < n && (0x20...0x3F).contains(input[j]) { j += 1 }
        guard j < n, (0x40...0x7E).contains(input[j]) else { i = j; continue }
        if input[i + 1] == 0x5B && input[j] == 0x7E && Array(input[(i + 2)..<j]) == Array("200".utf8) {
            let end: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
            var k = j + 1
            while k + end.count <= n && Array(input[k..<(k + end.count)]) != end { k += 1 }
            i = k + end.count <= n ? k + end.count : n
            continue
        }
        i = j + 1
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
