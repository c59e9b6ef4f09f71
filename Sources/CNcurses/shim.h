// What Swift cannot import from ncurses (macros, varargs, wide-character calls behind feature
// macros), and the few signal-handling pieces that must be plain C to be async-signal-safe.
#ifndef LOSTPHONE_CNCURSES_SHIM_H
#define LOSTPHONE_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// MARK: macros as functions

static inline int lp_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int lp_lines(void) { return LINES; }
static inline int lp_cols(void) { return COLS; }
static inline int lp_colors(void) { return COLORS; }
static inline int lp_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *lp_stdscr(void) { return stdscr; }

static inline unsigned int lp_a_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int lp_a_dim(void) { return (unsigned int)A_DIM; }
static inline unsigned int lp_a_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int lp_a_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int lp_a_normal(void) { return (unsigned int)A_NORMAL; }

static inline int lp_key_up(void) { return KEY_UP; }
static inline int lp_key_down(void) { return KEY_DOWN; }
static inline int lp_key_left(void) { return KEY_LEFT; }
static inline int lp_key_right(void) { return KEY_RIGHT; }
static inline int lp_key_home(void) { return KEY_HOME; }
static inline int lp_key_end(void) { return KEY_END; }
static inline int lp_key_ppage(void) { return KEY_PPAGE; }
static inline int lp_key_npage(void) { return KEY_NPAGE; }
static inline int lp_key_btab(void) { return KEY_BTAB; }
static inline int lp_key_enter(void) { return KEY_ENTER; }
static inline int lp_key_backspace(void) { return KEY_BACKSPACE; }
static inline int lp_key_dc(void) { return KEY_DC; }
static inline int lp_key_resize(void) { return KEY_RESIZE; }
static inline int lp_key_mouse(void) { return KEY_MOUSE; }
static inline int lp_ok(void) { return OK; }
static inline int lp_key_code_yes(void) { return KEY_CODE_YES; }

static inline unsigned long lp_mouse_mask_clicks(void) {
    return (unsigned long)(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
        | BUTTON5_PRESSED
#endif
    );
}
static inline int lp_mouse_is_wheel_up(unsigned long b) { return (b & BUTTON4_PRESSED) != 0; }
static inline int lp_mouse_is_wheel_down(unsigned long b) {
#ifdef BUTTON5_PRESSED
    return (b & BUTTON5_PRESSED) != 0;
#else
    return 0;
#endif
}
static inline int lp_mouse_is_click(unsigned long b) { return (b & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }

/// Reads one mouse event; returns 1 and fills the cell and buttons when there is one.
static inline int lp_get_mouse(int *y, int *x, unsigned long *buttons) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return 0;
    *y = ev.y; *x = ev.x; *buttons = (unsigned long)ev.bstate;
    return 1;
}

/// Writes a run of wide characters at (y, x) with attributes and colour pair.
static inline int lp_put(int y, int x, const wchar_t *s, int n, unsigned int attrs, int pair) {
    attr_set((attr_t)attrs, (short)(pair > 32767 ? 0 : pair), NULL);
    int r = mvaddnwstr(y, x, s, n);
    attr_set(A_NORMAL, 0, NULL);
    return r;
}

static inline int lp_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }

// MARK: locale

/// 1 when the current LC_CTYPE encodes UTF-8.
static inline int lp_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

// MARK: terminal restore on signals and crashes
//
// The terminal state is saved before ncurses starts. On a fatal signal (a Swift runtime trap is
// SIGILL or SIGTRAP) the handler restores it with async-signal-safe calls only (tcsetattr, write)
// and re-raises the signal with its default action so the exit status stays honest.
// SIGINT, SIGTERM, SIGHUP and SIGQUIT only set a flag: the event loop sees it within one read
// and shuts down in order (endwin), since every recorded event is already on disk.

static inline struct termios *lp_saved_termios(void) { static struct termios t; return &t; }
static inline volatile sig_atomic_t *lp_have_saved(void) { static volatile sig_atomic_t v; return &v; }
static inline volatile sig_atomic_t *lp_quit_signal(void) { static volatile sig_atomic_t v; return &v; }
static inline volatile sig_atomic_t *lp_screen_active(void) { static volatile sig_atomic_t v; return &v; }

