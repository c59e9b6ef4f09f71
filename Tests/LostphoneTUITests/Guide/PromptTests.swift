import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// The guide's questions and input fields as pure updates: keys in, state and effects out; a
/// recording is answered as the runtime would, through the same rules, without a journal.
struct PureGuide {
    var state: AppState
    /// Every command the update asked the journal to record, in order.
    var recorded: [IncidentCommand] = []
    var keys = 0

    init(language: Language = .en, width: Int = 100) {
        let playbook = PlaybookLoader.builtin()
        let (incident, _) = Incident.open(id: "pure", playbook: playbook, at: t0)
        state = AppState(playbook: playbook, incident: incident, language: language, theme: Theme.fallback,
                         width: width, height: 24, now: at(600))
    }

    mutating func press(_ keys: Key...) {
        for key in keys {
            self.keys += 1
            run(Update.apply(.key(key), to: &state))
        }
    }

    mutating func type(_ text: String) { for c in text { press(.char(c)) } }

    private mutating func run(_ effects: [Effect]) {
        for effect in effects {
            guard case .record(let command) = effect else { continue }
            recorded.append(command)
            switch state.recordingRules.event(for: command, in: state.incident, at: state.now) {
            case .success(let event): run(Update.apply(.recorded(event), to: &state))
            case .failure(let refusal): Issue.record("refused: \(refusal)")
            }
        }
    }

    /// The bottom line as drawn.
    var bottomLine: String { Screen.render(state).lines.last ?? "" }
    var selected: StepID? { state.selectedStep?.id }
    func shown(_ step: StepID) -> ProviderID? { state.step(step).flatMap { state.provider(for: $0)?.id } }
}

@Suite struct AnotherOfMineTests {
    /// The two-bank story: ICBC done, the question asks for another bank and the selection
    /// stays; three keys later CMB is shown, chosen, and `d` records it at once.
    @Test(arguments: Language.allCases)
    func afterICBCTheQuestionAsksForAnotherBankAndCMBIsThreeKeysAway(language: Language) throws {
        // The whole question fits the 80 columns people have most.
        var g = PureGuide(language: language, width: 80)
        g.press(.char("j"), .char("d"), .char("d"))
        #expect(g.state.incident.record("bank").provider("icbc").state == .done)
        #expect(g.selected == "bank", "the selection stays on the step until answered")
        let question = language == .en
            ? "ICBC done. Another bank of yours? →/← pick · m marks it yours · Enter: no more"
            : "中国工商银行已办好。还有别的银行吗？→/← 选择 · m 标为我的 · Enter：没有了"
        #expect(g.bottomLine.contains(question), "\(g.bottomLine)")
        g.keys = 0
        g.press(.right, .right, .right)
        #expect(g.keys <= 3)
        #expect(g.shown("bank") == "cmb")
        #expect(g.bottomLine.contains(language == .en ? "Another bank of yours?" : "还有别的银行吗？"), "still asked while picking")
        g.press(.char("d"))
        #expect(g.state.incident.record("bank").provider("cmb").state == .done, "picked in answer: recorded at once")
    }

