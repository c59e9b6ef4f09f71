/// The whole playbook as plain text: every step, provider, contact and tip, with sources. For
/// screen readers, for printing before an emergency, and for a terminal without a full screen.
/// Words, not symbols, carry the meaning ("Phone:", "then press 9"), so it reads aloud well.
public enum Guide {
    public static func render(_ playbook: Playbook, language l: Language, width: Int = 80) -> String {
        var out: [String] = []
        let w = Words(l)
        func para(_ text: String, indent: Int) {
            let pad = String(repeating: " ", count: indent)
            for raw in Sanitize.visible(text, keepLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false) {
                let lines = TextWidth.wrap(String(raw), to: max(10, width - indent))
                out += lines.isEmpty ? [""] : lines.map { pad + $0 }
            }
        }
        para(playbook.title[l], indent: 0)
        var source = w.label(.source) + playbook.source.publisher[l]
        if let t = playbook.source.title { source += w.comma + w.bookTitle(t[l]) }
        if let d = playbook.source.date { source += w.comma + d }
        if let u = playbook.source.url { source += " " + u }
        para(source, indent: 0)
        out.append("")
        var numbers: [StepID: String] = [:]
        for (p, pane) in playbook.panes.enumerated() {
            for (s, step) in pane.steps.enumerated() { numbers[step.id] = "\(p + 1).\(s + 1)" }
        }
        for (p, pane) in playbook.panes.enumerated() {
            let heading = "\(p + 1). \(pane.title[l])"
            out.append(heading)
            out.append(String(repeating: "=", count: min(width, TextWidth.of(heading))))
            out.append("")
            for (s, step) in pane.steps.enumerated() {
                var title = "\(p + 1).\(s + 1) \(step.title[l])"
                if let pr = step.priority { title += w.paren("\(w[.priority]) \(pr)") }
                para(title, indent: 0)
                if let why = step.why { para(w.label(.why) + why[l], indent: 4) }
                if let warning = step.warning { para(w.label(.warning) + warning[l], indent: 4) }
                if !step.requires.isEmpty {
                    let first = step.requires.compactMap { id in
                        playbook.step(id).map { "\(numbers[id] ?? "") \($0.title[l])" }
                    }
                    var line = w.label(.doFirst) + first.joined(separator: w.semicolon)
                    if let why = step.requiresWhy { line += (l == .zh ? "。" : ". ") + why[l] }
                    para(line, indent: 4)
                }
                for (i, line) in step.instructions.enumerated() {
                    para(step.instructions.count > 1 ? "\(i + 1)) \(line[l])" : line[l], indent: 4)
                }
                for c in step.contacts { para(describe(c, l), indent: 4) }
                for provider in step.providers {
                    para("- " + provider.name[l], indent: 4)
                    if let warning = provider.warning { para(w.label(.warning) + warning[l], indent: 8) }
                    for line in provider.instructions { para(line[l], indent: 8) }
                    for c in provider.contacts { para(describe(c, l), indent: 8) }
                    if let n = provider.note { para(n[l], indent: 8) }
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One contact in words: `Phone: 95017, then press 9 (WeChat Pay) [source: the article; unconfirmed]`.
    public static func describe(_ contact: Contact, _ l: Language) -> String {
        let w = Words(l)
        var s: String
        switch contact.kind {
        case .phone(let n):
            s = w.label(.phone) + n
            if let p = contact.press { s += w.comma + "\(w[.thenPress]) \(p)" }
        case .web(let address): s = w.label(.web) + address
        case .path(let t): s = w.label(.menu) + t[l]
        }
        if let label = contact.label { s += w.paren(label[l]) }
        s += " [" + sourceNote(contact, l) + "]"
        return s
    }

    /// Where a contact comes from and whether it is confirmed, in a few words, all in `l`. A
    /// number with a voice-menu option says separately whether each is confirmed.
    public static func sourceNote(_ contact: Contact, _ l: Language) -> String {
        let w = Words(l)
        let src: String
        switch contact.source {
        case .article: src = w[.article]
        case .domain(let d): src = d
        case .text(let t): src = t[l]
        }
        var s = w[.source] + w.colon + src + w.semicolon
        if let p = contact.press {
            s += w[contact.confirmed ? .numberConfirmed : .numberUnconfirmed] + w.semicolon
                + w[.pressOption(p, confirmed: contact.pressConfirmed)]
        } else {
            s += w[contact.confirmed ? .confirmed : .unconfirmed]
        }
        return s
    }
}
