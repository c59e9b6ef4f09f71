import LostphoneCore

/// An input that broke one of the rules every parser keeps; saved with the rule it broke.
struct Failure: Error {
    var rule: String
    var detail: String
}

func lineCount(_ text: String) -> Int { YAMLLines.count(in: text) }

func lineCount(_ bytes: [UInt8]) -> Int { bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

/// The rules for the problems of a refused playbook or theme: at least one, each with a
/// message in each language free of control characters (it is printed to a terminal) and a
/// place inside the file.
func check(_ problems: [FileProblem], lines: Int, what: String) throws(Failure) {
    guard !problems.isEmpty else { throw Failure(rule: "\(what) failed without naming a problem", detail: "") }
    for p in problems {
        for language in Language.allCases {
            let message = p.message(in: language)
            if message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw Failure(rule: "\(what) problem without a message (\(language))", detail: p.description)
            }
            if Sanitize.hasControlCharacters(message) {
                throw Failure(rule: "\(what) problem message holds a control character (\(language))", detail: Sanitize.visible(p.description))
            }
        }
        if p.line < 0 || p.line > lines + 1 {
            throw Failure(rule: "\(what) problem line outside the file", detail: "line \(p.line) of \(lines): \(Sanitize.visible(p.description))")
        }
        if p.column < 0 {
            throw Failure(rule: "\(what) problem column negative", detail: Sanitize.visible(p.description))
        }
    }
}

/// What a parser made of an input that broke no rule.
enum Outcome { case accepted, refused }
