import Plot

/// The wallet card as one self-contained HTML page (inline CSS, no scripts, fonts by family
/// name) for A5 paper, or the top half of A4 printed at actual size and folded. Each hotline
/// has its QR code beside it, drawn as inline SVG, where a code could be made.
extension WalletCard {
    /// The result of laying out the HTML card: the page, and why it has no QR codes, if it has none.
    public struct HTMLPage: Sendable {
        public var html: String
        public var qrCodesMissing: QRCodeUnavailable?
    }

    /// A5 less its margins is 132 × 196 mm; the sizes below keep the most a profile can tick
    /// (3 carriers, 7 banks, 2 apps, 2 platforms, 7 brands) on that one page.
    static func htmlStyle(columns: Int, codeSize: Int) -> String {
        """
        @page { size: A5; margin: 7mm 8mm; }
        html { background: #fff; color: #000; }
        body { font-family: \(Report.htmlFontFamilies); font-size: 8pt; line-height: 1.2; margin: 0; }
        @media screen { body { width: 132mm; margin: 1em auto; } }
        header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 1.2pt solid #000; margin-bottom: 2mm; }
        h1 { font-size: 13pt; margin: 0; }
        .asof { font-size: 7.5pt; }
        h2 { font-size: 9pt; margin: 1.6mm 0 0.8mm; border-bottom: 0.6pt solid #000; break-after: avoid; page-break-after: avoid; }
        dl.facts { display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 0.4mm 2mm; margin: 0; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        ul.hotlines { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(\(columns), 1fr); gap: 0.8mm 2mm; }
        ul.hotlines li { display: flex; gap: 1.5mm; align-items: flex-start; break-inside: avoid; page-break-inside: avoid; }
        ul.hotlines svg { width: \(codeSize)mm; height: \(codeSize)mm; flex: none; }
        .name { font-weight: bold; }
        .number { font-size: 10.5pt; font-weight: bold; white-space: nowrap; letter-spacing: 0.2pt; }
        .label, .press { display: block; }
        a { color: inherit; text-decoration: none; }
        .unconfirmed { font-weight: normal; font-size: 7pt; }
        dl.findmy { display: grid; grid-template-columns: auto 1fr; gap: 0.4mm 2mm; margin: 0; }
        dl.findmy dt { font-weight: bold; }
        dl.findmy dd { margin: 0; }
        .address { font-weight: bold; overflow-wrap: anywhere; }
        ol.steps { margin: 0; padding-left: 5mm; }
        footer { margin-top: 1.5mm; font-size: 6.5pt; color: #333; }
        """
    }

    /// Two columns of hotlines with larger codes for up to eight numbers, three columns with
    /// smaller codes beyond: 12 mm still scans at arm's length (a 25-module code, 0.4 mm a module).
    static func htmlLayout(hotlines: Int) -> (columns: Int, codeSize: Int) {
        hotlines <= 8 ? (2, 16) : (3, 12)
    }

