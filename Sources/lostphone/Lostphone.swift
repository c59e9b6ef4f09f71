import Foundation
import ArgumentParser
import LostphoneCore

/// The command line: the full screen by default, and plain-text commands for everything a
/// terminal without a full screen (or a screen reader, or a printer) needs.
@main
struct Lostphone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lostphone",
        abstract: "Guides you through the first hour after a phone is lost or stolen, and records what you did.",
        discussion: """
        Run without a subcommand for the full-screen program. Everything you record is saved at \
        once under $XDG_STATE_HOME/lostphone (~/.local/state/lostphone). Before it happens, \
        `lostphone prepare` writes down your carrier, banks and phone, and a new incident starts \
        from them.

        The full-screen program (lostphone [options], or lostphone open [options]) takes:
          --new                   Start a new incident; earlier ones are kept.
          --lang <zh|en>          Language for this run: zh (Chinese) or en. Not remembered: L on the
                                  full screen remembers one. Default: the one L chose, else the locale.
          --theme <name|file>     Theme name or file (see `lostphone themes`).
          --state-dir <dir>       Where incidents are kept.
          --playbook <file>       Use this playbook (YAML) instead of the built-in one.
          --incident <id>         Continue an earlier incident.
        """,
        version: "lostphone 0.1.0",
        subcommands: [Open.self, Prepare.self, Record.self, NoteCommand.self, Details.self, Next.self, Status.self, Due.self, Export.self, Incidents.self, Guide.self, Resolve.self, Check.self, Themes.self, Card.self],
        defaultSubcommand: Open.self
    )
}

/// Options every command that reads an incident or the playbook takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where incidents are kept.", valueName: "dir"), completion: .directory)
    var stateDir: String?

    @Option(name: .long, help: ArgumentHelp("Use this playbook (YAML) instead of the built-in one.", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var playbook: String?

    @Option(name: .long, help: ArgumentHelp("Language for this run only: zh (Chinese) or en (English). Default: the one L chose on the full screen, else the locale.", valueName: "zh|en"))
    var lang: Language?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var store: IncidentStore {
        IncidentStore(directory: stateDir ?? IncidentStore.defaultDirectory(environment: environment))
    }

    /// The playbook, or an exit with every problem listed.
    func loadPlaybook() throws -> Playbook {
        try playbook(from: Self.readPlaybook(playbook))
    }

    /// Reads the playbook: the file at `path`, else the built-in one. Writes nothing, so it can
    /// run on another thread while the journal is read.
    static func readPlaybook(_ path: String?) -> Result<Playbook, PlaybookErrors> {
        guard let path else { return .success(PlaybookLoader.builtin()) }
        return PlaybookLoader.load(contentsOf: path)
    }

    /// The playbook read, or an exit with every problem listed.
    func playbook(from result: Result<Playbook, PlaybookErrors>) throws -> Playbook {
        switch result {
        case .success(let p): return p
        case .failure(let errors):
            let path = playbook ?? "built-in"
            for problem in errors.problems { printError(problem.description) }
            printError("lostphone: the playbook \(path) has \(errors.problems.count) problem(s); fix them (lostphone check \(path)) or run without --playbook.")
            throw ExitCode(1)
        }
    }

    /// The language asked for with `--lang` (for this run only: never remembered), else the one
    /// `L` remembered on the full screen, else the locale's.
    func language() -> Language {
        lang ?? Self.rememberedOrLocaleLanguage(environment)
    }

    /// The language `L` remembered, else the locale's.
    static func rememberedOrLocaleLanguage(_ env: [String: String]) -> Language {
        if let saved = Preferences(environment: env).language { return saved }
        let locale = [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        return Language.fromLocale(locale)
    }
}

extension Language: ExpressibleByArgument {}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
