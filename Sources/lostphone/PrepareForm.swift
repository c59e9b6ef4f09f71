import ArgumentParser
import LostphoneCore

/// The full-screen form of `lostphone prepare` (no flags, on a terminal).
/// PLACEHOLDER while the form is built on its branch: it says so and exits.
enum PrepareForm {
    static func run(playbook: Playbook, store: ProfileStore, load: ProfileLoad, common: CommonOptions) throws {
        printError("lostphone prepare: the full-screen form is not built yet; use the flags (lostphone prepare --help).")
        throw ExitCode(2)
    }
}
