import Foundation

/// What an event may hold: limits that keep a damaged or forged journal from passing for an
/// incident, and keep a note from carrying characters a report reader or a terminal would act on.
public enum EventLimits {
    /// A note is a reference number, a name, a sentence or two; 4 KiB is far above that.
    public static let maxNoteBytes = 4096
    /// Events are recorded from a day before the incident's start (a clock set back) to five
    /// years after it; a time outside (1970, 2099) is a damaged clock or file.
    static let years: TimeInterval = 5 * 366 * 86_400

    /// Why `text` cannot be a note, or nil: too long, or holding a control character, a
    /// bidirectional control (which can make a report read differently from what it says) or an
    /// invisible character. Joiners inside emoji and scripts that need them are fine.
    public static func noteProblem(_ text: String) -> String? {
        let bytes = text.utf8.count
        if bytes > maxNoteBytes { return "the note is \(bytes) bytes, more than the \(maxNoteBytes) allowed; shorten it" }
        if let bad = text.unicodeScalars.first(where: isRefusedInNote) {
            return "the note holds an invisible or control character (U+\(String(format: "%04X", bad.value))); type it again without it"
        }
        return nil
    }

    /// Whether `s` is refused in a note, and in the profile's fields: a control, a bidirectional
    /// control or an invisible character.
    public static func isRefusedInNote(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: true                      // C0 and C1 controls
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidi marks, overrides, isolates
        case 0x200B, 0x2060, 0xFEFF: true                         // zero-width space, word joiner, BOM
        default: false
        }
    }

    /// Why an event recorded (or said to have happened) at `time` cannot belong to an incident
    /// opened at `opened`, or nil: more than `daysBefore` days before its start, or five years after.
    public static func timeProblem(_ time: Timestamp, opened: Timestamp, daysBefore: Double = 1) -> String? {
        if time.date < opened.date.addingTimeInterval(-daysBefore * 86_400) {
            return daysBefore == 1
                ? "its time \(time.text) is more than a day before the incident started (\(opened.text))"
                : "its time \(time.text) is more than five years before the incident started (\(opened.text))"
        }
        if time.date > opened.date.addingTimeInterval(years) {
            return "its time \(time.text) is more than five years after the incident started (\(opened.text))"
        }
        return nil
    }

    /// Why `lostAt` cannot be when the phone of an incident opened at `opened` was lost, or nil:
    /// more than five years from the incident's start either way.
    public static func lostAtProblem(_ lostAt: Timestamp, opened: Timestamp) -> String? {
        abs(lostAt.date.timeIntervalSince(opened.date)) > years
            ? "the lost-at time \(lostAt.text) is more than five years from the incident's start (\(opened.text))" : nil
    }
}