    @Test func enterAnswersNoMoreWhichIsRecordedAndMovesOn() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("d"), .char("d"), .enter)
        #expect(g.recorded.last == .noneOfMine("bank"), "the same command as `lostphone record bank none`")
        let bank = g.state.incident.record("bank")
        #expect(bank.saidNoOther && bank.state == .done, "ICBC stays done; the person has no other bank")
        #expect(g.selected == "wechat")
        #expect(g.state.message?.text.contains("no other bank of mine") == true, "\(String(describing: g.state.message))")
        // Answered: the bank step asks no more.
        g.press(.char("k"), .right, .char("b"), .enter)
        if case .another = g.state.mode { Issue.record("asked again after no more") }
    }

    @Test func blockedAsksToo_AndABrandNeverAsks() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("b"), .char("b"), .enter)
        #expect(g.state.incident.record("bank").provider("icbc").state == .blocked)
        #expect(g.bottomLine.contains("ICBC blocked. Another bank of yours?"), "\(g.bottomLine)")
        g.press(.escape)
        #expect(g.state.mode == .normal)
        // The phone's brand: one phone was lost, nothing to ask.
        g.press(.char("2"), .char("d"), .char("d"))
        #expect(g.state.mode == .normal)
    }

    @Test func mInTheQuestionMarksThePickedProviderAndNeverUnmarksTheOneJustDone() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("d"), .char("d"), .char("m"))
        #expect(g.state.incident.record("bank").provider("icbc").mine, "ICBC stays the person's")
        g.press(.right, .char("m"))
        #expect(g.state.incident.record("bank").provider("boc").mine)
        #expect(g.state.mode == .normal)
    }

    @Test func anotherKeyLeavesTheQuestionAndDoesWhatItDoes() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("d"), .char("d"), .char("j"))
        #expect(g.state.mode == .normal)
        #expect(g.selected == "wechat")
    }

    /// `X`: "none of mine" from the screen, through the rule `lostphone record lending none` uses.
    @Test func xOnLendingRecordsNoneOfMine() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("j"), .char("j"), .char("j"))
        #expect(g.selected == "lending")
        g.press(.char("X"))
        #expect(g.recorded == [.noneOfMine("lending")])
        #expect(g.state.incident.record("lending").isNoneOfMine)
        #expect(g.state.incident.record("lending").state == .skipped)
        #expect(g.selected != "lending", "settled: on to the next")
    }

    /// Back on the step, its details say what `status` and the reports say: "none of mine"
    /// (not "skipped"), with when it was said.
    @Test(arguments: Language.allCases)
    func theDetailsOfAStepWithNoneOfMineSaySoWithItsTime(language: Language) throws {
        var g = PureGuide(language: language, width: 120)
        g.press(.char("j"), .char("j"), .char("j"), .char("j"), .char("X"))
        while g.selected != "lending" { g.press(.char("k")) }
        if !g.state.nav.detailOpen { g.press(.enter) }
        let screen = Screen.render(g.state).lines
        let none = g.state.words[.noneOfMine]
        let line = try #require(screen.first { $0.contains("– " + none) }, "\(screen.joined(separator: "\n"))")
        #expect(line.contains(ShortTime.text(g.state.now, today: g.state.now)), "\(line)")
        #expect(!screen.contains { $0.contains("– " + g.state.words.name(.skipped)) })
    }

    @Test func theConfirmationNamesM() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("s"))
        #expect(g.state.message?.text.contains("m marks it yours") == true)
        var zh = PureGuide(language: .zh)
        zh.press(.char("j"), .char("s"))
        #expect(zh.state.message?.text.contains("m 标为我的") == true)
    }
}

@Suite struct RetryWhenTests {
    @Test func bAsksWhenToRetryAndTheTimeIsTheBlockedEventsDue() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("j"))   // WeChat
        g.press(.char("b"))
        #expect(g.state.incident.record("wechat").state == .pending, "nothing recorded before the answer")
        #expect(g.bottomLine.contains("Retry when?"), "\(g.bottomLine)")
        g.type("+30m")
        g.press(.enter)
        let due = try #require(DueInput.parse("+30m", now: g.state.now))
        #expect(g.recorded == [.move("wechat", to: .blocked, provider: g.shown("wechat"), happenedAt: nil, retry: due)])
        #expect(g.state.incident.events.last?.due == due)
    }

    @Test func enterAloneRecordsBlockedWithoutATime() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("j"), .char("b"), .enter)
        #expect(g.state.incident.record("wechat").state == .blocked)
        #expect(g.state.incident.events.last?.due == nil)
    }

    @Test func aTimeThatCannotBeReadKeepsTheFieldOpenWithEveryForm() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("j"), .char("b"))
        g.type("soon")
        g.press(.enter)
        guard case .retryWhen = g.state.mode else { Issue.record("the field closed"); return }
        #expect(g.bottomLine.contains("Could not read “soon”") && g.bottomLine.contains("+30m"), "\(g.bottomLine)")
        g.press(.escape)
        #expect(g.recorded.isEmpty && g.state.incident.record("wechat").state == .pending, "Esc records nothing")
    }

    @Test func afterBlockedWithATimeTheGroupedStepAsksForAnother() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("b"), .char("b"))
        g.type("15:00")
        g.press(.enter)
        #expect(g.state.incident.events.last?.due != nil)
        #expect(g.bottomLine.contains("ICBC blocked. Another bank of yours?"), "\(g.bottomLine)")
    }
}

