/// The screens are written in the kit's terms (keys, canvas, backend); whoever imports them
/// gets those terms too, without seeing ncurses.
@_exported import TerminalKit
