/// The wallet card as plain text: at most 80 columns (a Chinese character takes two) and 40
/// lines, half a printed page. What does not fit is given up in a fixed order, most
/// dispensable first, until the card fits (`TextFit`); the last resort leaves hotlines and
/// addresses off the end and says how many.
extension WalletCard {
    public static let textColumns = 80
    public static let textLines = 40

    /// How much the text card gives up to fit.
    struct TextFit: Hashable {
        /// A blank line before each section.
        var blankLines = true
        /// Labels on every number and address; else only where a provider has several numbers.
        var allLabels = true
        /// How many hotlines and addresses are printed; nil for all.
        var hotlines: Int?
        var findMy: Int?

        /// The next thing to give up, or nil when nothing is left to give: blank lines, then
        /// single numbers' labels, then addresses beyond the first, then hotlines from the end
        /// (banks and apps before lending platforms), then the last address.
        func tighter(_ card: WalletCard) -> TextFit? {
            var next = self
            if blankLines { next.blankLines = false; return next }
            if allLabels { next.allLabels = false; return next }
            let shownFindMy = findMy ?? card.findMy.count
            if shownFindMy > 1 { next.findMy = shownFindMy - 1; return next }
            let shownHotlines = hotlines ?? card.hotlines.count
            if shownHotlines > 1 { next.hotlines = shownHotlines - 1; return next }
            if shownFindMy > 0 { next.findMy = 0; return next }
            return nil
        }
    }

