import ArgumentParser
import LostphoneTUI
import TerminalKitNcurses

/// Taking over the terminal for a full screen (the guide, the prepare form): refused with the
/// reason and exit status 2 where it cannot be, before anything is written.
enum FullScreen {
    /// Exits 2, saying why, when the terminal cannot hold a full screen (no TTY, unknown TERM).
    static func refuseIfUnusable(_ environment: [String: String]) throws {
        if let problem = NcursesTerminal.checkUsable(environment: environment) {
            printError(problem.description)
            throw ExitCode(2)
        }
    }

    /// The terminal, taken over; exits 2, saying why, when ncurses cannot start.
    static func start(_ environment: [String: String]) throws -> NcursesTerminal {
        do {
            return try NcursesTerminal(environment: environment)
        } catch {
            printError(String(describing: error))
            throw ExitCode(2)
        }
    }
}
