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
          --lang <zh|en>          Language for this run: zh (Chinese) or en. Not
                                  remembered: L on the full screen remembers one.
                                  Default: the one L chose, else the locale.
          --theme <name|file>     Theme name or file (see `lostphone themes`).
          --state-dir <dir>       Where incidents are kept.
          --playbook <file>       Use this playbook (YAML) instead of the built-in one.
          --incident <id>         Continue an earlier incident.
        """,
        version: Lostphone.version,
        subcommands: [Open.self, Prepare.self, Record.self, NoteCommand.self, Details.self, Next.self, Status.self, Due.self, Export.self, Incidents.self, Guide.self, Resolve.self, Check.self, Themes.self, Card.self,
                      KeyTable.self],
        defaultSubcommand: Open.self
    )

    /// The version `--version` and `-V` print; scripts/release.sh names the package after it.
    static let version = "lostphone 0.1.0"

    /// The command line before the parser: `-V` is `--version` (as in most tools), and a word
    /// that is not a command says so with the list, instead of "unexpected argument".
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if TopLevel.isVersion(arguments) {
            // Before anything else (the command names below ask the runtime for type names), and
            // written directly: `print` asks the runtime whether a String is TextOutputStreamable,
            // and the first such question scans every conformance of the static binary (a
            // quarter of this command's time).
            let line = Array((version + "\n").utf8)
            _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            Foundation.exit(0)
        }
        // The full screen with only its own options: straight there, without the parser's
        // reflection over every command. Anything it does not fully understand goes on below.
        if let direct = TopLevel.fullScreen(arguments) {
            do {
                try direct.run()
                return
            } catch {
                exit(withError: error)
            }
        }
        if let shell = TopLevel.completionShell(arguments), let script = CompletionScript.script(for: shell) {
            print(script)
            Foundation.exit(0)
        }
        switch TopLevel.classify(arguments, commands: commandNames, hidden: hiddenCommandNames) {
        case .version:
            let line = Array((version + "\n").utf8)
            _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            Foundation.exit(0)
        case .unknownCommand(let word):
            let env = ProcessEnvironment.current()
            let locale = [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
            printError(TopLevel.unknownCommandMessage(word, commands: commandNames, language: .fromLocale(locale)))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        case .parse:
            break
        }
        do {
            var command = try parseAsRoot(CompletionScript.rerouted(arguments))
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    /// The commands a person may type (the hidden ones left out).
    static var commandNames: [String] { names(shown: true) }

    /// The commands for the build only (key-table), taken but never offered.
    static var hiddenCommandNames: [String] { names(shown: false) }

    private static func names(shown: Bool) -> [String] {
        configuration.subcommands.filter { $0.configuration.shouldDisplay == shown }.map {
            $0.configuration.commandName ?? String(describing: $0).lowercased()
        }
    }
}

/// What the first words of the command line ask for, decided before the parser runs.
enum TopLevel {
    enum Decision: Equatable {
        case version
        case unknownCommand(String)
        case parse
    }

    /// The full screen's options that take a value, so the value is not taken for a command.
    static let valuedOptions: Set<String> = ["--state-dir", "--playbook", "--lang", "--theme", "--incident",
                                             "--generate-completion-script"]

    /// `--version` or `-V` alone.
    static func isVersion(_ arguments: [String]) -> Bool {
        arguments == ["-V"] || arguments == ["--version"]
    }

    /// The full screen's own options when the command line holds nothing else, each at most once,
    /// every value a plain word (`--lang` zh or en): read here without the parser. Nil for
    /// anything else (a command, help, `--opt=value`, a repeat, a value starting with a dash, a
    /// language not known), which the parser then reads as ever, errors and all.
    static func fullScreen(_ arguments: [String]) -> FullScreenArguments? {
        var result = FullScreenArguments()
        var seen: Set<String> = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            guard seen.insert(word).inserted else { return nil }
            if word == "--new" {
                result.startNew = true
                index += 1
                continue
            }
            guard index + 1 < arguments.count else { return nil }
            let value = arguments[index + 1]
            guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
            switch word {
            case "--state-dir": result.stateDir = value
            case "--playbook": result.playbook = value
            case "--incident": result.incident = value
            case "--theme": result.theme = value
            case "--lang":
                guard let language = Language(rawValue: value) else { return nil }
                result.lang = language
            default: return nil
            }
            index += 2
        }
        return result
    }

    static func classify(_ arguments: [String], commands: [String], hidden: [String] = []) -> Decision {
        if isVersion(arguments) { return .version }
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { return .parse }
            if word.hasPrefix("-") {
                if word == "-V" { return .version }
                // `--theme x` takes the next word; `--theme=x` does not.
                if valuedOptions.contains(word) { index += 1 }
                index += 1
                continue
            }
            // The first word that is not an option is the command, if it is one.
            if commands.contains(word) || hidden.contains(word) || word == "help" { return .parse }
            return .unknownCommand(word)
        }
        return .parse
    }

    /// In the locale's language, as the rest of the program speaks (the remembered choice is not
    /// read: nothing is opened before the command is known).
    static func unknownCommandMessage(_ word: String, commands: [String], language: Language = .en) -> String {
        switch language {
        case .zh:
            return """
            lostphone：没有“\(word)”这个命令（unknown command '\(word)'）。可用的命令：\(commands.joined(separator: "、"))。
            不带命令运行 lostphone 即打开全屏界面；lostphone help <命令> 查看某个命令的用法。
            """
        default:
            return """
            lostphone: unknown command '\(word)'. The commands are: \(commands.joined(separator: ", ")).
            Run lostphone without a command for the full screen, or lostphone help <command>.
            """
        }
    }

    /// `--generate-completion-script SHELL` (or `=SHELL`): answered with our own additions.
    static func completionShell(_ arguments: [String]) -> String? {
        guard let first = arguments.first else { return nil }
        if first == "--generate-completion-script", arguments.count == 2 { return arguments[1] }
        if first.hasPrefix("--generate-completion-script=") && arguments.count == 1 {
            return String(first.dropFirst("--generate-completion-script=".count))
        }
        return nil
    }
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

    var environment: [String: String] { ProcessEnvironment.current() }

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
        try Self.playbook(from: result, path: playbook, language: language())
    }

    /// The playbook read from `path` (nil: the built-in one), or an exit with every problem listed.
    static func playbook(from result: Result<Playbook, PlaybookErrors>, path: String?, language: Language) throws -> Playbook {
        switch result {
        case .success(let p): return p
        case .failure(let errors):
            for problem in errors.problems { printError(problem.text(in: language)) }
            printError(FileCheckWord.playbookRefused(path: path, count: errors.problems.count).text(in: language))
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
