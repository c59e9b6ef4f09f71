import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// `lostphone prepare`: the profile a new incident starts from, written down before the
    /// phone is lost. Flags for scripts and a quick change; without them, the full-screen form.
    struct Prepare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write down your carrier, banks, apps, phone and insurance before it happens: a new incident starts from them.",
            discussion: """
            Everything is optional. It is kept in $XDG_CONFIG_HOME/lostphone/profile.yaml \
            (~/.config/lostphone/profile.yaml, mode 0600), and never holds a password. A new \
            incident starts from it: your providers are marked as yours in their steps, a payment \
            app you do not use is skipped, the phone's details are filled in, and the tips you took \
            care of are done.

            Flags merge into the profile. A choice given (--bank icbc --bank cmb) replaces what \
            that choice had; the others are kept. --clear bank empties a choice, --clear imei a \
            field (so does an empty value). Ids are checked against the guide (--list shows them \
            all, with their names); when anything is refused, nothing is saved.

            Without flags, on a terminal, a full-screen form opens; otherwise the profile is shown.

            Examples:
              lostphone prepare --carrier china-mobile --bank icbc --bank cmb --brand apple
              lostphone prepare --imei 490154203237518 --owner 'Zhang San' --tip-done tip-1
              lostphone prepare --list
            """)

        @OptionGroup var common: CommonOptions

        @Option(help: ArgumentHelp("Your carrier; replaces the carrier chosen before.", valueName: "id"),
                completion: .custom { _, _, _ in ProfileCompletion.options("carrier") })
        var carrier: [String] = []

        @Option(help: ArgumentHelp("A bank you have a card or account with; repeat it, or separate with commas, for each bank. Replaces the banks chosen before.",
                                   valueName: "id"),
                completion: .custom { _, _, _ in ProfileCompletion.options("bank") })
        var bank: [String] = []

        @Option(help: ArgumentHelp("A payment app you use (wechat, alipay); one not given is skipped in a new incident. Replaces the apps chosen before.",
                                   valueName: "id"),
                completion: .custom { _, _, _ in ProfileCompletion.options("app") })
        var app: [String] = []

        @Option(help: ArgumentHelp("A lending or finance platform you use (repeatable); replaces those chosen before.", valueName: "id"),
                completion: .custom { _, _, _ in ProfileCompletion.options("platform") })
        var platform: [String] = []

        @Option(help: ArgumentHelp("An account logged in on the phone (repeatable); replaces those chosen before.", valueName: "id"),
                completion: .custom { _, _, _ in ProfileCompletion.options("account") })
        var account: [String] = []

        @Option(help: ArgumentHelp("Your phone's brand; replaces the brand chosen before.", valueName: "id"),
                completion: .custom { _, _, _ in ProfileCompletion.options("brand") })
        var brand: String?

        @Option(help: ArgumentHelp("The phone's model (iPhone 15).", valueName: "text"))
        var model: String?

        @Option(help: ArgumentHelp("The phone's IMEI: 15 digits, the last a check digit. Dial *#06# on the phone to see it.", valueName: "digits"))
        var imei: String?

        @Option(help: ArgumentHelp("The phone's own number.", valueName: "phone"))
        var number: String?

        @Option(help: ArgumentHelp("The owner's name, as the carrier and the police have it.", valueName: "name"))
        var owner: String?

        @Option(help: ArgumentHelp("The phone's insurer.", valueName: "text"))
        var insurer: String?

        @Option(help: ArgumentHelp("The insurance policy's number.", valueName: "text"))
        var policy: String?

        @Option(help: ArgumentHelp("How long after the loss the policy allows a claim: 30d, 4w, 3mo (30 alone is days). With the lost-at time, the claim is then due.", valueName: "length"))
        var claimWithin: String?

        @Option(help: ArgumentHelp("Someone to call from a borrowed phone: a name and a number.", valueName: "text"))
        var emergencyContact: String?

        @Option(help: ArgumentHelp("A prevention tip taken care of (repeatable); it keeps the day it was first done.", valueName: "id"),
                completion: .custom { _, _, _ in ProfileCompletion.tips() })
        var tipDone: [String] = []

        @Option(help: ArgumentHelp("A prevention tip to take back (repeatable).", valueName: "id"),
                completion: .custom { _, _, _ in ProfileCompletion.tips() })
        var tipUndone: [String] = []

        @Option(help: ArgumentHelp("Empty a choice (bank), a field (imei, owner, emergency-contact) or the tips (repeatable).", valueName: "name"),
                completion: .custom { _, _, _ in ProfileCompletion.clearable() })
        var clear: [String] = []

        @Flag(help: "List every id the flags take, with its name, marking what your profile has.")
        var list = false

        @Flag(help: "Show your profile.")
        var show = false

        /// The choices the command line can set, each by the option of its name.
        static let choiceFlags = ["carrier", "bank", "app", "platform", "account", "brand"]

        /// The change the flags ask for. `--bank icbc,cmb` is `--bank icbc --bank cmb`.
        var edit: ProfileEdit {
            var choices: [String: [String]] = [:]
            let given: [(String, [String])] = [("carrier", carrier), ("bank", bank), ("app", app), ("platform", platform),
                                               ("account", account), ("brand", brand.map { [$0] } ?? [])]
            for (id, values) in given where !values.isEmpty {
                choices[id] = values.flatMap { $0.split(separator: ",") }.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            }
            var fields: [ProfileEdit.Field: String] = [:]
            let texts: [(ProfileEdit.Field, String?)] = [(.model, model), (.imei, imei), (.number, number), (.owner, owner),
                                                         (.insurer, insurer), (.policy, policy), (.claimWithin, claimWithin),
                                                         (.emergencyContact, emergencyContact)]
            for (field, value) in texts { if let value { fields[field] = value } }
            return ProfileEdit(choices: choices, fields: fields, clear: clear, tipsDone: tipDone, tipsUndone: tipUndone)
        }

        func validate() throws {
            if list && show { throw ValidationError("--list and --show: give one of them.") }
            if (list || show) && !edit.isEmpty {
                throw ValidationError("--\(list ? "list" : "show") only reads the profile; give it without the flags that change it.")
            }
        }

        func run() throws {
            let playbook = try common.loadPlaybook()
            let w = Words(common.language())
            let store = ProfileStore(environment: common.environment)
            let load = store.load(playbook: playbook)
            let edit = self.edit

            if edit.isEmpty && !list && !show && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
                try PrepareForm.run(playbook: playbook, store: store, load: load, common: common)
                return
            }
            for dropped in load.dropped {
                printError("lostphone prepare: " + w[.profileDropped(choice: w[.choiceTitle(dropped.choice)], id: Sanitize.brief(dropped.id, limit: 40))])
            }
            if list {
                if let problem = load.problems.first { printError("lostphone prepare: " + w[.listUnmarked(problem.text(in: w.language))]) }
                let flag: (String) -> String? = { id in
                    id == "tips" ? "--tip-done, --tip-undone" : Self.choiceFlags.contains(id) ? "--\(id)" : nil
                }
                for line in ProfileText.choices(load.profile, playbook: playbook, words: w, flag: flag) { print(line) }
                return
            }
            if !load.problems.isEmpty { refuseDamaged(load, w) }
            if edit.isEmpty {
                guard let profile = load.profile else {
                    print(w[.profileNone(path: store.path)])
                    print(w[.prepareHint])
                    return
                }
                print(w[.profileHeading(path: store.path)])
                for line in ProfileText.summary(profile, playbook: playbook, words: w) { print(line) }
                if !show { print(w[.prepareHint]) }
                return
            }

            let now = SystemClock().now()
            let changed: Profile
            do {
                changed = try edit.applied(to: load.profile ?? Profile(), playbook: playbook, now: now, words: w)
            } catch {
                for problem in error.problems { printError("lostphone prepare: " + problem) }
                printError("lostphone prepare: " + w[.nothingSaved])
                throw ExitCode(1)
            }
            let saved: Profile
            do {
                saved = try store.save(changed, playbook: playbook, now: now)
            } catch {
                printError("lostphone prepare: " + error.text(w.language))
                printError("lostphone prepare: " + w[.nothingSaved])
                throw ExitCode(1)
            }
            for line in ProfileText.summary(saved, playbook: playbook, words: w) { print(line) }
            print(w[.profileSaved(path: store.path)])
        }

        /// A profile that cannot be read is never replaced: it may hold what the person wrote by
        /// hand. Every problem is named with its line.
        func refuseDamaged(_ load: ProfileLoad, _ w: Words) -> Never {
            for problem in load.problems { printError(problem.text(in: w.language)) }
            printError("lostphone prepare: " + w[.damagedLeftAlone])
            Lostphone.exit(withError: ExitCode(1))
        }
    }
}

/// Shell completion of the ids `prepare` takes, from the built-in guide (a completion cannot
/// know which `--playbook` the finished command line will name).
enum ProfileCompletion {
    static func options(_ choice: String) -> [String] {
        PlaybookLoader.builtin().profileChoices.first { $0.id == choice }?.options.map(\.id) ?? []
    }

    static func tips() -> [String] {
        PlaybookLoader.builtin().tipSteps.map(\.id.rawValue)
    }

    static func clearable() -> [String] {
        PlaybookLoader.builtin().profileChoices.map(\.id) + ProfileEdit.Field.allCases.map(\.rawValue) + ["tips"]
    }
}
