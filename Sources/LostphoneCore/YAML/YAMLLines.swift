/// Lines as libyaml counts them: LF, CRLF, a lone CR, NEL, LS and PS each end one. Positions in
/// problems and the checks on them use this one definition.
public enum YAMLLines {
    static func isBreak(_ c: Character) -> Bool {
        c == "\n" || c == "\r\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    /// How many lines `text` has (1 for an empty text).
    public static func count(in text: String) -> Int {
        text.reduce(1) { isBreak($1) ? $0 + 1 : $0 }
    }

    /// Line and column (1-based) of the character at `offset`, which is how Yams reports reader
    /// errors ("\r\n" is one character).
    public static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for c in text.prefix(offset) {
            if isBreak(c) { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
