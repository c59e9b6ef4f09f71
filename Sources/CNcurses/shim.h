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

static inline int lp_key_resize(void) { return KEY_RESIZE; }

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
// The terminal state is saved before ncurses starts. On any signal whose default action ends the
// process (a Swift runtime trap is SIGILL or SIGTRAP; also SIGUSR1, SIGALRM, SIGPIPE, the
// real-time signals, ...) the handler restores it with async-signal-safe calls only (tcsetattr,
// write of a precomputed string) and re-raises the signal with its default action, so the exit
// status stays honest. A signal the parent left ignored stays ignored.
// SIGINT, SIGTERM, SIGHUP and SIGQUIT only set a flag: the event loop sees it within one read
// and shuts down in order (endwin), since every recorded event is already on disk.
// SIGTSTP sets a flag too: the loop leaves the full screen, then stops the whole process group
// (see lp_stop_process_group); SIGCONT asks the loop to take the terminal again.

static inline struct termios *lp_saved_termios(void) { static struct termios t; return &t; }
static inline volatile sig_atomic_t *lp_have_saved(void) { static volatile sig_atomic_t v; return &v; }
static inline volatile sig_atomic_t *lp_quit_signal(void) { static volatile sig_atomic_t v; return &v; }
static inline volatile sig_atomic_t *lp_screen_active(void) { static volatile sig_atomic_t v; return &v; }
static inline volatile sig_atomic_t *lp_suspend_flag(void) { static volatile sig_atomic_t v; return &v; }
static inline volatile sig_atomic_t *lp_continue_flag(void) { static volatile sig_atomic_t v; return &v; }

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
static void lp_on_suspend_signal(int sig) { (void)sig; *lp_suspend_flag() = 1; }
static void lp_on_continue_signal(int sig) { (void)sig; *lp_continue_flag() = 1; }

static void lp_on_fatal_signal(int sig) {
    lp_restore_terminal_raw();
    signal(sig, SIG_DFL);
    raise(sig);
}

/// Installs `handler` for `sig` unless the parent left the signal ignored.
static inline void lp_catch_unless_ignored(int sig, void (*handler)(int), int flags) {
    struct sigaction old;
    if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN) return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = handler;
    sa.sa_flags = flags;
    sigaction(sig, &sa, NULL);
}

static inline void lp_install_signal_handlers(void) {
    // No SA_RESTART: a blocked read returns so the loop sees the flag at once.
    int quits[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (unsigned i = 0; i < sizeof quits / sizeof quits[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sigemptyset(&sa.sa_mask);
        sa.sa_handler = lp_on_quit_signal;
        sigaction(quits[i], &sa, NULL);
    }
    // Faults are caught whatever the parent did: they cannot be ignored anyway.
    int faults[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGSYS};
    for (unsigned i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        struct sigaction fa;
        memset(&fa, 0, sizeof fa);
        sigemptyset(&fa.sa_mask);
        fa.sa_handler = lp_on_fatal_signal;
        fa.sa_flags = SA_RESETHAND;
        sigaction(faults[i], &fa, NULL);
    }
    // Every other signal whose default action ends the process.
    int enders[] = {SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
#ifdef SIGIO
        SIGIO,
#endif
#ifdef SIGPWR
        SIGPWR,
#endif
#ifdef SIGSTKFLT
        SIGSTKFLT,
#endif
    };
    for (unsigned i = 0; i < sizeof enders / sizeof enders[0]; i++)
        lp_catch_unless_ignored(enders[i], lp_on_fatal_signal, SA_RESETHAND);
#ifdef SIGRTMIN
    for (int s = SIGRTMIN; s <= SIGRTMAX; s++) lp_catch_unless_ignored(s, lp_on_fatal_signal, SA_RESETHAND);
#endif
    // Installed before ncurses starts, so ncurses keeps its own SIGTSTP handler out.
    lp_catch_unless_ignored(SIGTSTP, lp_on_suspend_signal, 0);
    lp_catch_unless_ignored(SIGCONT, lp_on_continue_signal, 0);
    // A parent may have left signals blocked (a test runner, a service manager); the program
    // relies on these, so it unblocks them rather than hang on Ctrl-Z or a resize.
    sigset_t needed;
    sigemptyset(&needed);
    int wanted[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH};
    for (unsigned i = 0; i < sizeof wanted / sizeof wanted[0]; i++) sigaddset(&needed, wanted[i]);
    sigprocmask(SIG_UNBLOCK, &needed, NULL);
}

/// Stops the process group with SIGTSTP's default action, once the full screen is left: the
/// whole group, so a job-control shell sees its job stop even when a wrapper script stands
/// between it and this program. Without a job-control shell (the group is orphaned) the kernel
/// discards the signal and this returns at once: nobody could resume the program, so it does
/// not stop. Returns after SIGCONT.
static inline void lp_stop_process_group(void) {
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    sigemptyset(&dfl.sa_mask);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &dfl, &old);
    sigset_t tstp;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, NULL);
    kill(0, SIGTSTP);
    sigaction(SIGTSTP, &old, NULL);
}

static inline int lp_take_flag(volatile sig_atomic_t *f) {
    int v = *f;
    *f = 0;
    return v;
}
static inline int lp_take_suspend(void) { return lp_take_flag(lp_suspend_flag()); }
static inline int lp_take_continue(void) { return lp_take_flag(lp_continue_flag()); }

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
