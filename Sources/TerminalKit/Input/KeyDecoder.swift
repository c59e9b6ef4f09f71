/// Turns the bytes a terminal sends into input events: bytes in, events out, nothing else.
///
/// The backend reads raw bytes (ncurses' own key decoding is off) and feeds them here, and says
/// when input has gone quiet (`flush`), which is the only way to tell the Escape key from the
/// start of a sequence. The rules that keep a stressed person's input honest:
///
/// - An escape sequence (CSI `ESC [ … final`, SS3 `ESC O final`, an X10 mouse report
///   `ESC [ M b x y`) is one event or nothing, never Escape followed by its bytes as keys: a
///   sequence this decoder does not know is read to its final byte and dropped whole. A byte
///   that cannot belong to a sequence ends it; the sequence is dropped and the byte read anew.
/// - A terminal's string (OSC `ESC ]`, DCS `ESC P`, APC `ESC _`, PM `ESC ^`, SOS `ESC X`: the
///   replies to colour, version and clipboard queries) is read to its terminator (ST, which is
///   `ESC \` or 0x9C, or BEL; CAN and SUB cancel it) and dropped whole, however long: none of
///   its bytes is kept, so its length costs nothing, and none is ever a key. The program asks
///   the terminal nothing, so no reply has a requester to go to.
/// - The 8-bit introducers (CSI 0x9B, SS3 0x8F, OSC 0x9D, DCS 0x90, APC 0x9F, PM 0x9E,
///   SOS 0x98, ST 0x9C) count the same as their `ESC` forms, whether they arrive as raw bytes
///   (a byte 0x80–0x9F that does not continue a UTF-8 character) or as the code points
///   U+0080–U+009F encoded in UTF-8 (`C2 9B`). Any other C1 control is dropped.
/// - A bracketed paste (`ESC [ 200 ~ … ESC [ 201 ~`) is one `.paste` event, whatever it holds.
/// - Escape followed by any other byte is Escape, then that byte as a key (Alt-x is ESC x);
///   `ESC \` alone (a stray terminator) is nothing.
public struct KeyDecoder: Sendable {
    /// What the decoder is in the middle of, so the backend knows how long to wait for more.
    public enum Pending: Sendable, Equatable {
        case nothing
        /// An escape sequence or a UTF-8 character has begun.
        case sequence
        /// A bracketed paste, or a terminal's string (OSC, DCS, APC, PM, SOS), has begun and
        /// not ended: either may pause as long as a slow link makes it, so wait as for a paste.
        case paste
    }

    private enum State: Sendable, Equatable {
        case ground
        case escape
        case csi
        case ss3
        case mouse(remaining: Int)
        case paste
        /// Inside a terminal's string; `escape` after an ESC that may begin its terminator.
        case string(escape: Bool)
    }

    /// The most bytes of a paste kept; the rest is read and dropped, so a runaway paste cannot
    /// grow without bound (the text field cuts it far shorter anyway).
    public static let pasteLimit = 64 * 1024
    /// Parameters longer than this are no key any terminal sends: the sequence is still read to
    /// its final byte, then dropped.
    public static let sequenceLimit = 32
    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~

    private var state: State = .ground
    private var parameters: [UInt8] = []
    private var overlong = false
    private var mouseBytes: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Needed = 0
    private var pasted: [UInt8] = []
    private var pasteEndMatched = 0
    /// Continuation bytes still owed by a UTF-8 character inside a string (so that a 0x9C
    /// inside one, as in 朜, is not taken for ST), and the character's first byte.
    private var stringUTF8Needed = 0
    private var stringUTF8Lead: UInt8 = 0

    public init() {}

    public var pending: Pending {
        switch state {
        case .paste, .string: return .paste
        case .ground: return utf8.isEmpty ? .nothing : .sequence
        default: return .sequence
        }
    }