// Mouse clicks (X10 and SGR reports) and bracketed paste, which this program decodes itself.
static const char lp_input_modes_on[] = "\033[?1000h\033[?1006h\033[?2004h";
static const char lp_input_modes_off[] = "\033[?2004l\033[?1006l\033[?1002l\033[?1000l";

static inline void lp_write_all(const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, s, n);
        if (w <= 0) return;
        s += w; n -= (size_t)w;
    }
}

/// Asks the terminal for mouse reports and bracketed paste, or stops asking.
static inline void lp_set_input_modes(int on) {
    if (on) lp_write_all(lp_input_modes_on, sizeof lp_input_modes_on - 1);
    else lp_write_all(lp_input_modes_off, sizeof lp_input_modes_off - 1);
}

static inline void lp_save_terminal(int fd) {
    if (tcgetattr(fd, lp_saved_termios()) == 0) *lp_have_saved() = 1;
}

static inline void lp_restore_terminal_raw(void) {
    if (!*lp_screen_active()) return;
    // stop bracketed paste and mouse reporting, reset attributes, show the cursor, leave the
    // alternate screen
    static const char seq[] = "\033[?2004l\033[?1006l\033[?1002l\033[?1000l\033[0m\033[?25h\033[?1049l\r\n";
    lp_write_all(seq, sizeof seq - 1);
    if (*lp_have_saved()) tcsetattr(STDIN_FILENO, TCSANOW, lp_saved_termios());
    *lp_screen_active() = 0;
}

static void lp_on_quit_signal(int sig) { *lp_quit_signal() = sig; }

static void lp_on_fatal_signal(int sig) {
    lp_restore_terminal_raw();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void lp_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = lp_on_quit_signal;
    sa.sa_flags = 0; // no SA_RESTART: a blocked read returns so the loop sees the flag at once
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    struct sigaction fa;
    memset(&fa, 0, sizeof fa);
    sigemptyset(&fa.sa_mask);
    fa.sa_handler = lp_on_fatal_signal;
    fa.sa_flags = SA_RESETHAND;
    sigaction(SIGILL, &fa, NULL);
    sigaction(SIGTRAP, &fa, NULL);
    sigaction(SIGSEGV, &fa, NULL);
    sigaction(SIGBUS, &fa, NULL);
    sigaction(SIGFPE, &fa, NULL);
    sigaction(SIGABRT, &fa, NULL);
    // A parent may have left signals blocked (a test runner, a service manager); the program
    // relies on these, so it unblocks them rather than hang on Ctrl-Z or a resize.
    sigset_t needed;
    sigemptyset(&needed);
    int wanted[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH};
    for (unsigned i = 0; i < sizeof wanted / sizeof wanted[0]; i++) sigaddset(&needed, wanted[i]);
    sigprocmask(SIG_UNBLOCK, &needed, NULL);
}

/// The terminal's size as the kernel has it now; 0 when known.
static inline int lp_real_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

static inline int lp_take_quit_signal(void) {
    int s = *lp_quit_signal();
    *lp_quit_signal() = 0;
    return s;
}

static inline void lp_set_screen_active(int v) { *lp_screen_active() = v; }

// MARK: starting
//
// term.h comes last: it defines macros named like ordinary words (`lines`, `buttons`), which
// must not reach the code above.
#include <ncursesw/term.h>

/// 1 when terminfo knows the terminal type `name`. Frees what it loaded, so newterm starts clean.
static inline int lp_terminal_known(const char *name) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm((char *)name, STDOUT_FILENO, &err) != OK) { cur_term = saved; return 0; }
    TERMINAL *loaded = cur_term;
    set_curterm(saved);
    del_curterm(loaded);
    return 1;
}

/// newterm on the process's own standard output and input; NULL when ncurses cannot start.
static inline SCREEN *lp_newterm(void) { return newterm(NULL, stdout, stdin); }

#endif
