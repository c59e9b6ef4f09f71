import ArgumentParser
import LostphoneCore

extension Lostphone {
    /// The whole playbook as plain text: for screen readers, for printing before an emergency,
    /// and for a terminal that cannot run the full screen.
    struct Guide: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the whole guide as plain text (for screen readers, printing, or any terminal).",
            discussion: "--ids lists every step id with its provider ids: what lostphone record, note and prepare take.")

        @OptionGroup var common: CommonOptions

        @Option(help: ArgumentHelp("Wrap lines at this many columns.", valueName: "n"))
        var width: Int = 80

        @Flag(help: "List every step id, and under it its provider ids, with their names.")
        var ids = false

        func run() throws {
            let playbook = try common.loadPlaybook()
            let language = common.language()
            if ids {
                print(Self.idListing(playbook, Words(language)), terminator: "")
                return
            }
            print(LostphoneCore.Guide.render(playbook, language: language, width: max(20, width)), terminator: "")
        }

        /// One step per line (`sim  Report the loss…`), its providers indented under it, ids first
        /// so they line up for reading and for `cut`.
        static func idListing(_ playbook: Playbook, _ w: Words) -> String {
            let width = (playbook.stepIDs.map(\.rawValue.count) + playbook.providerIDs().map { $0.rawValue.count + 2 }).max() ?? 0
            var out = "# " + w[.idsSteps] + w.paren(w[.idsProviders]) + "\n"
            for pane in playbook.panes {
                out += "\n# " + pane.title[w.language] + "\n"
                for step in pane.steps {
                    out += TextWidth.padded(step.id.rawValue, to: width) + "  " + step.title[w.language] + "\n"
                    for provider in step.providers {
                        out += TextWidth.padded("  " + provider.id.rawValue, to: width) + "  " + provider.name[w.language] + "\n"
                    }
                }
            }
            return out
        }
    }
}
