import Foundation

/// Reads a journal line the way lostphone writes it: one flat JSON object of the event's own
/// keys, with strings, whole numbers, booleans and null, no escapes. Opening a journal decodes
/// every line, and `JSONDecoder` made most of the time of opening a long one; this reads the
/// common line in a fraction of it. Anything else it does not judge: it returns nil (a key it
/// does not know, a key twice, an escape, a number with a fraction, a value of the wrong type,
/// bytes that are not UTF-8), and the line goes to `JSONDecoder`, which decodes it or says what
/// is wrong. It fills the line's fields (`Event.Wire`) and makes the typed event from them as
/// `JSONDecoder` does. What it returns is what `JSONDecoder` gives for the same line (tests and the
/// journal's fuzz target compare them).
public enum EventLine {
    /// The event on `line` (without its newline), or nil to leave the line to `JSONDecoder`.
    public static func decode(_ line: Data) -> Event? {
        line.withUnsafeBytes { decode($0) }
    }

    static func decode(_ line: UnsafeRawBufferPointer) -> Event? {
        var reader = Reader(bytes: line)
        return reader.event()
    }

    private enum Key: String, CaseIterable {
        case seq, at, kind, step, from, to, provider, note, happenedAt, mine, previousProvider, previousNote, undoes
        case prepared, due, closes, journalVersion, preparedEvents, playbook, playbookVersion, lostAt, deviceModel
        case imei, lostNumber, owner, insurer, policy, claimWithin

        /// Each key by its name, with the bit that marks it seen on a line. The names are the raw
        /// values: `"\(key)"` asked the runtime for each case's name by reflection, whose
        /// conformance questions scanned the static binary's every conformance (15% of the
        /// instructions of a start to the first frame).
        static let byName: [String: (key: Key, bit: UInt32)] = Dictionary(
            uniqueKeysWithValues: allCases.enumerated().map { ($1.rawValue, ($1, UInt32(1) << UInt32($0))) })
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var i = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
        }

        mutating func take(_ b: UInt8) -> Bool {
            skipSpace()
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
            return true
        }

        /// A string without escapes or control characters, as valid UTF-8.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    return text
                }
                if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
                i += 1
            }
            return nil
        }

        /// A whole number as JSON writes one (no leading zeros, no fraction, no exponent).
        mutating func int() -> Int? {
            skipSpace()
            var negative = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            let start = i
            var value = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
                guard !o1, !o2 else { return nil }
                value = a
                i += 1
            }
            let digits = i - start
            guard digits > 0, digits == 1 || bytes[start] != 0x30, !(negative && value == 0) else { return nil }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") { return nil }
            return negative ? -value : value
        }

        mutating func word(_ w: StaticString) -> Bool {
            skipSpace()
            let n = w.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            for k in 0..<n where bytes[i + k] != w.utf8Start[k] { return false }
            i += n
            return true
        }

        mutating func bool() -> Bool? {
            if word("true") { return true }
            if word("false") { return false }
            return nil
        }

        /// `null`, which every optional key may hold (as absent); the caller checks the key may.
        mutating func null() -> Bool { word("null") }

        mutating func event() -> Event? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var seen: UInt32 = 0
            var seq: Int?, at: Timestamp?, kind: EventKind?
            var e = Event.Wire(seq: 0, at: Timestamp(date: .init(timeIntervalSince1970: 0), text: ""), kind: .note)
            if take(UInt8(ascii: "}")) { return nil }
            repeat {
                guard let name = string(), case let (key, bit)? = Key.byName[name], take(UInt8(ascii: ":")) else { return nil }
                guard seen & bit == 0 else { return nil }
                seen |= bit
                if null() {
                    switch key {
                    case .seq, .at, .kind: return nil
                    default: continue
                    }
                }
                switch key {
                case .seq: guard let v = int() else { return nil }; seq = v
                case .at: guard let v = timestamp() else { return nil }; at = v
                case .kind: guard let v = string().flatMap(EventKind.init(rawValue:)) else { return nil }; kind = v
                case .step: guard let v = string() else { return nil }; e.step = StepID(v)
                case .from: guard let v = string().flatMap(StepState.init(rawValue:)) else { return nil }; e.from = v
                case .to: guard let v = string().flatMap(StepState.init(rawValue:)) else { return nil }; e.to = v
                case .provider: guard let v = string() else { return nil }; e.provider = ProviderID(v)
                case .note: guard let v = string() else { return nil }; e.note = v
                case .happenedAt: guard let v = timestamp() else { return nil }; e.happenedAt = v
                case .mine: guard let v = bool() else { return nil }; e.mine = v
                case .previousProvider: guard let v = string() else { return nil }; e.previousProvider = ProviderID(v)
                case .previousNote: guard let v = string() else { return nil }; e.previousNote = v
                case .undoes: guard let v = int() else { return nil }; e.undoes = v
                case .prepared: guard let v = bool() else { return nil }; e.prepared = v
                case .due: guard let v = timestamp() else { return nil }; e.due = v
                case .closes: guard let v = string() else { return nil }; e.closes = v
                case .journalVersion: guard let v = int() else { return nil }; e.journalVersion = v
                case .preparedEvents: guard let v = int() else { return nil }; e.preparedEvents = v
                case .playbook: guard let v = string() else { return nil }; e.playbook = v
                case .playbookVersion: guard let v = int() else { return nil }; e.playbookVersion = v
                case .lostAt: guard let v = timestamp() else { return nil }; e.lostAt = v
                case .deviceModel: guard let v = string() else { return nil }; e.deviceModel = v
                case .imei: guard let v = string() else { return nil }; e.imei = v
                case .lostNumber: guard let v = string() else { return nil }; e.lostNumber = v
                case .owner: guard let v = string() else { return nil }; e.owner = v
                case .insurer: guard let v = string() else { return nil }; e.insurer = v
                case .policy: guard let v = string() else { return nil }; e.policy = v
                case .claimWithin: guard let v = string() else { return nil }; e.claimWithin = v
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            skipSpace()
            guard i == bytes.count, let seq, let at, let kind else { return nil }
            e.seq = seq; e.at = at; e.kind = kind
            // Fields that make no event of the kind are left to JSONDecoder, which says why.
            return try? Event(wire: e)
        }

        mutating func timestamp() -> Timestamp? {
            string().flatMap(Timestamp.init(parsing:))
        }
    }
}