@Suite struct InputFieldTests {
    @Test func aTimeThatCannotBeReadStaysOpenWithTheErrorAndEveryForm() throws {
        var g = PureGuide(width: 120)
        g.press(.char("@"))
        g.type("abc")
        g.press(.enter)
        guard case .happenedAt(let field) = g.state.mode else { Issue.record("the field closed"); return }
        #expect(field.text == "abc")
        for form in ["Could not read “abc”", "14:35", "2026-12-03 14:35", "-20m"] {
            #expect(g.bottomLine.contains(form), "\(form) missing: \(g.bottomLine)")
        }
        g.press(.backspace)
        #expect(g.state.message == nil, "editing clears the error")
    }

    @Test func aPrefilledTimeIsReplacedByTypingAndEditedByArrows() throws {
        var g = PureGuide()
        g.press(.char("@"))
        g.type("-5m")
        g.press(.enter)
        let given = try #require(g.state.choices.happenedAt)
        g.press(.char("@"))
        guard case .happenedAt(let prefilled) = g.state.mode else { Issue.record("no field"); return }
        #expect(prefilled.text == TimeInput.display(given) && prefilled.selected)
        g.type("-2m")
        guard case .happenedAt(let typed) = g.state.mode else { Issue.record("no field"); return }
        #expect(typed.text == "-2m", "replaced, not appended: \(typed.text)")
        g.press(.escape, .char("@"), .backspace)
        guard case .happenedAt(let edited) = g.state.mode else { Issue.record("no field"); return }
        #expect(edited.text == String(TimeInput.display(given).dropLast()), "Backspace edits the value")
    }

    @Test func theDetailsFormsFieldsAreReplacedByTypingAndABadTimeListsEveryForm() throws {
        var g = PureGuide()
        g.press(.char("i"))
        g.type("-1h")
        g.press(.tab)
        g.type("Wang")
        g.press(.enter)
        #expect(g.state.incident.device.owner == "Wang")
        g.press(.char("i"), .tab)
        g.type("Li")
        g.press(.backTab)
        g.type("yesterday")
        g.press(.enter)
        guard case .details(let form) = g.state.mode else { Issue.record("the form closed"); return }
        #expect(form[.device(.owner)].text == "Li", "the owner typed over, not appended")
        #expect(form.focus == .lostAt)
        #expect(form.error?.contains("-20m") == true && form.error?.contains("yesterday") == true, "\(String(describing: form.error))")
    }

    @Test func theNotePromptNamesTheProviderAndStepItGoesTo() throws {
        var g = PureGuide(width: 100)
        g.press(.char("j"), .right, .right, .right, .char("n"))
        #expect(g.bottomLine.contains("Note for China Merchants Bank · Freeze mobile"), "\(g.bottomLine)")
        var zh = PureGuide(language: .zh, width: 100)
        zh.press(.char("j"), .right, .right, .right, .char("n"))
        #expect(zh.bottomLine.contains("备注 → 招商银行 · "), "\(zh.bottomLine)")
    }

    @Test func aNoteTheRulesRefuseStaysOpenWithTheReason() throws {
        var g = PureGuide()
        g.press(.char("j"), .char("j"), .char("n"))
        _ = Update.apply(.paste("ref\u{202E}42"), to: &g.state)
        g.press(.enter)
        guard case .note(_, let field) = g.state.mode else { Issue.record("the note closed and was lost"); return }
        #expect(field.text.contains("42"))
        #expect(g.state.message?.kind == .error)
    }

