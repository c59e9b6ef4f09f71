import Foundation
import Plot

/// The printable export: one self-contained HTML file (inline CSS, no scripts, no external
/// resources) holding the same facts as the Markdown, laid out for A4 paper. Plot escapes every
/// text, so a note cannot become markup.
extension Report {
    /// Chinese faces by family name, most likely first on Linux, macOS and Windows, then generic
    /// faces; the file embeds no font.
    static let htmlFontFamilies = #""Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "SimHei", "Noto Sans", "DejaVu Sans", Arial, sans-serif"#

    static let htmlStyle = """
    @page { size: A4; margin: 15mm 14mm 16mm; }
    html { background: #fff; color: #000; }
    body { font-family: \(htmlFontFamilies); font-size: 10pt; line-height: 1.45; margin: 0; }
    @media screen { body { max-width: 182mm; margin: 2em auto; padding: 0 1em; } }
    h1 { font-size: 17pt; margin: 0 0 8pt; }
    h2 { font-size: 12.5pt; margin: 14pt 0 5pt; border-bottom: 1pt solid #000; break-after: avoid; page-break-after: avoid; }
    table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    th, td { border: 0.6pt solid #666; padding: 2.5pt 5pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
    th { background: #eee; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    table.facts th { width: 28%; }
    table.steps { table-layout: fixed; }
    table.steps th:nth-child(1) { width: 30%; }
    table.steps th:nth-child(2) { width: 9%; }
    table.steps th:nth-child(3) { width: 27%; }
    table.steps th:nth-child(4) { width: 14%; }
    td.num { white-space: nowrap; }
    .state-done { font-weight: bold; }
    .state-blocked { font-weight: bold; text-decoration: underline; }
    .note { white-space: pre-wrap; }
    ul { margin: 0 0 6pt; padding-left: 18pt; }
    """

    public func html() -> String {
        let w = words
        let dash = "–"
        func text(_ s: String?) -> Node<HTML.BodyContext> { .text(s.map { Sanitize.visible($0, keepLineBreaks: true) } ?? dash) }
        func headerRow(_ columns: [String]) -> Node<HTML.TableContext> {
            .thead(.tr(.forEach(columns) { .th(.text($0)) }))
        }
        func fact(_ label: Word, _ value: String?) -> Node<HTML.TableContext> {
            .tr(.th(.text(w.capitalized(label))), .td(text(value)))
        }
        func notesText(_ notes: [Note]) -> String? {
            notes.isEmpty ? nil : notes.map { noteText($0) }.joined(separator: "\n")
        }
        func stateCell(_ state: StepState) -> Node<HTML.TableRowContext> {
            .td(.class("state-\(state.rawValue)"), .text(w.name(state)))
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
            headerRow([w.capitalized(.step), w.capitalized(.doneAt), w.capitalized(.sinceStart)]
                      + (lossColumn ? [w.capitalized(.sinceLoss)] : [])),
            .tbody(.forEach(durations) { d in
                .tr(.td(text(d.title)), .td(.class("num"), .text(d.doneAt.readable)),
                    .td(.text(w[.duration(seconds: d.secondsAfterStart)])),
                    .if(lossColumn, .td(.text(d.secondsAfterLoss.map { w[.duration(seconds: $0)] } ?? dash))))
            })
        )

        let stillOpen: Node<HTML.BodyContext> = open.isEmpty ? .p(.text(w[.allSettled])) : .ul(
            .forEach(open) { row in .li(text(row.title), .text(w.paren(w.name(row.state)))) }
        )

        // Steps grouped by pane, in the playbook's order.
        var panes: [[StepRow]] = []
        for row in steps {
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
                            .tr(.td(text(row.title)), stateCell(row.state),
                                .td(.class("num"), text(when(recorded: row.own?.updatedAt ?? row.updatedAt, happened: row.own?.happenedAt))),
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

        let timeline: Node<HTML.BodyContext> = .table(
            headerRow(["#"] + [.time, .event, .provider, .note].map(w.capitalized)),
            .tbody(.forEach(events) { r in
                .tr(.td(.class("num"), .text("\(r.event.seq)")), .td(.class("num"), .text(when(recorded: r.event.at, happened: r.event.happenedAt) ?? "")),
                    .td(text(eventSummary(r))), .td(text(r.providerName)), .td(.class("note"), text(r.event.note)))
            })
        )

        let document = HTML(
            .attribute(named: "lang", value: language == .zh ? "zh-CN" : "en"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's `.title` adds social-media tags; a report wants the plain element.
                .element(named: "title", text: Sanitize.visible(w[.reportTitle])),
                .style(Report.htmlStyle)
            ),
            .body(
                .h1(text(w[.reportTitle])),
                facts,
                .h2(.text(w.capitalized(.timeToFreeze))), freeze,
                .h2(.text(w.capitalized(.stillOpen))), stillOpen,
                stepTables,
                .h2(.text(w.capitalized(.timeline))), timeline
            )
        )
        return document.render(indentedBy: .spaces(1)) + "\n"
    }
}
