extension String {
    /// Without leading and trailing white space (Unicode White_Space, line breaks included).
    /// Pure Swift: Foundation's `trimmingCharacters(in:)` goes through NSString, and was a fifth
    /// of reading a large playbook.
    public func trimmingWhitespace() -> String {
        // Most texts start and end with an ASCII sign, a Chinese character or punctuation mark:
        // none is white space, and each begins a Character of its own (or follows a prepended
        // mark, which is not white space either), so no grapheme breaking is needed to keep it.
        func plain(_ s: Unicode.Scalar?) -> Bool {
            guard let v = s?.value else { return false }
            return (0x21...0x7E).contains(v) || (0x4E00...0x9FFF).contains(v) || (0x3001...0x3003).contains(v)
                || (0xFF01...0xFF5E).contains(v)
        }
        if plain(unicodeScalars.first) && plain(unicodeScalars.last) { return self }
        guard first?.isWhitespace == true || last?.isWhitespace == true else { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