    /// A paste longer than the note holds is cut at 500 characters and the bottom line says so
    /// (the user test found it cut without a word); a paste that fits says nothing.
    @Test func aPasteTooLongForTheNoteIsCutAndSaysSo() throws {
        var g = PureGuide(width: 140)
        g.press(.char("j"), .char("j"), .char("n"))
        _ = Update.apply(.paste("short"), to: &g.state)
        #expect(g.state.message == nil)
        _ = Update.apply(.paste(String(repeating: "Z", count: 5_000)), to: &g.state)
        guard case .note(_, let field) = g.state.mode else { Issue.record("the note closed"); return }
        #expect(field.text.count == 500 && field.text.hasPrefix("shortZ"))
        #expect(g.bottomLine.contains("The paste was too long: this field holds 500 characters"), "\(g.bottomLine)")
        var zh = PureGuide(language: .zh, width: 140)
        zh.press(.char("j"), .char("j"), .char("n"))
        _ = Update.apply(.paste(String(repeating: "字", count: 600)), to: &zh.state)
        #expect(zh.bottomLine.contains("这一栏最多 500 个字符"), "\(zh.bottomLine)")
    }

    /// At 80 columns the report's path no longer loses its end (the user test saw two exports
    /// that looked the same): its start is said as "…/" and the file's name is whole. Where it
    /// fits, the whole path is shown.
    @Test func aReportPathTooLongForTheLineKeepsItsEnd() throws {
        let path = "/home/someone/.local/state/lostphone/reports/lostphone-report-20261205-080301.md"
        var g = PureGuide(width: 80)
        _ = Update.apply(.exported(path: path), to: &g.state)
        #expect(g.bottomLine.contains("Report written to …/state/lostphone/reports/lostphone-report-20261205-080301.md"), "\(g.bottomLine)")
        #expect(TextWidth.of(g.bottomLine) <= 80)
        var wide = PureGuide(width: 140)
        _ = Update.apply(.exported(path: path), to: &wide.state)
        #expect(wide.bottomLine.contains("Report written to \(path)"), "\(wide.bottomLine)")
        // Too narrow even for the folders: the file's name alone behind "…/".
        let tight = StatusLine.fitted(StatusMessage(text: "Report written to \(path)", kind: .success, path: path), width: 40)
        #expect(tight.text == "Report written to …/lostphone-report-20261205-080301.md")
        // Without a path, or fitting, as it is.
        let plain = StatusMessage(text: String(repeating: "x", count: 100), kind: .info)
        #expect(StatusLine.fitted(plain, width: 40) == plain)
    }

    /// A time given with `@` waits for the next action wherever it is taken, so the bottom line
    /// says so first, on every step and tab, until an action takes it (the user test saw it
    /// shown only in the details of the step it was given on).
    @Test func aPendingTimeIsOnTheBottomLineUntilAnActionTakesIt() throws {
        var g = PureGuide(width: 100)
        g.press(.char("@"))
        g.type("-30m")
        g.press(.enter, .escape)
        g.state.message = nil
        let pending = try #require(g.state.choices.happenedAt)
        let shown = "@ " + TimeInput.display(pending) + " for the next action (@ Enter cancels)"
        #expect(g.bottomLine.hasPrefix(" " + shown) || g.bottomLine.contains(shown), "\(g.bottomLine)")
        g.press(.char("j"), .char("2"))
        g.state.message = nil
        #expect(g.bottomLine.contains(shown), "on another tab: \(g.bottomLine)")
        g.press(.char("1"), .char("s"), .char("s"))   // the second s confirms the provider
        g.state.message = nil
        #expect(g.state.choices.happenedAt == nil)
        #expect(!g.bottomLine.contains("for the next action"), "\(g.bottomLine)")
    }

    /// The timeline opens at its end, so its first events are above: the divider says how many
    /// (the user test found nothing saying rows were hidden above), in both languages.
    @Test func rowsScrolledAwayAboveAreSaidOnTheDivider() throws {
        for (language, said) in [(Language.en, "↑ more above ("), (.zh, "↑ 上面还有 ")] {
            var g = PureGuide(language: language, width: 80)
            g.press(.char("4"))
            for _ in 0..<10 { g.press(.char("d"), .char("j")) }
            g.press(.char("5"))
            let lines = Screen.render(g.state).lines
            let divider = try #require(lines.first { $0.hasPrefix("──") }, "no divider:\n\(lines.joined(separator: "\n"))")
            #expect(divider.contains(said), "\(divider)")
            g.press(.char("g"))
            #expect(!Screen.render(g.state).lines.contains { $0.contains(said) }, "at the top nothing is above")
        }
    }

