import ArgumentParser
import Foundation
import LostphoneCore

/// What the shell's completion asks the binary for (argument-parser's `completion: .custom`):
/// step ids, the providers of the step already typed, incident ids. Each reads the words typed
/// so far, so `--playbook` and `--state-dir` given before are honoured. Never fails: a playbook
/// or folder that cannot be read completes nothing.
enum Completion {
    /// Options (of any command) that take a value, so their value is not taken for an argument.
    static let valuedOptions: Set<String> = [
        "--state-dir", "--playbook", "--lang", "--theme", "--incident", "--provider", "--at", "--note",
        "--format", "-o", "--output", "--width", "--carrier", "--bank", "--app", "--platform", "--account",
        "--brand", "--model", "--imei", "--number", "--owner", "--insurer", "--policy", "--claim-within", "--emergency-contact",
        "--tip-done", "--tip-undone", "--clear",
    ]

    /// The value given to `option` among the words (`--opt v` or `--opt=v`), the last one winning.
    static func value(of option: String, in words: [String]) -> String? {
        var found: String?
        for (i, word) in words.enumerated() {
            if word == option, i + 1 < words.count { found = words[i + 1] }
            if word.hasPrefix(option + "=") { found = String(word.dropFirst(option.count + 1)) }
        }
        return found.map(expandTilde)
    }

    static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = ProcessEnvironment.current()["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    /// The words that are not options or their values, after the command's own name.
    static func positionals(_ words: [String], before index: Int) -> [String] {
        var result: [String] = []
        var i = 1
        while i < min(index, words.count) {
            let word = words[i]
            if word == "--" { i += 1; continue }
            if word.hasPrefix("-") {
                if valuedOptions.contains(word) { i += 1 }
            } else {
                result.append(word)
            }
            i += 1
        }
        return result
    }

    static func playbook(_ words: [String]) -> Playbook? {
        switch CommonOptions.readPlaybook(value(of: "--playbook", in: words)) {
        case .success(let playbook): return playbook
        case .failure: return nil
        }
    }

    /// Every step id of the playbook in use.
    static func stepIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        playbook(words)?.allSteps.map(\.id.rawValue) ?? []
    }

    /// The providers of the step typed before (`record wechat done --provider <Tab>`), else of
    /// every step.
    static func providerIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let playbook = playbook(words) else { return [] }
        // positionals: the command (record, note), then the step.
        let typed = positionals(words, before: index)
        if typed.count >= 2, let step = playbook.step(StepID(rawValue: typed[1])) {
            return step.providers.map(\.id.rawValue)
        }
        var seen = Set<String>()
        return playbook.allSteps.flatMap { $0.providers.map(\.id.rawValue) }.filter { seen.insert($0).inserted }
    }

    /// The incidents in the state folder in use, newest last as `lostphone incidents` lists them.
    static func incidentIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let environment = ProcessEnvironment.current()
        let directory = value(of: "--state-dir", in: words) ?? IncidentStore.defaultDirectory(environment: environment)
        return IncidentStore(directory: directory).list().map(\.id)
    }

    /// The states `record` takes.
    static let states = ["pending", "inProgress", "done", "blocked", "skipped"]
}

/// The completion scripts. argument-parser writes them from a command tree; the real root has
/// no options of its own (the full screen's are `open`'s, its default command), so a script made
/// from it would offer nothing for `lostphone --<Tab>`. This tree is the same but for the root,
/// which also carries the full screen's options; it is only ever read for the scripts, and the
/// completions they ask the binary for at the root are answered by `open` (see `main`).
enum CompletionScript {
    static func script(for shell: String) -> String? {
        guard let kind = CompletionShell(rawValue: shell) else { return nil }
        return CompletionRoot.completionScript(for: kind)
    }

    /// `---completion -- --theme …` (asked at the root) becomes `---completion open -- --theme …`.
    static func rerouted(_ arguments: [String]) -> [String] {
        guard arguments.count >= 2, arguments[0] == "---completion", arguments[1] == "--" else { return arguments }
        return ["---completion", "open"] + arguments.dropFirst()
    }
}

struct CompletionRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lostphone",
        abstract: Lostphone.configuration.abstract,
        version: Lostphone.version,
        subcommands: Lostphone.configuration.subcommands,
        defaultSubcommand: Lostphone.Open.self)

    @OptionGroup var common: CommonOptions
    @OptionGroup var which: IncidentOption

    @OptionGroup var screen: FullScreenOptions

    @Flag(name: .customShort("V"), help: "Show the version.")
    var shortVersion = false
}
