import Foundation

/// An incident's events, in order. The events a checkpoint already covers stay as the journal's
/// bytes and are decoded only when looked at: the screen shows a screenful of the timeline, and
/// only a report reads them all. Events recorded or replayed since are held decoded.
public struct EventLog: RandomAccessCollection, Sendable, Hashable {
    /// Whole journal lines; line `i` starts at `lineStarts[i]` and ends before `lineStarts[i + 1]`
    /// (or before `linesEnd`), its newline last.
    private let lines: Data
    private let lineStarts: [Int]
    private let linesEnd: Int
    private var decoded: [Event]

    /// Events already decoded.
    public init(_ events: [Event] = []) {
        lines = Data(); lineStarts = []; linesEnd = 0; decoded = events
    }

    /// The first `count` lines of `lines`, whose starts are `lineStarts`; they must have been
    /// checked already (a checkpoint does it by hash), since decoding them later cannot fail aloud.
    init(lines: Data, lineStarts: ArraySlice<Int>, end: Int) {
        self.lines = lines; self.lineStarts = Array(lineStarts); self.linesEnd = end; decoded = []
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { lineStarts.count + decoded.count }

    public subscript(position: Int) -> Event {
        if position >= lineStarts.count { return decoded[position - lineStarts.count] }
        let start = lines.startIndex + lineStarts[position]
        let end = lines.startIndex + (position + 1 < lineStarts.count ? lineStarts[position + 1] : linesEnd) - 1
        if let event = try? EventLog.decoder.decode(Event.self, from: lines[start..<end]) { return event }
        // Unreachable while the checkpoint's hash holds; shown rather than trapping if it ever is.
        return Event(seq: position + 1, at: Timestamp(Date(timeIntervalSince1970: 0), timeZone: TimeZone(secondsFromGMT: 0)!),
                     kind: .note, note: "(this journal line could not be read)")
    }

    private static let decoder = JSONDecoder()

    mutating func append(_ event: Event) { decoded.append(event) }
    mutating func reserveCapacity(_ n: Int) { decoded.reserveCapacity(n) }

    public static func == (a: EventLog, b: EventLog) -> Bool { a.elementsEqual(b) }
    public func hash(into hasher: inout Hasher) { hasher.combine(count) }
}
