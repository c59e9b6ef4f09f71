import ArgumentParser
import Foundation
import LostphoneCore
import LostphoneTUI

extension Lostphone {
    /// `lostphone key-table`: the full screen's key table, read from the one table the program
    /// dispatches on (`KeyBindings`), for the manual page's KEYS section (scripts/man.sh), so the
    /// page cannot drift from the program. Hidden: it is for the build, not for people.
    struct KeyTable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key-table",
            abstract: "Print the full screen's key table (for the manual page).",
            shouldDisplay: false)

        @Option(help: ArgumentHelp("text or man (mdoc lines for the KEYS section).", valueName: "format"))
        var format: String = "text"

        @Option(help: ArgumentHelp("Language: zh (Chinese) or en (English).", valueName: "zh|en"))
        var lang: Language = .en

        func run() throws {
            let rows = KeyBindings.helpRows(lang)
            switch format {
            case "text":
                let width = rows.map { TextWidth.of($0.keys) }.max() ?? 0
                for row in rows {
                    print(row.keys + String(repeating: " ", count: max(0, width - TextWidth.of(row.keys)) + 2) + row.does)
                }
            case "man":
                print(KeyTableManual.mdoc(rows))
            default:
                printError("lostphone key-table: --format is text or man, not '\(format)'.")
                throw ExitCode.validationFailure
            }
        }
    }
}

/// The key table as mdoc: a tag list, the keys in bold. Arrows and dashes are spelled out, since
/// a manual page is read on terminals that may not show them.
enum KeyTableManual {
    static func mdoc(_ rows: [(keys: String, does: String)]) -> String {
        var lines = [".Bl -tag -width \"PgUp PgDn\""]
        for row in rows {
            lines.append(".It Sy \"\(escape(spell(row.keys)).replacingOccurrences(of: "\"", with: "\\(dq"))\"")
            lines.append(line(escape(spell(row.does))))
        }
        lines.append(".El")
        return lines.joined(separator: "\n")
    }

    static func spell(_ text: String) -> String {
        var out = text
        for (glyph, word) in [("↑", "Up"), ("↓", "Down"), ("←", "Left"), ("→", "Right"), ("–", "-"), ("—", "-"),
                              ("…", "..."), ("？", "(full-width ?)"), ("’", "'"), ("“", "\""), ("”", "\"")] {
            out = out.replacingOccurrences(of: glyph, with: word)
        }
        return out
    }

    /// A backslash is groff's escape character; any other character beyond ASCII is written as
    /// groff's \[uXXXX], which groff reads whatever the page's encoding.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\\" { out += "\\e" }
            else if scalar.value > 0x7f { out += "\\[u" + String(format: "%04X", scalar.value) + "]" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// A text line starting with a dot or an apostrophe would be read as a request.
    static func line(_ text: String) -> String {
        (text.hasPrefix(".") || text.hasPrefix("'")) ? "\\&" + text : text
    }
}
