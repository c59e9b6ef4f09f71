/// The whole playbook as plain text: every step, provider, contact and tip, with sources. For
/// screen readers, for printing before an emergency, and for a terminal without a full screen.
/// Words, not symbols, carry the meaning ("Phone:", "then press 9"), so it reads aloud well.
public enum Guide {
    public static func render(_ playbook: Playbook, language l: Language, width: Int = 80) -> String {
        var out: [String] = []
        let zh = l == .zh
        func para(_ text: String, indent: Int) {
            let pad = String(repeating: " ", count: indent)
            for raw in Sanitize.visible(text, keepLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false) {
                let lines = TextWidth.wrap(String(raw), to: max(10, width - indent))
                out += lines.isEmpty ? [""] : lines.map { pad + $0 }
            }
        }
        para(playbook.title[l], indent: 0)
        var source = (zh ? "来源：" : "Source: ") + playbook.source.publisher[l]
        if let t = playbook.source.title { source += zh ? "《\(t[l])》" : ", “\(t[l])”" }
        if let d = playbook.source.date { source += zh ? "，\(d)" : ", \(d)" }
        if let u = playbook.source.url { source += " " + u }
        para(source, indent: 0)
        out.append("")
        for (p, pane) in playbook.panes.enumerated() {
            let heading = "\(p + 1). \(pane.title[l])"
            out.append(heading)
            out.append(String(repeating: "=", count: min(width, TextWidth.of(heading))))
            out.append("")
            for (s, step) in pane.steps.enumerated() {
                var title = "\(p + 1).\(s + 1) \(step.title[l])"
                if let pr = step.priority { title += zh ? "（优先级 \(pr)）" : " (priority \(pr))" }
                para(title, indent: 0)
                if let why = step.why { para((zh ? "为什么：" : "Why: ") + why[l], indent: 4) }
                if let w = step.warning { para((zh ? "注意：" : "Warning: ") + w[l], indent: 4) }
                for (i, line) in step.instructions.enumerated() {
                    para(step.instructions.count > 1 ? "\(i + 1)) \(line[l])" : line[l], indent: 4)
                }
                for c in step.contacts { para(describe(c, l), indent: 4) }
                for provider in step.providers {
                    para("- " + provider.name[l], indent: 4)
                    if let w = provider.warning { para((zh ? "注意：" : "Warning: ") + w[l], indent: 8) }
                    for line in provider.instructions { para(line[l], indent: 8) }
                    for c in provider.contacts { para(describe(c, l), indent: 8) }
                    if let n = provider.note { para(n[l], indent: 8) }
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One contact in words: `Phone: 95017, then press 9 (WeChat Pay) [source: article; not yet confirmed]`.
    public static func describe(_ contact: Contact, _ l: Language) -> String {
        let zh = l == .zh
        var s: String
        switch contact.kind {
        case .phone(let n):
            s = (zh ? "电话：" : "Phone: ") + n
            if let p = contact.press { s += zh ? "，转 \(p) 键" : ", then press \(p)" }
        case .web(let w): s = (zh ? "网址：" : "Web: ") + w
        case .path(let t): s = (zh ? "操作路径：" : "Menu path: ") + t[l]
        }
        if let label = contact.label { s += zh ? "（\(label[l])）" : " (\(label[l]))" }
        s += " [" + sourceNote(contact, l) + "]"
        return s
    }

    /// Where a contact comes from and whether it is confirmed, in a few words.
    public static func sourceNote(_ contact: Contact, _ l: Language) -> String {
        let zh = l == .zh
        let src = contact.source == "article" ? (zh ? "原文" : "the article") : contact.source
        let status = contact.confirmed ? (zh ? "已核实" : "confirmed") : (zh ? "未核实" : "not confirmed")
        return zh ? "来源：\(src)；\(status)" : "source: \(src); \(status)"
    }
}