    /// `← now` stays whole after a title cut to the list's width (at 100 columns the user test
    /// saw "Debit cards lost too: report them by …" without it); on a list too narrow to keep 20
    /// columns of the title beside it, the title comes first, as before.
    @Test func theNowMarkerStaysWholeAfterACutTitle() throws {
        func drawn(width: Int) -> String {
            let row = StepListRow(state: .pending, number: "7", bareTitle: "Debit cards lost too: report them by phone",
                                  marker: "← now", summary: "", glyphSummary: "", time: "", selected: false)
            var canvas = Canvas(width: width, height: 1)
            StepListView.draw(&canvas, Rect(x: 0, y: 0, width: width, height: 1), rows: [row], theme: Theme.fallback)
            return canvas.lines[0]
        }
        let wide = drawn(width: 48)
        #expect(wide.contains("Debit cards lost too: report them…  ← now"), "\(wide)")
        #expect(drawn(width: 60).contains("Debit cards lost too: report them by phone  ← now"))
        let narrow = drawn(width: 26)
        #expect(!narrow.contains("← now") && narrow.contains("Debit cards lost t"), "\(narrow)")
    }

    /// `u` after a note says the note was taken back, with its words, not a bare step name or a
    /// state (the user test read "Undone Freeze WeChat"); a state taken back still names the state.
    @Test func undoingANoteSaysTheNoteWasTakenBack() throws {
        var g = PureGuide(width: 140)
        g.press(.char("j"), .char("j"), .char("n"))
        g.type("case 42")
        g.press(.enter, .char("u"))
        #expect(g.state.message?.text.contains("Undone Freeze WeChat Note: case 42") == true, "\(g.state.message?.text ?? "")")
        g.press(.char("d"), .char("k"), .char("k"), .char("u"))
        #expect(g.state.message?.text.contains("Undone Freeze WeChat ○ to do") == true, "\(g.state.message?.text ?? "")")
    }

    /// A read-only view does not offer the keys that would only be refused (the user test saw
    /// d, s and n offered there); they still say why when pressed, and the others stay offered.
    @Test func aReadOnlyViewOffersNoRecordingKeys() throws {
        var g = PureGuide(width: 140)
        #expect(g.bottomLine.contains("d done") && g.bottomLine.contains("n note") && g.bottomLine.contains("u undo"), "\(g.bottomLine)")
        g.state.session.readOnlyDirectory = "/srv/ro"
        for hint in ["d done", "s start", "b blocked", "n note", "u undo", "x skip"] {
            #expect(!g.bottomLine.contains(hint), "\(hint) offered read-only: \(g.bottomLine)")
        }
        #expect(g.bottomLine.contains("? help") && g.bottomLine.contains("q quit") && g.bottomLine.contains("provider"), "\(g.bottomLine)")
    }

    /// On the Due tab a recording key says where to record instead of doing nothing (the user
    /// test found d silent there), and records nothing.
    @Test func aRecordingKeyOnTheDueTabSaysWhereToRecord() throws {
        var g = PureGuide(width: 140)
        g.press(.char("D"))
        #expect(g.state.isDue)
        for key in ["d", "s", "n"] {
            g.state.message = nil
            g.press(.char(Character(key)))
            #expect(g.state.message?.text == "Enter takes you to the item's step; record it there", "\(key)")
        }
        #expect(g.recorded.isEmpty)
    }

    @Test func searchEnterWithNothingFoundStaysOpen() throws {
        var g = PureGuide()
        g.press(.char("/"))
        g.type("zzqx")
        g.press(.enter)
        guard case .search = g.state.mode else { Issue.record("the search closed"); return }
        #expect(g.bottomLine.contains("no match"), "\(g.bottomLine)")
    }
}