    /// The page; `qrCode` makes each hotline's code (`QREncoder.encode` in the program).
    public func html(qrCode: (String) -> Result<QRCode, QRCodeUnavailable>) -> HTMLPage {
        let w = words
        var missing: QRCodeUnavailable?
        func text(_ s: String) -> Node<HTML.BodyContext> { .text(Sanitize.visible(s)) }
        func unconfirmed() -> Node<HTML.BodyContext> { .span(.class("unconfirmed"), .text(w.paren(w[.unconfirmed]))) }

        // The police's number everyone knows: one line above the grid, no code of its own, so the
        // page holds the same numbers of the person's own as before.
        let everyone = hotlines.filter(\.isForEveryone)
        let hotlines = hotlines.filter { !$0.isForEveryone }
        let layout = Self.htmlLayout(hotlines: hotlines.count)
        var codes: [QRCode?] = []
        for h in hotlines {
            switch qrCode(h.uri) {
            case .success(let c): codes.append(c)
            case .failure(let why): codes.append(nil); missing = missing ?? why
            }
        }
        let everyoneLine: Node<HTML.BodyContext> = .forEach(everyone) { h in
            .p(.class("everyone"), .span(.class("name"), text(h.name)), .text(" "),
               .a(.href(h.uri), .span(.class("number"), .text(Sanitize.visible(h.number)))))
        }
        let hotlineList: Node<HTML.BodyContext> = hotlines.isEmpty ? .group(everyoneLine, .p(text(w[.cardNoHotlines]))) : .group(everyoneLine, .ul(
            .class("hotlines"),
            .forEach(Array(zip(hotlines, codes))) { h, code in
                .li(
                    .unwrap(code) { Self.svg($0, uri: h.uri, title: "\(h.name) \(h.number)") },
                    .div(
                        .span(.class("name"), text(h.name)), .br(),
                        .a(.href(h.uri), .span(.class("number"), .text(Sanitize.visible(h.number)))),
                        .if(!h.numberConfirmed, unconfirmed()),
                        .unwrap(h.press) { p in
                            .span(.class("press"), text(w[.cardPress(p)]), .if(!h.pressConfirmed, unconfirmed()))
                        },
                        .unwrap(h.label) { .span(.class("label"), text($0)) }
                    )
                )
            }
        ))

        let facts = deviceFacts(w)
        let document = HTML(
            .attribute(named: "lang", value: language == .zh ? "zh-CN" : "en"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: Sanitize.visible(w[.cardTitle])),
                .style(Self.htmlStyle(columns: layout.columns, codeSize: layout.codeSize))
            ),
            .body(
                .header(
                    .h1(text(w[.cardTitle])),
                    .unwrap(asOf) { .span(.class("asof"), .text(w[.cardAsOf(String($0.text.prefix(10)))])) }
                ),
                .if(!facts.isEmpty, .group(
                    .h2(text(w[.cardDevice])),
                    .dl(.class("facts"), .forEach(deviceFactPairs(w)) { pair in
                        .group(.dt(.text(Sanitize.visible(pair.0))), .dd(.text(Sanitize.visible(pair.1))))
                    })
                )),
                .h2(text(w[.cardHotlines])),
                hotlineList,
                .if(!findMy.isEmpty, .group(
                    .h2(text(w[.cardFindMy])),
                    .dl(.class("findmy"), .forEach(findMy) { f in
                        .group(.dt(text(f.name)),
                               .dd(.span(.class("address"), text(f.address)),
                                   .if(!f.confirmed, unconfirmed()),
                                   .unwrap(f.label) { .text(" · " + Sanitize.visible($0)) }))
                    })
                )),
                .if(!firstSteps.isEmpty, .group(
                    .h2(text(w[.cardFirstSteps])),
                    .ol(.class("steps"), .forEach(firstSteps) { .li(text($0.title)) })
                )),
                .footer(text(w[.cardEverythingElse] + " · " + guide))
            )
        )
        return HTMLPage(html: document.render(indentedBy: .spaces(1)) + "\n", qrCodesMissing: hotlines.isEmpty ? nil : missing)
    }

    /// The facts of the card as (label, value) for the HTML's definition list.
    func deviceFactPairs(_ w: Words) -> [(String, String)] {
        var pairs: [(String, String)] = []
        func add(_ label: Word, _ value: String?) {
            if let value { pairs.append((w.capitalized(label), value)) }
        }
        add(.owner, device.owner)
        add(.profile(.cardNumber), device.number)
        add(.phoneModel, device.model)
        add(.imei, device.imei)
        add(.profile(.insurer), insurer)
        add(.profile(.policy), policy)
        add(.profile(.emergencyContact), emergencyContact)
        return pairs
    }

    /// A QR code as inline SVG: one path of unit squares, one per dark module, on a white
    /// square with the standard quiet zone of four modules; a link to `uri` around it, so on a
    /// phone the code itself dials.
    static func svg(_ code: QRCode, uri: String, title: String) -> Node<HTML.BodyContext> {
        let quiet = 4
        let side = code.size + 2 * quiet
        let nodes: [Node<HTML.BodyContext>] = [
            .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
            .attribute(named: "viewBox", value: "0 0 \(side) \(side)"),
            .attribute(named: "shape-rendering", value: "crispEdges"),
            .attribute(named: "role", value: "img"),
            .attribute(named: "aria-label", value: Sanitize.visible(title)),
            .element(named: "rect", nodes: [.attribute(named: "width", value: "\(side)"), .attribute(named: "height", value: "\(side)"),
                                            .attribute(named: "fill", value: "#fff")]),
            .element(named: "path", nodes: [.attribute(named: "d", value: svgPath(code, offset: quiet)), .attribute(named: "fill", value: "#000")]),
        ]
        return .a(.href(uri), .element(named: "svg", nodes: nodes))
    }

    /// `M4 4h1v1h-1z…`: a unit square per dark module, shifted by `offset`; a run of dark
    /// modules in a row is one rectangle.
    static func svgPath(_ code: QRCode, offset: Int) -> String {
        var d = ""
        for y in 0..<code.size {
            var x = 0
            while x < code.size {
                guard code.isDark(x: x, y: y) else { x += 1; continue }
                var run = 1
                while code.isDark(x: x + run, y: y) { run += 1 }
                d += "M\(x + offset) \(y + offset)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return d
    }
}
