import LostphoneCore
import TerminalKit

/// What the details say, as styled lines: the selected step in full (what was recorded, the
/// provider switcher and the contacts first, then warnings, why and what to do) or, in the
/// timeline, the selected event. The layout measures and hit-tests these lines and the view
/// draws them, so both see the same rows. Clickable spans carry a `DetailHit` tag.
enum DetailText {
    /// The details as screen lines, wrapped to `width`: the selected step's, or in the
    /// timeline the selected event's.
    static func wrappedRows(_ state: AppState, width: Int) -> [[Span]] {
        let unwrapped: [StyledLine]
        if state.isTimeline {
            let events = state.incident.events
            guard events.indices.contains(state.nav.row) else { return [] }
            unwrapped = detailLines(events[state.nav.row], state)
        } else if let step = state.selectedStep {
            unwrapped = lines(step, state)
        } else {
            return []
        }
        return unwrapped.flatMap { $0.wrapped(to: width) }
    }

    /// The detail text as unwrapped lines.
    static func lines(_ step: Step, _ state: AppState) -> [StyledLine] {
        let w = state.words
        let lang = state.display.language
        let rec = state.incident.record(step.id)
        var out: [StyledLine] = []
        out.append(StyledLine(step.title[lang], .heading))
        let said = w.stepState(rec.state, noneOfMine: rec.isNoneOfMine, noOther: rec.saidNoOther, group: step.group)
        var status: [Span] = [Span(StepGlyph.glyph(rec.state) + " " + said, StepGlyph.element(rec.state))]
        if let c = rec.shownChange {
            status += whenSpans(" · \(w[.lastChange]) ", happened: c.happened, recorded: c.recorded, state)
        }
        out.append(StyledLine(status))
        // What was recorded: each provider the person uses, with its state, time and notes; a
        // step without providers, its own notes.
        for (id, r) in rec.mine {
            if let id {
                var line = [Span("  " + StepGlyph.glyph(r.state) + " ", StepGlyph.element(r.state)),
                            Span(step.provider(id)?.name[lang] ?? id.rawValue, .heading),
                            Span(" · " + w.name(r.state), StepGlyph.element(r.state))]
                if let recorded = r.updatedAt { line += whenSpans(" · ", happened: r.happenedAt, recorded: recorded, state) }
                out.append(StyledLine(line, hangingIndent: 4))
            }
            for n in r.notes {
                out.append(StyledLine([Span((id == nil ? "" : "    ") + w.label(.note), .heading), Span(n.text)]
                                      + whenSpans(" ", happened: n.happenedAt, recorded: n.at, state, seconds: false),
                                      hangingIndent: id == nil ? 2 : 6))
            }
        }
        if let t = state.choices.happenedAt {
            out.append(StyledLine("@ " + w[.nextHappenedAt(TimeInput.display(t))], .warning))
        }
        // Numbers and addresses first, where a person in a hurry sees them without a key; the
        // reasons and long instructions after.
        var provider: Provider?
        if !step.providers.isEmpty, let shown = state.provider(for: step) {
            provider = shown
            out.append(chooserLine(step, shown, rec, state))
            if let warning = shown.warning { out.append(StyledLine([Span("⚠ ", .warning), Span(warning[lang], .warning)], hangingIndent: 2)) }
            out += contactLines(shown.contacts, first: 0, state)
        }
        out += contactLines(step.contacts, first: provider?.contacts.count ?? 0, state)
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
        let lang = state.display.language
        let i = state.providerOrder(step).firstIndex { $0.id == provider.id } ?? 0
        var chooser = [
            Span(w.label(.provider), .heading),
            Span("◀ ", .key, hit: DetailHit.previousProvider), Span(provider.name[lang], .heading),
            Span(" ▶", .key, hit: DetailHit.nextProvider),
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

    /// ` · 21:05:00`, then ` (recorded 21:10)` where the person gave an earlier time: the rule
    /// of the list and the timeline (`ShortTime`), with a date when not today.
    static func whenSpans(_ lead: String, happened: Timestamp?, recorded: Timestamp, _ state: AppState,
                          seconds: Bool = true) -> [Span] {
        let when = ShortTime.when(happened: happened, recorded: recorded, today: state.now, words: state.words, seconds: seconds)
        return [Span(lead + when.time, .muted)] + (when.recorded.map { [Span($0, .muted)] } ?? [])
    }

    static func numbered(_ items: [LocalizedText], _ lang: Language) -> [StyledLine] {
        items.enumerated().map { i, t in
            let n = "\(i + 1). "
            return StyledLine([Span(n, .priority), Span(t[lang])], hangingIndent: TextWidth.of(n))
        }
    }

    /// A contact on a line of its own: the number large and clear, the IVR option, the label,
    /// and a discreet mark when no official source confirms it.
    /// Each contact's spans carry its index among the step's contacts as shown (`first` and on),
    /// so a click on it picks that contact.
    static func contactLines(_ contacts: [Contact], first: Int, _ state: AppState) -> [StyledLine] {
        let w = state.words
        let lang = state.display.language
        return contacts.enumerated().map { i, c in
            let hit = DetailHit.contact(first + i)
            var spans: [Span]
            switch c.kind {
            case .phone(let number):
                spans = [Span("☎ \(w.capitalized(.phone)) ", .muted), Span(number, .contactPhone, hit: hit)]
                if let p = c.press { spans.append(Span(" → \(w[.thenPress]) \(p)", .contactPhone, hit: hit)) }
            case .web(let address):
                spans = [Span("⌁ \(w.capitalized(.web)) ", .muted),
                         Span(address, .contactWeb, link: Hyperlink.url(forWebAddress: address), hit: hit)]
            case .path(let path):
                spans = [Span("≡ \(w.capitalized(.menu)) ", .muted), Span(path[lang], .contactPath, hit: hit)]
            }
            if let label = c.label { spans.append(Span("  " + label[lang], .muted)) }
            if !c.isFullyConfirmed { spans.append(Span(w.paren(Guide.sourceNote(c, lang)), .unconfirmed)) }
            return StyledLine(spans, hangingIndent: 4)
        }
    }

    /// The selected event in full: when it was recorded and when it happened, the step, the
    /// provider, the move and the note.
    static func detailLines(_ e: Event, _ state: AppState) -> [StyledLine] {
        let w = state.words
        let lang = state.display.language
        var out = [StyledLine(EventText.describe(e, state), hangingIndent: 2)]
        out.append(.blank)
        func field(_ label: String, _ value: String, _ element: ThemeElement = .text) {
            out.append(StyledLine([Span(label + w.colon, .muted), Span(value, element)], hangingIndent: 2))
        }
        // When it happened first, as everywhere; when it was recorded after.
        if let h = e.happenedAt { field(w.capitalized(.happenedAt), TimeInput.display(h)) }
        field(w.capitalized(.recordedAt), TimeInput.display(e.at))
        if let id = e.step { field(w.capitalized(.step), state.step(id)?.title[lang] ?? id.rawValue, .heading) }
        if let p = e.provider {
            let name = e.step.flatMap(state.step)?.provider(p)?.name[lang] ?? p.rawValue
            field(w.capitalized(.provider), name)
        }
        if let from = e.from, let to = e.to {
            field(w.capitalized(.fromTo), w.name(from) + " → " + w.name(to), StepGlyph.element(to))
        }
        if let n = e.note, !n.isEmpty { field(w.capitalized(.note), n) }
        return out
    }
}

/// What a click on a span of the details asks for: the provider arrows, or a contact by its
/// index among the shown step's contacts (the provider's first, then the step's).
enum DetailHit {
    static let previousProvider = -1
    static let nextProvider = -2
    static func contact(_ index: Int) -> Int { index }
}
