import ArgumentParser
import Foundation
import LostphoneCore
import LostphoneTUI

extension Lostphone {
    /// The full-screen program.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open the full-screen program (the default command).")

        @OptionGroup var common: CommonOptions
        @OptionGroup var which: IncidentOption

        @OptionGroup var screen: FullScreenOptions

        func run() throws {
            try FullScreenArguments(stateDir: common.stateDir, playbook: common.playbook, lang: common.lang,
                                    incident: which.incident, theme: screen.theme, startNew: screen.startNew).run()
        }
    }
}

/// The full screen's own options as plain values: what `open` parsed, or what `TopLevel.fullScreen`
/// read directly when the command line holds nothing else (no parser, no reflection).
struct FullScreenArguments: Equatable {
    var stateDir: String?
    var playbook: String?
    var lang: Language?
    var incident: String?
    var theme: String?
    var startNew = false

    func run() throws {
        let env = ProcessEnvironment.current()
        // Decided once: the remembered choice is read from the disk (read, not written).
        let language = lang ?? CommonOptions.rememberedOrLocaleLanguage(env)
        // Refuse before writing anything: without a terminal nothing should be created.
        try FullScreen.refuseIfUnusable(env, language: language)
        // On this thread, one after the other: the built-in playbook and themes are compiled
        // in, so there is nothing left worth a thread to wait for.
        let readPlaybook = CommonOptions.readPlaybook(playbook)
        let clock = SystemClock()
        if startNew && incident != nil {
            printError("lostphone: --new starts a new incident; --incident continues one. Give one of them.")
            throw ExitCode.validationFailure
        }
        let store = IncidentStore(directory: stateDir ?? IncidentStore.defaultDirectory(environment: env))
        let session = try IncidentSession.openForRecording(store: store, id: incident,
                                                           playbook: { try CommonOptions.playbook(from: readPlaybook, path: self.playbook, language: language) },
                                                           startNew: startNew, clock: clock, readOnlyFallback: true,
                                                           profile: ProfileStore(environment: env), language: language)
        let playbook = try CommonOptions.playbook(from: readPlaybook, path: self.playbook, language: language)
        let themes = ThemeChoice(environment: env, requested: theme)
        let preferences = Preferences(environment: env)
        var startMessage: StatusMessage? = nil
        if !session.profileNotes.isEmpty {
            startMessage = StatusMessage(text: session.profileNotes.joined(separator: Words(language).semicolon),
                                         kind: session.profileRefused ? .error : .info)
        }
        if let r = session.recovery { startMessage = StatusMessage(text: r.text(language), kind: .error, path: r.backupPath) }
        if let n = session.readNotice { startMessage = StatusMessage(text: n.text(in: language), kind: .error, path: session.path) }
        if !themes.problems.isEmpty { startMessage = StatusMessage(text: themes.problems[0][language], kind: .error) }
        let terminal = try FullScreen.start(env, language: language)
        let baseConfig = AppConfiguration(
            playbook: playbook, incident: session.incident, recording: session.recording, language: language,
            theme: themes.theme, themeName: themes.name, themeNames: themes.names,
            clock: clock, startMessage: startMessage, askDetails: session.isNew,
            loadTheme: { themes.load($0) }, saveTheme: { themes.remember($0) },
            saveLanguage: { preferences.language = $0 },
            export: { incident, playbook, language in
                ReportWriter.exportFromApp(incident: incident, playbook: playbook, language: language,
                                           stateDirectory: store.directory)
            })
        var config = baseConfig
        config.crashAfterFirstFrame = env["LOSTPHONE_TEST_CRASH"] == "1"
        config.glyphFallback = GlyphFallback.forTerminal(env["TERM"])
        config.clipboardTool = ClipboardTool.local(environment: env)
        let profiles = ProfileStore(environment: env)
        config.keepTip = { step, doneAt in
            do throws(ProfileSaveError) {
                try profiles.keepTip(step, doneAt: doneAt, playbook: playbook, now: clock.now())
                return nil
            } catch {
                return error
            }
        }
        config.screenMemory = preferences.screen(for: session.incident)
        let app = App(config: config, terminal: terminal)
        let status = app.run()
        // The terminal first: it is the person's back at once, and the synced write below
        // (about a millisecond) happens behind their prompt.
        terminal.stop()
        // Kept when the person leaves with q or Ctrl-C (status 0), not on every key (a synced
        // write each) nor on a signal, which may come when the home is being removed.
        if status == 0 { preferences.remember(app.currentState.memory) }
        // Told truthfully, in the language the screen was in when it was left: what was refused
        // on screen is not "saved" on the way out, and a note still being typed is given back.
        let left = app.currentState
        let farewell = left.display.language
        let unsaved = left.session.unsavedActions
        switch session.recording {
        case .journal(let journal):
            journal.close()
            print((unsaved == 0 ? Word.everythingSavedIn(path: session.path) : .someNotSaved(count: unsaved, path: session.path)).text(in: farewell))
            if let note = left.unsentNote {
                let command = Self.noteCommand(note, incident: session.incident.id, stateDir: stateDir, playbook: self.playbook)
                print(Word.noteNotAdded(step: playbook.step(note.step)?.title[farewell] ?? note.step.rawValue, text: note.text,
                                        command: command).text(in: farewell))
            }
        case .readOnly(let directory):
            print(Word.nothingRecordedReadOnly(directory: directory).text(in: farewell))
        }
        if status != 0 { throw ExitCode(status) }
    }
}

extension FullScreenArguments {
    /// `lostphone note` with what adds `note` to the incident left, each word quoted for a
    /// POSIX shell.
    static func noteCommand(_ note: (step: StepID, provider: ProviderID?, text: String), incident: String, stateDir: String?,
                            playbook: String?) -> String {
        var words = ["lostphone", "note", note.step.rawValue, note.text]
        if let provider = note.provider { words += ["--provider", provider.rawValue] }
        words += ["--incident", incident]
        if let stateDir { words += ["--state-dir", stateDir] }
        if let playbook { words += ["--playbook", playbook] }
        return words.map(shellQuoted).joined(separator: " ")
    }

    /// A word as a POSIX shell reads it back: bare when it holds only safe characters, else in
    /// single quotes (a quote inside written as '\'').
    static func shellQuoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_./:@%+=,".unicodeScalars.contains($0))
        }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The full screen's own options, which the completion root offers at the top level too.
struct FullScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Theme name or file (see `lostphone themes`).", valueName: "name|file"),
            completion: .custom { _, _, _ in ThemeChoice.completions() })
    var theme: String?

    @Flag(name: .customLong("new"), help: "Start a new incident; earlier ones are kept.")
    var startNew = false
}
