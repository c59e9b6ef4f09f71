import Foundation
import Plot

/// The printable export: one self-contained HTML file (inline CSS, no scripts, no external
/// resources) holding the same facts as the Markdown, laid out for A4 paper. Plot escapes every
/// text, so a note cannot become markup.
extension Report {
    /// Chinese faces by family name, most likely first on Linux, macOS and Windows, then generic
    /// faces; the file embeds no font.
    static let htmlFontFamilies = #""Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "SimHei", "Noto Sans", "DejaVu Sans", Arial, sans-serif"#

    /// The page: every table has fixed columns and every cell wraps anywhere, so no text can
    /// run over its neighbour or off the paper, whatever its length; Chinese punctuation keeps
    /// its full width (`text-spacing-trim: space-all`: Chromium would otherwise squeeze `。“`
    /// so that the two glyphs' boxes overlap); the page's margin boxes
    /// name the incident and "page N of M" on every page (Chromium prints CSS margin boxes even
    /// with its own header and footer off).
    func htmlStyle() -> String {
        let w = words
        let footer = #"font-family: \#(Report.htmlFontFamilies); font-size: 8pt; color: #000;"#
        return """
        @page {
          size: \(paper.css); margin: 16mm 14mm 18mm;
          @bottom-left { content: \(Report.cssString(w.capitalized(.incidentID) + " " + incident.id)); \(footer) vertical-align: top; padding-top: 4mm; }
          @bottom-right { content: \(Report.cssString(w[.pageWord])) counter(page) \(Report.cssString(w[.ofWord])) counter(pages) \(Report.cssString(w[.pageSuffix])); \(footer) vertical-align: top; padding-top: 4mm; }
        }
        html { background: #fff; color: #000; }
        body { font-family: \(Report.htmlFontFamilies); font-size: 10pt; line-height: 1.45; margin: 0; overflow-wrap: anywhere; text-spacing-trim: space-all; }
        @media screen { body { max-width: 182mm; margin: 2em auto; padding: 0 1em; } }
        h1 { font-size: 16pt; line-height: 1.3; margin: 0 0 8pt; }
        h2 { font-size: 12.5pt; line-height: 1.3; margin: 14pt 0 5pt; border-bottom: 1pt solid #000; break-after: avoid; page-break-after: avoid; }
        p { margin: 0 0 6pt; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; table-layout: fixed; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.6pt solid #666; padding: 2.5pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: normal; }
        th { background: #eee; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        table.facts th { width: 28%; }
        table.steps th:nth-child(1) { width: 25%; } table.steps th:nth-child(2) { width: 10%; } table.steps th:nth-child(3) { width: 24%; }
        table.steps th:nth-child(4) { width: 16%; } table.steps th:nth-child(5) { width: 25%; }
        table.timeline th:nth-child(1) { width: 6%; } table.timeline th:nth-child(2) { width: 24%; } table.timeline th:nth-child(3) { width: 32%; }
        table.timeline th:nth-child(4) { width: 15%; } table.timeline th:nth-child(5) { width: 23%; }
        table.freeze th:nth-child(1) { width: 30%; } table.freeze th:nth-child(2) { width: 30%; } table.freeze th:nth-child(3) { width: 20%; } table.freeze th:nth-child(4) { width: 20%; }
        table.done th:nth-child(1) { width: 26%; } table.done th:nth-child(2) { width: 22%; } table.done th:nth-child(3) { width: 16%; }
        table.done th:nth-child(4) { width: 11%; } table.done th:nth-child(5) { width: 25%; }
        table.due th:nth-child(1) { width: 17%; } table.due th:nth-child(2) { width: 15%; } table.due th:nth-child(3) { width: 32%; }
        table.due th:nth-child(4) { width: 22%; } table.due th:nth-child(5) { width: 14%; }
        table.banks th:nth-child(1) { width: 24%; } table.banks th:nth-child(2) { width: 12%; } table.banks th:nth-child(3) { width: 28%; } table.banks th:nth-child(4) { width: 36%; }
        .state-done { font-weight: bold; }
        .state-blocked { font-weight: bold; text-decoration: underline; }
        .note { white-space: pre-wrap; }
        .statement { font-size: 9pt; line-height: 1.6; }
        .declaration { break-inside: avoid; page-break-inside: avoid; margin: 8pt 0 10pt; }
        table.sign { width: 100%; }
        table.sign th { width: 14%; background: none; border: none; padding: 10pt 4pt 1pt 0; }
        table.sign td { border: none; border-bottom: 0.8pt solid #000; padding: 10pt 4pt 1pt; }
        ul { margin: 0 0 6pt; padding-left: 18pt; }
        """
    }

