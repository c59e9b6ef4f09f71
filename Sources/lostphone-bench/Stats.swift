import Foundation

/// Monotonic nanoseconds.
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Milliseconds from `start` to `end` (both from `now()`).
func milliseconds(from start: UInt64, to end: UInt64) -> Double { Double(end &- start) / 1e6 }

/// The middle value (the mean of the two middle ones for an even count); nan for none.
func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// One measured figure, as printed and as written to the JSON file.
struct Row: Codable {
    var name: String
    var value: Double
    var unit: String
    var note: String
}

/// The figures of one run, printed as they come and kept for the JSON file.
final class Figures {
    private(set) var rows: [Row] = []

    func section(_ title: String) {
        print("\n== \(title)")
    }

    /// Keeps a figure for the JSON file without printing it (a table printed it already). A
    /// figure not measured (NaN: the median of nothing) is left out; JSON has no NaN.
    func record(_ name: String, _ value: Double, _ unit: String, _ note: String = "") {
        guard value.isFinite else { return }
        rows.append(Row(name: name, value: value, unit: unit, note: note))
    }

    func report(_ name: String, _ value: Double, _ unit: String, _ note: String = "") {
        record(name, value, unit, note)
        print(name.padding(toLength: 68, withPad: " ", startingAt: 0), Self.format(value).leftPad(10),
              unit.padding(toLength: 5, withPad: " ", startingAt: 0), note)
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.3f", value)
    }

    /// Writes the run as JSON: the date, whether it was quick, every row.
    func write(to path: String, quick: Bool) throws {
        struct Output: Codable { var date: String; var quick: Bool; var rows: [Row] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let date = ISO8601DateFormatter().string(from: Date())
        let data = try encoder.encode(Output(date: date, quick: quick, rows: rows))
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
