import LostphoneCore

/// The selected step in full: why, what to do, the chosen provider's instructions and contacts,
/// the provider switcher, warnings, and what was recorded.
enum DetailView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        guard inner.width > 4, let step = state.selectedStep else {
            if state.isTimeline {
                canvas.put(state.words[.noEvents], x: inner.x, y: inner.y, style: state.theme[.muted], limit: inner.width)
            }
            return
        }
        let rows = lines(step, state).flatMap { $0.wrapped(to: inner.width) }
        let maxScroll = max(0, rows.count - inner.height)
        let top = min(state.detailScroll, maxScroll)
        for (i, spans) in rows.dropFirst(top).prefix(inner.height).enumerated() {
            canvas.put(spans, x: inner.x, y: inner.y + i, width: inner.width, theme: state.theme)
        }
        if rows.count > inner.height {
            let more = top < maxScroll ? "↓ Ctrl-E" : "↑ Ctrl-Y"
            canvas.put(more, x: inner.maxX - TextWidth.of(more), y: inner.maxY - 1, style: state.theme[.muted])
        }
    }

    /// The detail text as unwrapped lines.
    static func lines(_ step: Step, _ state: AppState) -> [StyledLine] {
        let w = state.words
        let lang = state.language
        let rec = state.incident.record(step.id)
        var out: [StyledLine] = []
        out.append(StyledLine(step.title[lang], .heading))
        var status: [Span] = [Span(StepGlyph.glyph(rec.state) + " " + w.name(rec.state), StepGlyph.element(rec.state))]
        if let t = rec.updatedAt { status.append(Span(" · \(w[.lastChange]) \(TimeInput.clock(t))", .muted)) }
        out.append(StyledLine(status))
        // What was recorded: each provider the person uses, with its state, time and notes; a
        // step without providers, its own notes.
        for (id, r) in rec.mine {
            if let id {
                var line = [Span("  " + StepGlyph.glyph(r.state) + " ", StepGlyph.element(r.state)),
                            Span(step.provider(id)?.name[lang] ?? id.rawValue, .heading),
                            Span(" · " + w.name(r.state), StepGlyph.element(r.state))]
                if let t = timeSpan(r, w) { line.append(t) }
                out.append(StyledLine(line, hangingIndent: 4))
            }
            for n in r.notes {
                out.append(StyledLine([Span((id == nil ? "" : "    ") + w.label(.note), .heading), Span(n.text),
                                       Span(" " + TimeInput.clock(n.happenedAt ?? n.at, seconds: false), .muted)],
                                      hangingIndent: id == nil ? 2 : 6))
            }
        }
        if let t = state.happenedAt {
            out.append(StyledLine("@ " + w[.nextHappenedAt(TimeInput.display(t))], .warning))
        }
        if let warning = step.warning { out.append(.blank); out.append(StyledLine([Span("⚠ " + w.label(.warning), .warning), Span(warning[lang], .warning)], hangingIndent: 2)) }
        if let why = step.why { out.append(.blank); out.append(StyledLine(why[lang], .text)) }
        if !step.instructions.isEmpty {
            out.append(.blank)
            out.append(StyledLine(w.capitalized(.whatToDo), .heading))
            out += numbered(step.instructions, lang)
        }
        if !step.contacts.isEmpty {
            out.append(.blank)
            out += contactLines(step.contacts, state)
        }
        if !step.providers.isEmpty, let provider = state.provider(for: step) {
            let i = step.providers.firstIndex { $0.id == provider.id } ?? 0
            out.append(.blank)
            var chooser = [
                Span(w.label(.provider), .heading),
                Span("◀ ", .key), Span(provider.name[lang], .heading), Span(" ▶", .key),
                Span(" (\(i + 1)/\(step.providers.count)) ", .muted),
            ]
            let r = rec.provider(provider.id)
            if r.mine {
                chooser.append(Span(StepGlyph.glyph(r.state) + " " + w.name(r.state), StepGlyph.element(r.state)))
            } else if !state.isChosen(provider, in: step) {
                chooser.append(Span(w.paren(w[.notChosen]) + " " + w[.providerHint], .muted))
            } else {
                chooser.append(Span(w[.providerHint], .muted))
            }
            out.append(StyledLine(chooser))
            if let warning = provider.warning { out.append(StyledLine([Span("⚠ ", .warning), Span(warning[lang], .warning)], hangingIndent: 2)) }
            out += contactLines(provider.contacts, state)
            out += numbered(provider.instructions, lang)
            if let n = provider.note { out.append(StyledLine(n[lang], .muted)) }
        }
        return out
    }

    /// ` · 21:10`, or ` · 21:05 (happened; recorded 21:10)` when the person gave the time.
    static func timeSpan(_ r: ProviderRecord, _ w: Words) -> Span? {
        guard let recorded = r.updatedAt else { return nil }
        guard let happened = r.happenedAt, happened != recorded else { return Span(" · " + TimeInput.clock(recorded), .muted) }
        return Span(" · " + TimeInput.clock(happened) + w.paren(w[.happened] + w.semicolon + w[.recorded] + " " + TimeInput.clock(recorded)), .muted)
    }

    static func numbered(_ items: [LocalizedText], _ lang: Language) -> [StyledLine] {
        items.enumerated().map { i, t in
            let n = "\(i + 1). "
            return StyledLine([Span(n, .priority), Span(t[lang])], hangingIndent: TextWidth.of(n))
        }
    }

    /// A contact on a line of its own: the number large and clear, the IVR option, the label,
    /// and a discreet mark when no official source confirms it.
    static func contactLines(_ contacts: [Contact], _ state: AppState) -> [StyledLine] {
        let w = state.words
        let lang = state.language
        return contacts.map { c in
            var spans: [Span]
            switch c.kind {
            case .phone(let number):
                spans = [Span("☎ \(w.capitalized(.phone)) ", .muted), Span(number, .contactPhone)]
                if let p = c.press { spans.append(Span(" → \(w[.thenPress]) \(p)", .contactPhone)) }
            case .web(let address):
                spans = [Span("⌁ \(w.capitalized(.web)) ", .muted), Span(address, .contactWeb)]
            case .path(let path):
                spans = [Span("≡ \(w.capitalized(.menu)) ", .muted), Span(path[lang], .contactPath)]
            }
            if let label = c.label { spans.append(Span("  " + label[lang], .muted)) }
            if !c.isFullyConfirmed { spans.append(Span(w.paren(Guide.sourceNote(c, lang)), .unconfirmed)) }
            return StyledLine(spans, hangingIndent: 4)
        }
    }
}
