import ArgumentParser
import Foundation
import LostphoneCore
import LostphoneTUI

/// The full-screen form of `lostphone prepare` (no flags, on a terminal): every change is saved
/// at once, so leaving needs no confirmation.
enum PrepareForm {
    static func run(playbook: Playbook, store: ProfileStore, load: ProfileLoad, common: CommonOptions) throws {
        let env = common.environment
        let language = common.language()
        // A profile that cannot be read may hold what the person wrote by hand: it is named
        // with every problem, and the form does not open over it.
        if !load.problems.isEmpty {
            for problem in load.problems { printError(problem.text(in: language)) }
            printError(ProfileWord.formRefused(path: store.path).text(in: language))
            throw ExitCode(1)
        }
        try FullScreen.refuseIfUnusable(env, language: language)
        let themes = ThemeChoice(environment: env, requested: nil)
        let terminal = try FullScreen.start(env, language: language)
        var config = PrepareConfiguration(playbook: playbook, load: load, store: store, language: language,
                                          theme: themes.theme, clock: SystemClock())
        config.glyphFallback = GlyphFallback.forTerminal(env["TERM"])
        let preferences = Preferences(environment: env)
        config.saveLanguage = { preferences.language = $0 }
        let app = PrepareApp(config: config, terminal: terminal)
        let status = app.run()
        terminal.stop()
        let state = app.currentState
        let word: ProfileWord = state.unsavedChanges > 0 ? .formSomeNotSaved(count: state.unsavedChanges, path: store.path)
            : state.fileExists ? .formLeftIn(path: store.path) : .formNothingWritten(path: store.path)
        print(word.text(in: state.language))
        if status != 0 { throw ExitCode(status) }
    }
}