    public func text() -> String {
        var fit = TextFit()
        var lines = textLines(fit)
        while lines.count > WalletCard.textLines, let next = fit.tighter(self) {
            fit = next
            lines = textLines(fit)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func textLines(_ fit: TextFit) -> [String] {
        let width = WalletCard.textColumns
        let w = words
        var o: [String] = []
        func section(_ title: ProfileWord) {
            if fit.blankLines { o.append("") }
            let head = "-- " + (language == .en ? w[title].uppercased() : w[title]) + " "
            o.append(head + String(repeating: "-", count: max(0, width - TextWidth.of(head))))
        }

        var title = language == .en ? w[.cardTitle].uppercased() : w[.cardTitle]
        if let asOf {
            let date = w[.cardAsOf(String(asOf.text.prefix(10)))]
            let gap = width - TextWidth.of(title) - TextWidth.of(date)
            if gap >= 2 { title += String(repeating: " ", count: gap) + date }
        }
        o.append(title)

        // The phone and its people: each fact whole on a line, as many to a line as fit.
        let facts = deviceFacts(w).map { TextWidth.truncate(Sanitize.visible($0), to: width - 2) }
        if !facts.isEmpty {
            section(.cardDevice)
            o += Self.pack(facts, separator: "  ·  ", width: width - 2).map { "  " + $0 }
        }

        section(.cardHotlines)
        let hotlines = Array(self.hotlines.prefix(fit.hotlines ?? self.hotlines.count))
        if self.hotlines.allSatisfy(\.isForEveryone) { o += TextWidth.wrap(w[.cardNoHotlines], to: width - 2).map { "  " + $0 } }
        var rows: [[String]] = []
        for (i, h) in hotlines.enumerated() {
            let sameProvider = i > 0 && hotlines[i - 1].choice == h.choice && hotlines[i - 1].name == h.name
            let several = self.hotlines.filter { $0.choice == h.choice && $0.name == h.name }.count > 1
            var number = h.number + (h.numberConfirmed ? "" : "?")
            if let p = h.press { number += w.comma + w[.cardPress(p)] + (h.pressConfirmed ? "" : "?") }
            rows.append([sameProvider ? "" : h.name, number, (fit.allLabels || several) ? h.label ?? "" : ""])
        }
        o += Self.table(rows, width: width)

        let findMy = Array(self.findMy.prefix(fit.findMy ?? self.findMy.count))
        if !findMy.isEmpty {
            section(.cardFindMy)
            o += Self.table(findMy.map { [$0.name, $0.address + ($0.confirmed ? "" : "?"), fit.allLabels ? $0.label ?? "" : ""] }, width: width)
        }
        let leftOut = (self.hotlines.count - hotlines.count) + (self.findMy.count - findMy.count)
        if hotlines.contains(where: { !$0.isFullyConfirmed }) || findMy.contains(where: { !$0.confirmed }) {
            o += TextWidth.wrap(w[.cardUnconfirmedLegend], to: width - 2).map { "  " + $0 }
        }
        if leftOut > 0 { o += TextWidth.wrap(w[.cardLeftOut(leftOut)], to: width - 2).map { "  " + $0 } }

        if !firstSteps.isEmpty {
            section(.cardFirstSteps)
            for (i, step) in firstSteps.enumerated() {
                let number = "\(i + 1). "
                let lines = TextWidth.wrap(Sanitize.visible(step.title), to: width - 2 - number.count)
                for (j, line) in lines.enumerated() { o.append("  " + (j == 0 ? number : String(repeating: " ", count: number.count)) + line) }
            }
        }
        return o.map { $0.trimmingTrailingSpaces() }
    }

    /// The owner, number, model, IMEI, insurance and emergency contact, each with its label;
    /// the facts the profile lacks are left out.
    func deviceFacts(_ w: Words) -> [String] {
        var facts: [String] = []
        func add(_ label: Word, _ value: String?) {
            if let value { facts.append(w.label(label) + value) }
        }
        add(.owner, device.owner)
        add(.profile(.cardNumber), device.number)
        add(.phoneModel, device.model)
        add(.imei, device.imei)
        switch (insurer, policy) {
        case let (i?, p?): facts.append(w.label(.profile(.insurer)) + i + w.comma + w[.policy] + " " + p)
        case let (i?, nil): add(.profile(.insurer), i)
        case let (nil, p?): add(.profile(.policy), p)
        case (nil, nil): break
        }
        add(.profile(.emergencyContact), emergencyContact)
        return facts
    }

    /// Items joined by `separator`, as many to a line as fit in `width`; an item is never split.
    static func pack(_ items: [String], separator: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for item in items {
            if current.isEmpty { current = item; continue }
            if TextWidth.of(current) + TextWidth.of(separator) + TextWidth.of(item) <= width {
                current += separator + item
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Rows of three cells (name, number or address, label) in columns two spaces apart,
    /// indented by two, each cell wrapped in its column. The name column is as wide as the
    /// widest name up to a third of the line; the middle as wide as its widest cell; the label
    /// takes the rest, or, when less than a quarter of the line is left, its own line under
    /// the middle column.
    static func table(_ rows: [[String]], width: Int) -> [String] {
        guard !rows.isEmpty else { return [] }
        let indent = 2, gap = 2
        let rows = rows.map { $0.map { Sanitize.visible($0) } }
        let nameWidth = min(rows.map { TextWidth.of($0[0]) }.max() ?? 0, (width - indent) / 3)
        let middleStart = indent + nameWidth + gap
        let middleWidth = min(rows.map { TextWidth.of($0[1]) }.max() ?? 0, width - middleStart)
        let labelStart = middleStart + middleWidth + gap
        let labelBeside = width - labelStart >= width / 4
        var out: [String] = []
        for row in rows {
            let name = TextWidth.wrap(row[0], to: nameWidth)
            let middle = TextWidth.wrap(row[1], to: middleWidth)
            var lines: [String] = []
            let label = labelBeside ? TextWidth.wrap(row[2], to: width - labelStart) : []
            for i in 0..<max(name.count, middle.count, label.count, 1) {
                var line = String(repeating: " ", count: indent) + TextWidth.padded(i < name.count ? name[i] : "", to: nameWidth)
                line += String(repeating: " ", count: gap) + TextWidth.padded(i < middle.count ? middle[i] : "", to: middleWidth)
                if i < label.count { line += String(repeating: " ", count: gap) + label[i] }
                lines.append(line)
            }
            if !labelBeside && !row[2].isEmpty {
                lines += TextWidth.wrap(row[2], to: width - middleStart).map { String(repeating: " ", count: middleStart) + $0 }
            }
            out += lines
        }
        return out
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
