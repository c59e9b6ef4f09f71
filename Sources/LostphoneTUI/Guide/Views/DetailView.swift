import LostphoneCore
import TerminalKit

/// The selected step in full: what was recorded, the provider switcher and the contacts first,
/// then warnings, why and what to do; in the timeline, the selected event. Says when more is
/// below.
enum DetailView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState) {
        let inner = innerRect(rect)
        guard inner.width > 4 else { return }
        let rows = wrappedRows(state, width: inner.width)
        if rows.isEmpty, state.isTimeline {
            canvas.put(state.words[.noEvents], x: inner.x, y: inner.y, style: state.theme[.muted], limit: inner.width)
            return
        }
        let top = min(state.detailScroll, maxScroll(rowCount: rows.count, height: inner.height))
        let hidden = rows.count - top - inner.height
        // Something hidden below takes the last line to say so, rather than cutting a line.
        let shown = hidden > 0 ? max(0, inner.height - 1) : inner.height
        for (i, spans) in rows.dropFirst(top).prefix(shown).enumerated() {
            canvas.put(spans, x: inner.x, y: inner.y + i, width: inner.width, theme: state.theme)
        }
        if hidden > 0 {
            let more = state.words[.moreBelow(lines: rows.count - top - shown)] + " · PgDn"
            canvas.put(TextWidth.truncate(more, to: inner.width), x: inner.maxX - min(inner.width, TextWidth.of(more)),
                       y: inner.maxY - 1, style: state.theme[.muted])
        }
    }

    /// The details' text area inside their part of the screen.
    static func innerRect(_ rect: Rect) -> Rect {
        Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
    }

    /// The details as screen lines, wrapped to `width`: the selected step's, or in the
    /// timeline the selected event's.
    static func wrappedRows(_ state: AppState, width: Int) -> [[Span]] {
        let unwrapped: [StyledLine]
        if state.isTimeline {
            let events = state.incident.events
            guard events.indices.contains(state.selection[state.focus]) else { return [] }
            unwrapped = TimelineView.detailLines(events[state.selection[state.focus]], state)
        } else if let step = state.selectedStep {
            unwrapped = lines(step, state)
        } else {
            return []
        }
        return unwrapped.flatMap { $0.wrapped(to: width) }
    }

    /// The furthest the details scroll: their last line at the bottom.
    static func maxScroll(rowCount: Int, height: Int) -> Int { max(0, rowCount - height) }

    /// How far the details of the state's selection can scroll at the state's screen size.
    static func maxScroll(_ state: AppState) -> Int {
        let layout = Layout(width: state.width, height: state.height, detailOpen: state.detailOpen)
        guard let rect = layout.detail, !layout.tooSmall else { return 0 }
        let inner = innerRect(rect)
        guard inner.width > 4 else { return 0 }
        return maxScroll(rowCount: wrappedRows(state, width: inner.width).count, height: inner.height)
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
        // Numbers and addresses first, where a person in a hurry sees them without a key; the
        // reasons and long instructions after.
        var provider: Provider?
        if !step.providers.isEmpty, let shown = state.provider(for: step) {
            provider = shown
            out.append(chooserLine(step, shown, rec, state))
            if let warning = shown.warning { out.append(StyledLine([Span("⚠ ", .warning), Span(warning[lang], .warning)], hangingIndent: 2)) }
            out += contactLines(shown.contacts, state)
        }
        out += contactLines(step.contacts, state)
        if let warning = step.warning { out.append(.blank); out.append(StyledLine([Span("⚠ " + w.label(.warning), .warning), Span(warning[lang], .warning)], hangingIndent: 2)) }
        if let why = step.why { out.append(.blank); out.append(StyledLine(why[lang], .text)) }
        if !step.instructions.isEmpty {
            out.append(.blank)
            out.append(StyledLine(w.capitalized(.whatToDo), .heading))
            out += numbered(step.instructions, lang)
        }
        if let provider, !provider.instructions.isEmpty || provider.note != nil {
            out.append(.blank)
            out.append(StyledLine(provider.name[lang], .heading))
            out += numbered(provider.instructions, lang)
            if let n = provider.note { out.append(StyledLine(n[lang], .muted)) }
        }
        return out
    }

    /// `Provider: ◀ China Mobile ▶ (1/3)` with the provider's state for the person, or how to
    /// choose another.
    static func chooserLine(_ step: Step, _ provider: Provider, _ rec: StepRecord, _ state: AppState) -> StyledLine {
        let w = state.words
        let lang = state.language
        let i = state.providerOrder(step).firstIndex { $0.id == provider.id } ?? 0
        var chooser = [
            Span(w.label(.provider), .heading),
            Span("◀ ", .key), Span(provider.name[lang], .heading), Span(" ▶", .key),
            Span(" (\(i + 1)/\(step.providers.count)) ", .muted),
        ]
        let r = rec.provider(provider.id)
        if r.mine {
            chooser.append(Span(StepGlyph.glyph(r.state) + " " + w.name(r.state), StepGlyph.element(r.state)))
        } else if rec.prepared {
            // The profile named the person's providers here: this one is not among them.
            chooser.append(Span(w.paren(w[.notYours]) + " " + w[.notYoursHint], .muted))
        } else if !state.isChosen(provider, in: step) {
            chooser.append(Span(w.paren(w[.notChosen]) + " " + w[.providerHint], .muted))
        } else {
            chooser.append(Span(w[.providerHint], .muted))
        }
        return StyledLine(chooser, hangingIndent: 2)
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
                spans = [Span("⌁ \(w.capitalized(.web)) ", .muted),
                         Span(address, .contactWeb, link: Hyperlink.url(forWebAddress: address))]
            case .path(let path):
                spans = [Span("≡ \(w.capitalized(.menu)) ", .muted), Span(path[lang], .contactPath)]
            }
            if let label = c.label { spans.append(Span("  " + label[lang], .muted)) }
            if !c.isFullyConfirmed { spans.append(Span(w.paren(Guide.sourceNote(c, lang)), .unconfirmed)) }
            return StyledLine(spans, hangingIndent: 4)
        }
    }
}
