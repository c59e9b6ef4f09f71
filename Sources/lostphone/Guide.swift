import ArgumentParser
import LostphoneCore

extension Lostphone {
    /// The whole playbook as plain text: for screen readers, for printing before an emergency,
    /// and for a terminal that cannot run the full screen.
    struct Guide: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the whole guide as plain text (for screen readers, printing, or any terminal).")

        @OptionGroup var common: CommonOptions

        @Option(help: ArgumentHelp("Wrap lines at this many columns.", valueName: "n"))
        var width: Int = 80

        func run() throws {
            let playbook = try common.loadPlaybook()
            print(LostphoneCore.Guide.render(playbook, language: common.language(), width: max(20, width)), terminator: "")
        }
    }
}
