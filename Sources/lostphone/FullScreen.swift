import ArgumentParser
import LostphoneCore
import LostphoneTUI
import TerminalKitNcurses

/// Taking over the terminal for a full screen (the guide, the prepare form): refused with the
/// reason and exit status 2 where it cannot be, before anything is written.
enum FullScreen {
    /// Exits 2, saying why in `language`, when the terminal cannot hold a full screen (no TTY,
    /// unknown TERM).
    static func refuseIfUnusable(_ environment: [String: String], language: Language) throws {
        if let problem = NcursesTerminal.checkUsable(environment: environment) {
            printError(problem.text(in: language))
            throw ExitCode(2)
        }
    }

    /// The terminal, taken over; exits 2, saying why in `language`, when ncurses cannot start.
    /// After `refuseIfUnusable`, which every full screen runs first.
    static func start(_ environment: [String: String], language: Language) throws -> NcursesTerminal {
        do {
            return try NcursesTerminal(environment: environment, checked: true)
        } catch {
            printError(error.text(in: language))
            throw ExitCode(2)
        }
    }
}