    /// Decodes `bytes`, returning the events they complete; an unfinished sequence is kept for
    /// the next call.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
        var events: [InputEvent] = []
        for b in bytes { take(b, into: &events) }
        return events
    }

    /// Input went quiet: a lone Escape is the Escape key, an unfinished sequence or character
    /// is dropped, and an unfinished paste is delivered as far as it came (still as a paste).
    public mutating func flush() -> [InputEvent] {
        defer { reset() }
        switch state {
        case .escape: return [.key(.escape)]
        case .paste: return [.paste(String(decoding: pasted, as: UTF8.self))]
        default: return []
        }
    }

    private mutating func reset() {
        state = .ground
        parameters.removeAll(keepingCapacity: true)
        overlong = false
        mouseBytes.removeAll(keepingCapacity: true)
        utf8.removeAll(keepingCapacity: true)
        utf8Needed = 0
        pasted.removeAll(keepingCapacity: true)
        pasteEndMatched = 0
        stringUTF8Needed = 0
    }

    private mutating func take(_ b: UInt8, into events: inout [InputEvent]) {
        switch state {
        case .ground:
            ground(b, &events)
        case .escape:
            switch b {
            case 0x5B: state = .csi; parameters.removeAll(keepingCapacity: true); overlong = false
            case 0x4F: state = .ss3; parameters.removeAll(keepingCapacity: true); overlong = false
            case 0x1B: events.append(.key(.escape))
            case 0x5D, 0x50, 0x5F, 0x5E, 0x58: beginString()  // ] P _ ^ X
            case 0x5C: state = .ground  // a terminator with no string: nothing
            default:
                state = .ground
                events.append(.key(.escape))
                ground(b, &events)
            }
        case .csi, .ss3:
            switch b {
            case 0x40...0x7E:
                let isCSI = state == .csi
                state = .ground
                if isCSI && b == 0x4D && parameters.isEmpty {  // ESC [ M: an X10 mouse report follows
                    state = .mouse(remaining: 3)
                    mouseBytes.removeAll(keepingCapacity: true)
                } else if overlong {
                    break
                } else if isCSI && b == 0x7E && numbers() == [200] {
                    state = .paste
                    pasted.removeAll(keepingCapacity: true)
                    pasteEndMatched = 0
                } else if let event = isCSI ? csi(final: b) : ss3(final: b) {
                    events.append(event)
                }
            case 0x20...0x3F:
                if parameters.count < KeyDecoder.sequenceLimit { parameters.append(b) } else { overlong = true }
            default:
                // Not part of any sequence: drop what was read and start again from this byte.
                state = .ground
                ground(b, &events)
            }
        case .string(let escape):
            string(b, afterEscape: escape, &events)
        case .mouse(let remaining):
            mouseBytes.append(b)
            if remaining > 1 { state = .mouse(remaining: remaining - 1); return }
            state = .ground
            if let event = x10Mouse(mouseBytes) { events.append(event) }
        case .paste:
            if b == KeyDecoder.pasteEnd[pasteEndMatched] {
                pasteEndMatched += 1
                if pasteEndMatched == KeyDecoder.pasteEnd.count {
                    events.append(.paste(String(decoding: pasted, as: UTF8.self)))
                    reset()
                }
                return
            }
            // A partial end marker was text after all; ESC occurs only at its start.
            keepPasted(KeyDecoder.pasteEnd[0..<pasteEndMatched])
            if b == 0x1B { pasteEndMatched = 1 } else { pasteEndMatched = 0; keepPasted(CollectionOfOne(b)) }
        }
    }

    private mutating func beginString() {
        state = .string(escape: false)
        stringUTF8Needed = 0
    }

    /// One byte of a terminal's string: its terminator ends it, everything else is dropped.
    private mutating func string(_ b: UInt8, afterEscape: Bool, _ events: inout [InputEvent]) {
        if afterEscape {
            // ESC \ is ST; ESC before anything else ends the string unterminated, and begins a
            // sequence of its own, as in a terminal's parser.
            state = .escape
            if b != 0x5C { take(b, into: &events) } else { state = .ground }
            return
        }
        if stringUTF8Needed > 0 && b & 0xC0 == 0x80 {
            stringUTF8Needed -= 1
            // U+009C, ST as a code point: C2 9C.
            if stringUTF8Needed == 0 && stringUTF8Lead == 0xC2 && b == 0x9C { state = .ground }
            return
        }
        stringUTF8Needed = 0
        switch b {
        case 0x07, 0x9C, 0x18, 0x1A: state = .ground  // BEL, ST; CAN and SUB cancel
        case 0x1B: state = .string(escape: true)
        case 0xC2...0xDF: stringUTF8Needed = 1; stringUTF8Lead = b
        case 0xE0...0xEF: stringUTF8Needed = 2; stringUTF8Lead = b
        case 0xF0...0xF4: stringUTF8Needed = 3; stringUTF8Lead = b
        default: break
        }
    }

    /// An 8-bit C1 control, from a raw byte or a code point U+0080–U+009F: the introducers
    /// begin their sequence as the ESC forms do; the rest (a stray ST among them) are nothing.
    private mutating func c1(_ b: UInt8) {
        switch b {
        case 0x9B: state = .csi; parameters.removeAll(keepingCapacity: true); overlong = false
        case 0x8F: state = .ss3; parameters.removeAll(keepingCapacity: true); overlong = false
        case 0x9D, 0x90, 0x9F, 0x9E, 0x98: beginString()
        default: break
        }
    }

    private mutating func keepPasted(_ bytes: some Collection<UInt8>) {
        let room = KeyDecoder.pasteLimit - pasted.count
        if room > 0 { pasted.append(contentsOf: bytes.prefix(room)) }
    }

    private mutating func ground(_ b: UInt8, _ events: inout [InputEvent]) {
        if utf8Needed > 0 {
            if b & 0xC0 == 0x80 {
                utf8.append(b)
                utf8Needed -= 1
                if utf8Needed == 0 {
                    if utf8.count == 2 && utf8[0] == 0xC2 && utf8[1] < 0xA0 {
                        let control = utf8[1]
                        utf8.removeAll(keepingCapacity: true)
                        c1(control)
                        return
                    }
                    if let event = character(utf8) { events.append(event) }
                    utf8.removeAll(keepingCapacity: true)
                }
                return
            }
            // A broken character: drop it, read this byte afresh.
            utf8.removeAll(keepingCapacity: true)
            utf8Needed = 0
        }
        switch b {
        case 0x1B: state = .escape
        case 0x09: events.append(.key(.tab))
        case 0x0A, 0x0D: events.append(.key(.enter))
        case 0x08, 0x7F: events.append(.key(.backspace))
        case 0x01...0x1A: events.append(.key(.ctrl(Character(Unicode.Scalar(b + 0x60)))))
        case 0x00, 0x1C...0x1F: break
        case 0x20...0x7E: events.append(.key(.char(Character(Unicode.Scalar(b)))))
        case 0xC2...0xDF: utf8 = [b]; utf8Needed = 1
        case 0xE0...0xEF: utf8 = [b]; utf8Needed = 2
        case 0xF0...0xF4: utf8 = [b]; utf8Needed = 3
        case 0x80...0x9F: c1(b)  // not continuing a character: an 8-bit control
        default: break  // an invalid lead byte
        }
    }

    private func character(_ bytes: [UInt8]) -> InputEvent? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        guard case .scalarValue(let s) = decoder.decode(&iterator), s.value >= 0xA0 else { return nil }
        return .key(.char(Character(s)))
    }

    /// The numbers of a CSI's parameters (`1;5` is [1, 5]); nil when there are other bytes.
    private func numbers() -> [Int]? {
        var out: [Int] = []
        var current = 0
        for b in parameters {
            switch b {
            case 0x30...0x39: current = min(current * 10 + Int(b - 0x30), 1_000_000)
            case 0x3B: out.append(current); current = 0
            default: return nil
            }
        }
        out.append(current)
        return out
    }

    /// The key a complete CSI names, or nil to drop it.
    private func csi(final: UInt8) -> InputEvent? {
        if parameters.first == 0x3C { return sgrMouse(final: final) }
        guard let n = numbers() else { return nil }
        if let key = Self.cursorKey(final: final) { return .key(key) }
        switch final {
        case 0x5A: return .key(.backTab)
        case 0x7E:
            switch n[0] {
            case 1, 7: return .key(.home)
            case 4, 8: return .key(.end)
            case 3: return .key(.delete)
            case 5: return .key(.pageUp)
            case 6: return .key(.pageDown)
            default: return nil
            }
        default: return nil
        }
    }

    private func ss3(final: UInt8) -> InputEvent? {
        if let key = Self.cursorKey(final: final) { return .key(key) }
        return final == 0x4D ? .key(.enter) : nil
    }

    /// The arrows, Home and End, whose final byte is the same after CSI and SS3.
    private static func cursorKey(final: UInt8) -> Key? {
        switch final {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        default: nil
        }
    }

    /// `ESC [ < b ; x ; y M` (press) or `m` (release), 1-based cells.
    private func sgrMouse(final: UInt8) -> InputEvent? {
        guard final == 0x4D else { return nil }
        let fields = parameters.dropFirst().split(separator: 0x3B, omittingEmptySubsequences: false)
        guard fields.count == 3 else { return nil }
        // Digits only, checked before any arithmetic: another byte (a space is 0x20) would count
        // down by 16 a time, and a long run of them overflowed `Int` and ended the program.
        guard fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }) else { return nil }
        let values = fields.map { f in f.reduce(0) { min($0 * 10 + Int($1) - 0x30, 1_000_000) } }
        return mouse(button: values[0], x: values[1] - 1, y: values[2] - 1)
    }

    /// `ESC [ M b x y`, each byte offset by 32, cells 1-based.
    private func x10Mouse(_ bytes: [UInt8]) -> InputEvent? {
        guard bytes.count == 3, bytes.allSatisfy({ $0 >= 32 }) else { return nil }
        return mouse(button: Int(bytes[0]) - 32, x: Int(bytes[1]) - 33, y: Int(bytes[2]) - 33)
    }

    private func mouse(button: Int, x: Int, y: Int) -> InputEvent? {
        guard x >= 0, y >= 0, button & 32 == 0 else { return nil }  // motion is not a click
        switch button & ~(4 | 8 | 16) {  // shift, meta, ctrl held
        case 0: return .click(x: x, y: y)
        case 64: return .wheelUp(x: x, y: y)
        case 65: return .wheelDown(x: x, y: y)
        default: return nil
        }
    }
}