    /// `text` as a CSS string literal: anything but letters, digits, space and a few marks is
    /// written as a hex escape, so no text can end the string or the style element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) || " -_.:".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.isASCII {
                out += "\\" + String(scalar.value, radix: 16) + " "
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    public func html() -> String {
        let w = words
        let dash = "–"
        func text(_ s: String?) -> Node<HTML.BodyContext> { .text(s.map { Sanitize.visible($0, keepLineBreaks: true) } ?? dash) }
        func headerRow(_ columns: [String]) -> Node<HTML.TableContext> {
            // The header cells set the fixed columns' widths (htmlStyle).
            .thead(.tr(.forEach(columns) { .th(.text($0)) }))
        }
        func fact(_ label: Word, _ value: String?) -> Node<HTML.TableContext> {
            .tr(.th(.text(w.capitalized(label))), .td(text(value)))
        }
        func notesText(_ notes: [Note]) -> String? {
            notes.isEmpty ? nil : notes.map { noteText($0) }.joined(separator: "\n")
        }
        func stateCell(_ state: StepState, _ said: String? = nil) -> Node<HTML.TableRowContext> {
            .td(.class("state-\(state.rawValue)"), .text(said ?? w.name(state)))
        }

        let facts: Node<HTML.BodyContext> = .table(
            .class("facts"),
            fact(.incidentID, incident.id),
            fact(.started, incident.startedAt.readable),
            fact(.owner, incident.device.owner),
            fact(.lostNumber, incident.device.number),
            fact(.lostAt, incident.lostAt?.readable),
            fact(.phoneModel, incident.device.model),
            fact(.imei, incident.device.imei),
            .if(incident.device.insurer != nil, fact(.profile(.insurer), incident.device.insurer)),
            .if(incident.device.policy != nil, fact(.profile(.policy), incident.device.policy)),
            fact(.resolved, incident.resolvedAt?.readable ?? w[.notYet]),
            fact(.guide, "\(playbookTitle) (\(playbookID) v\(playbookVersion))"),
            fact(.generated, generatedAt.readable)
        )

        let lossColumn = incident.lostAt != nil
        let freeze: Node<HTML.BodyContext> = durations.isEmpty ? .p(.text(w[.noFreezeYet])) : .table(
            .class("freeze"),
            headerRow([w.capitalized(.step), w.capitalized(.doneAt), w.capitalized(.sinceStart)]
                      + (lossColumn ? [w.capitalized(.sinceLoss)] : [])),
            .tbody(.forEach(durations) { d in
                .tr(.td(text(d.title)), .td(.class("num"), text(when(recorded: d.recordedAt, happened: d.doneAt))),
                    .td(.text(w[.fromStart(seconds: d.secondsAfterStart)])),
                    .if(lossColumn, .td(.text(d.secondsAfterLoss.map { w[.fromLoss(seconds: $0)] } ?? dash))))
            })
        )

        let stillOpen: Node<HTML.BodyContext> = open.isEmpty ? .p(.text(w[.allSettled])) : .ul(
            .forEach(open) { row in .li(text(row.title), .text(w.paren(w.name(row.state)))) }
        )

        // Steps grouped by pane, in the playbook's order.
        var panes: [[StepRow]] = []
        for row in actionSteps {
            if let last = panes.last?.last, last.pane == row.pane { panes[panes.count - 1].append(row) } else { panes.append([row]) }
        }
        let stepTables: Node<HTML.BodyContext> = .forEach(panes) { rows in
            .section(
                .h2(text(rows[0].paneTitle)),
                .table(
                    .class("steps"),
                    headerRow([.step, .stateHeading, .updated, .provider, .note].map(w.capitalized)),
                    // The step, with its own record where it has no providers; then one row per
                    // provider the person uses.
                    .tbody(.forEach(rows) { row in
                        .group(
                            .tr(.td(text(row.title)), stateCell(row.state, stateText(row)),
                                .td(.class("num"), text(stepTime(row))),
                                .td(text(nil)), .td(.class("note"), text(notesText(row.own?.notes ?? [])))),
                            .forEach(row.providers) { p in
                                .tr(.td(.class("provider"), .text("↳")), stateCell(p.record.state),
                                    .td(.class("num"), text(when(recorded: p.record.updatedAt, happened: p.record.happenedAt))),
                                    .td(text(p.name)), .td(.class("note"), text(notesText(p.record.notes))))
                            }
                        )
                    })
                )
            )
        }

        let tips: Node<HTML.BodyContext> = .if(!tipsDone.isEmpty, .group(
            .h2(text(w[.tipsDoneBefore])),
            .ul(.forEach(tipsDone) { row in .li(text(row.title + w.colon + tipLine(row))) })
        ))

        let timeline: Node<HTML.BodyContext> = .table(
            .class("timeline"),
            headerRow(["#"] + [.time, .event, .provider, .note].map(w.capitalized)),
            .tbody(.forEach(events) { r in
                .tr(.td(.class("num"), .text("\(r.event.seq)")), .td(.class("num"), .text(when(recorded: r.event.at, happened: r.event.happenedAt) ?? "")),
                    .td(text(eventSummary(r))), .td(text(r.providerName)), .td(.class("note"), text(r.event.note)))
            })
        )

        // How the times were recorded, and the declaration with its lines to fill in by hand.
        let firstPage: Node<HTML.BodyContext> = .group(
            .p(.class("statement"), text(timesStatement)),
            .div(.class("declaration"),
                 .h2(text(w[.declarationTitle])),
                 .p(text(w[.declaration])),
                 .table(.class("sign"), .tbody(.forEach([ReportWord.name, .date, .signature]) { label in
                     .tr(.th(.text(w[label] + w.colon)), .td(.text("\u{00A0}")))
                 })))
        )

        // A section of a cut, or what is due: facts then a table.
        let dueTitle = DueWords.heading[language]
        func sectionNode(_ section: Section) -> Node<HTML.BodyContext> {
            .group(
                .if(section.title != nil, .h2(text(section.title))),
                .if(!section.facts.isEmpty, .table(.class("facts"), .tbody(.forEach(section.facts) { f in
                    .tr(.th(text(f.label)), .td(.class("note"), text(f.value)))
                }))),
                .if(!section.header.isEmpty, section.rows.isEmpty ? .p(text(section.empty)) : .table(
                    .class(section.title == dueTitle ? "due" : section.header.count == 4 ? "banks" : "done"),
                    headerRow(section.header),
                    .tbody(.forEach(section.rows) { r in .tr(.forEach(r) { .td(.class("note"), text($0)) }) })
                ))
            )
        }
        let cut: Node<HTML.BodyContext> = .forEach(cutSections) { sectionNode($0) }
        let dueNode: Node<HTML.BodyContext> = dueSection.map { sectionNode($0) } ?? .empty

        let document = HTML(
            .attribute(named: "lang", value: language == .zh ? "zh-CN" : "en"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's `.title` adds social-media tags; a report wants the plain element.
                .element(named: "title", text: Sanitize.visible(w[.reportTitle])),
                .style(htmlStyle())
            ),
            .body(
                .h1(text(title)),
                .if(audience == nil, .group(
                    facts,
                    firstPage,
                    .h2(.text(w.capitalized(.timeToFreeze))), freeze,
                    .h2(.text(w.capitalized(.stillOpen))), stillOpen,
                    dueNode,
                    stepTables,
                    tips,
                    .h2(.text(w.capitalized(.timeline))), timeline
                )),
                .if(audience != nil, .group(cut, firstPage))
            )
        )
        return document.render(indentedBy: .spaces(1)) + "\n"
    }
}
