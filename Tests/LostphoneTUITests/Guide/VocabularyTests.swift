import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// The program's words come from one vocabulary: a state has one name per language on the
/// screen, in `status` and in every report, and a contact reads the same in the guide and on
/// the screen.
@Suite struct VocabularyTests {
    static let step: StepID = "sim"

    /// The app with the SIM step (selected at start) moved to `target` by its key; to do is
    /// reached back from in progress, so every state arrives by a move the timeline and reports name.
    func app(with target: StepState, _ language: Language) throws -> TestApp {
        let d = TestApp(language: language)
        let keys: [StepState: [Character]] = [.pending: ["s", "r"], .inProgress: ["s"], .done: ["d"], .blocked: ["b"], .skipped: ["x"]]
        // The first key names China Mobile, shown but not chosen: pressed again, it records.
        for (i, key) in keys[target]!.enumerated() { d.press(.char(key)); if i == 0 { d.press(.char(key)) } }
        // Blocked asks when to retry: Enter, no time.
        if target == .blocked { d.press(.enter) }
        try #require(d.record(Self.step).state == target)
        return d
    }

    /// What each surface calls the SIM step's state, read from where that surface shows it.
    func namesShown(_ d: TestApp) throws -> [String: String] {
        let state = d.state
        let language = state.display.language
        let incident = state.incident
        let playbook = state.playbook
        let step = try #require(state.step(Self.step))
        let title = step.title[language]
        let current = incident.record(Self.step).state
        var shown: [String: String] = [:]

        // The screen: the details' status line ("✓ done · last change …") and the timeline's
        // line for the last move ("… ✓ done · China Mobile").
        let detail = DetailText.lines(step, state)[1].spans[0].text
        shown["screen details"] = String(detail.dropFirst(StepGlyph.glyph(current).count + 1))
        let move = try #require(incident.events.last)
        let timeline = try #require(EventText.describe(move, state).first { $0.element == StepGlyph.element(current) })
        shown["screen timeline"] = String(timeline.text.dropFirst(StepGlyph.glyph(current).count + 1))

        // `status`: the step's mark, named by the legend line.
        let status = StatusText.render(incident, playbook: playbook, language: language, now: at(100), journalPath: "j")
        let lines = status.split(separator: "\n").map(String.init)
        let row = try #require(lines.first { $0.hasSuffix("] \(title) · \(incident.record(Self.step).updatedAt!.readable)") })
        let mark = String(row.dropFirst(3).prefix(1))
        let legend = try #require(lines.first { $0.hasPrefix(Words(language).label(.stateHeading)) })
        let named = try #require(legend.range(of: "[\(mark)] "))
        shown["status"] = String(legend[named.upperBound...].prefix { $0 != "[" }).trimmingCharacters(in: .whitespaces)

        // Every report format: the step's row, its line in the timeline, and the open list.
        let report = Report(incident: incident, playbook: playbook, language: language, generatedAt: at(100))
        let md = report.markdown().split(separator: "\n").map(String.init)
        // The steps table has five columns; the urgent freezes' durations start with the title too.
        let mdRow = try #require(md.first { $0.hasPrefix("| \(title) | ") && $0.components(separatedBy: " | ").count == 5 })
        shown["md steps"] = mdRow.components(separatedBy: " | ")[1]
        let mdMove = try #require(md.last { $0.contains(" | \(title)") && $0.contains(" → ") })
        shown["md timeline"] = String(mdMove.components(separatedBy: " → ")[1].prefix { $0 != "|" }).trimmingCharacters(in: .whitespaces)
        let txt = report.text().split(separator: "\n").map(String.init)
        let txtRow = try #require(txt.first { $0.hasPrefix("  [") && $0.hasSuffix("] \(title)") })
        shown["txt steps"] = String(txtRow.dropFirst(3).dropLast(title.count + 2))
        if !current.isSettled {
            let open = Words(language).paren(current.name(in: language))
            shown["md open"] = md.contains("- \(title)\(open)") ? current.name(in: language) : "(not in the open list)"
            shown["txt open"] = txt.contains("  - \(title)\(open)") ? current.name(in: language) : "(not in the open list)"
        }
        // JSON keeps the state's identifier, whatever the language: it is a contract.
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        let steps = json?["steps"] as? [[String: Any]]
        let jsonState = steps?.first { $0["id"] as? String == Self.step.rawValue }?["state"] as? String
        #expect(jsonState == current.rawValue, "JSON must keep the identifier \(current.rawValue), not a name")
        return shown
    }

    @Test(arguments: StepState.allCases, Language.allCases)
    func aStateHasTheSameNameOnTheScreenInStatusAndInEveryReport(state: StepState, language: Language) throws {
        let name = state.name(in: language)
        let shown = try namesShown(try app(with: state, language))
        #expect(shown.count == (state.isSettled ? 6 : 8), "a surface was not read: \(shown.keys.sorted())")
        for (surface, text) in shown.sorted(by: { $0.key < $1.key }) {
            #expect(text == name, "\(surface) calls \(state) “\(text)” in \(language.rawValue), the vocabulary “\(name)”")
        }
    }

    @Test(arguments: Language.allCases)
    func aRefusedKeyNamesTheStateByItsOneName(language: Language) throws {
        let d = TestApp(language: language)
        let step = try #require(d.state.selectedStep)
        // The refusal names the step and the provider it is about.
        let title = step.title[language] + Words(language).paren(step.providers[0].name[language])
        d.press(.char("d"), .char("d"), .up, .char("d"))
        #expect(d.state.message?.text == Word.alreadyIn(step: title, .done).text(in: language))
        #expect(d.state.message?.text.contains(StepState.done.name(in: language)) == true)
        d.press(.char("b"))
        #expect(d.state.message?.text == Word.reopenFirst(step: title, .done).text(in: language))
    }

    @Test(arguments: Language.allCases)
    func noTwoStatesShareAName(language: Language) {
        let names = StepState.allCases.map { $0.name(in: language) }
        #expect(Set(names).count == names.count, "\(names)")
        #expect(!names.contains(""), "\(names)")
    }

    @Test(arguments: Language.allCases)
    func aContactReadsWithTheSameWordsInTheGuideAndOnTheScreen(language: Language) throws {
        let contact = Contact(kind: .phone("95017"), press: "9", source: .article, confirmed: false)
        let w = Words(language)
        let guide = Guide.describe(contact, language)
        let screen = DetailText.contactLines([contact], first: 0, TestApp(language: language).state)[0].spans.map(\.text).joined()
        for word in [w.capitalized(.phone), w[.thenPress], w[.source], w[.article], w[.unconfirmed]] {
            #expect(guide.contains(word), "the guide lacks “\(word)”: \(guide)")
            #expect(screen.contains(word), "the screen lacks “\(word)”: \(screen)")
        }
    }
}
