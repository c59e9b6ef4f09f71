import Foundation

/// The open follow-ups as an iCalendar file (RFC 5545), for the person's calendar: one VEVENT
/// per item at its deadline, with an alarm before it. Each UID is the item's key under the
/// incident, so importing the file again updates the events rather than adding copies.
public enum DueCalendar {
    public static func ics(_ list: DueList, incidentID: String, product: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//lostphone//\(escape(product))//\(list.language.rawValue.uppercased())",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        let stamp = utc(list.now.date)
        for row in list.open {
            let description = [row.why, row.source.map { Words(list.language).label(.source) + $0 },
                               ([row.stepTitle] + (row.providerName.map { [$0] } ?? [])).joined(separator: " · "),
                               row.contact.map { DueWords.contact[list.language] + ": " + $0 },
                               "lostphone due --done " + row.key].compactMap { $0 }.joined(separator: "\n")
            // A deadline days away warns a day before; a retry within the day, 15 minutes before.
            let warnEarly = row.due.date.timeIntervalSince(row.since.date) > 86_400
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escape(row.key) + "@" + escape(incidentID) + ".lostphone",
                "DTSTAMP:" + stamp,
                "DTSTART:" + utc(row.due.date),
                "DURATION:PT30M",
                "SUMMARY:" + escape(row.title),
                "DESCRIPTION:" + escape(description),
                "CATEGORIES:lostphone",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:" + escape(row.title),
                "TRIGGER:" + (warnEarly ? "-P1D" : "-PT15M"),
                "END:VALARM",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261209T063500Z`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n,
    /// and no other control character.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Content lines longer than 75 octets are folded (3.1): the rest continues on the next
    /// line after one space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = "", used = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > 75 {
                out += "\r\n "
                used = 1
            }
            out.unicodeScalars.append(scalar)
            used += size
        }
        return out
    }
}
