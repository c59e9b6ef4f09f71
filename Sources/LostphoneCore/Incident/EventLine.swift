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
        var reader = PlainJSONReader(bytes: line, lineFeedIsSpace: false)
        return reader.event()
    }

    fileprivate enum Key: String, CaseIterable {
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
}

/// The event reader on the shared primitives: the line's object, key by key.
extension PlainJSONReader {
    fileprivate mutating func event() -> Event? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var seen: UInt32 = 0
        var seq: Int?, at: Timestamp?, kind: EventKind?
        var e = Event.Wire(seq: 0, at: Timestamp(date: .init(timeIntervalSince1970: 0), text: ""), kind: .note)
        if take(UInt8(ascii: "}")) { return nil }
        repeat {
            guard let name = string(), case let (key, bit)? = EventLine.Key.byName[name], take(UInt8(ascii: ":")) else { return nil }
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

    fileprivate mutating func timestamp() -> Timestamp? {
        string().flatMap(Timestamp.init(parsing:))
    }
}
