// The only door from Swift into ncursesw. The curses globals (stdscr, LINES,
// COLS, COLORS) are not concurrency-safe in Swift, so Swift reaches them
// through these small static inline functions instead of touching them.
#ifndef ATTUNE_CNCURSES_SHIM_H
#define ATTUNE_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

static inline WINDOW *attune_stdscr(void) { return stdscr; }
static inline int attune_lines(void) { return LINES; }
static inline int attune_cols(void) { return COLS; }
static inline int attune_colors(void) { return COLORS; }
static inline int attune_color_pairs(void) { return COLOR_PAIRS; }
static inline int attune_keypad(bool on) { return keypad(stdscr, on); }
static inline int attune_nodelay(bool on) { return nodelay(stdscr, on); }
static inline int attune_timeout(int ms) { wtimeout(stdscr, ms); return 0; }
static inline int attune_getch(void) { return wgetch(stdscr); }
static inline int attune_move_add_wide(int y, int x, const wchar_t *text, int n) {
    return mvwaddnwstr(stdscr, y, x, text, n);
}
static inline int attune_attrset(int attrs) { return wattrset(stdscr, attrs); }
static inline int attune_color_pair_attr(int pair) { return COLOR_PAIR(pair); }
static inline int attune_attr_bold(void) { return A_BOLD; }
static inline int attune_attr_reverse(void) { return A_REVERSE; }
static inline int attune_attr_dim(void) { return A_DIM; }
static inline int attune_attr_underline(void) { return A_UNDERLINE; }
static inline int attune_key_resize(void) { return KEY_RESIZE; }
static inline int attune_key_left(void) { return KEY_LEFT; }
static inline int attune_key_right(void) { return KEY_RIGHT; }
static inline int attune_key_up(void) { return KEY_UP; }
static inline int attune_key_down(void) { return KEY_DOWN; }
static inline int attune_key_enter(void) { return KEY_ENTER; }
static inline int attune_key_backspace(void) { return KEY_BACKSPACE; }
static inline int attune_err(void) { return ERR; }
static inline int attune_wnoutrefresh(void) { return wnoutrefresh(stdscr); }
static inline int attune_erase(void) { return werase(stdscr); }
static inline int attune_clearok(bool on) { return clearok(stdscr, on); }


/* ---- Added for the AttuneCurses backend -------------------------------- */

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* More curses macros and functions, reached through functions. */
static inline int attune_ok(void) { return OK; }
static inline int attune_key_code_yes(void) { return KEY_CODE_YES; }
static inline int attune_key_page_up(void) { return KEY_PPAGE; }
static inline int attune_key_page_down(void) { return KEY_NPAGE; }
static inline int attune_key_home(void) { return KEY_HOME; }
static inline int attune_key_end(void) { return KEY_END; }
static inline int attune_color_black(void) { return COLOR_BLACK; }
static inline int attune_color_red(void) { return COLOR_RED; }
static inline int attune_color_green(void) { return COLOR_GREEN; }
static inline int attune_color_yellow(void) { return COLOR_YELLOW; }
static inline int attune_color_blue(void) { return COLOR_BLUE; }
static inline int attune_color_magenta(void) { return COLOR_MAGENTA; }
static inline int attune_color_cyan(void) { return COLOR_CYAN; }
static inline int attune_color_white(void) { return COLOR_WHITE; }
static inline int attune_get_wide_char(unsigned int *out) {
    wint_t ch = 0;
    int status = wget_wch(stdscr, &ch);
    *out = (unsigned int)ch;
    return status;
}
static inline int attune_doupdate(void) { return doupdate(); }
/* Arrow, Home and End keys in both cursor-key modes, for terminals that
 * send the normal-mode sequences although keypad mode was requested. */
static inline void attune_define_cursor_keys(void) {
    static const char *normal[] = { "\033[A", "\033[B", "\033[C", "\033[D", "\033[H", "\033[F" };
    static const char *application[] = { "\033OA", "\033OB", "\033OC", "\033OD", "\033OH", "\033OF" };
    const int codes[] = { KEY_UP, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END };
    for (int i = 0; i < 6; i++) {
        define_key(normal[i], codes[i]);
        define_key(application[i], codes[i]);
    }
}
/* Colours the terminal can show (from terminfo; COLORS is only set once
 * start_color has run). 0 when it has none. */
static inline int attune_terminal_colour_count(void) {
    if (!has_colors()) return 0;
    int count = tigetnum("colors");
    return count > 0 ? count : 0;
}
static inline int attune_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}
static inline int attune_set_locale_from_environment(void) {
    return setlocale(LC_ALL, "") != NULL;
}

/* Opens a curses screen on the given descriptors (0 and 1 use the C
 * library's stdin and stdout). Returns NULL on failure. The FILE streams
 * opened here are handed back so they can be closed after delscreen. */
static inline SCREEN *attune_newterm(const char *type, int out_fd, int in_fd,
                                     FILE **out_file, FILE **in_file) {
    FILE *out = NULL, *in = NULL;
    *out_file = NULL;
    *in_file = NULL;
    if (out_fd == STDOUT_FILENO) { out = stdout; } else { out = fdopen(dup(out_fd), "w"); *out_file = out; }
    if (in_fd == STDIN_FILENO) { in = stdin; } else { in = fdopen(dup(in_fd), "r"); *in_file = in; }
    if (out == NULL || in == NULL) {
        if (*out_file) { fclose(*out_file); *out_file = NULL; }
        if (*in_file) { fclose(*in_file); *in_file = NULL; }
        return NULL;
    }
    SCREEN *screen = newterm(type, out, in);
    if (screen == NULL) {
        if (*out_file) { fclose(*out_file); *out_file = NULL; }
        if (*in_file) { fclose(*in_file); *in_file = NULL; }
    }
    return screen;
}
static inline void attune_close_file(FILE *file) { if (file != NULL) fclose(file); }

/* ---- Signal relay ------------------------------------------------------
 *
 * Signal handlers may only do async-signal-safe work, and endwin is not
 * such work. So the handlers below only record the signal and write its
 * number to a self-pipe; the app loop (Terminal.readKey) reads the pipe and
 * restores the terminal itself. Handlers for crashes, and a second Ctrl-C
 * while the first is still unanswered, restore the terminal with the
 * async-signal-safe tools only: tcsetattr with the saved settings and a
 * write of the terminal's own "leave full-screen mode" sequences.
 *
 * The state is one weakly defined global (see attune_relay below), so
 * every module shares it. The attune_relay_* functions are still called
 * from one Swift file only (Sources/AttuneCurses/SignalRelay.swift). */

#define ATTUNE_RELAY_SIGNALS 65
#define ATTUNE_RELAY_RESTORE_BYTES 512

typedef struct {
    volatile sig_atomic_t active;          /* curses is on screen */
    volatile sig_atomic_t quit_requested;  /* a quit signal arrived */
    int pipe_read;
    int pipe_write;
    int tty_fd;
    int have_termios;
    struct termios saved_termios;
    char restore_sequence[ATTUNE_RELAY_RESTORE_BYTES];
    size_t restore_length;
    int installed[ATTUNE_RELAY_SIGNALS];
    struct sigaction previous[ATTUNE_RELAY_SIGNALS];
    int atexit_registered;
} attune_relay_state;

/* The one relay state of the process. A static variable inside an inline
 * function would be copied into every module (and, in debug builds, every
 * Swift file) whose code the compiler emits it in; with cross-module
 * optimisation, release builds inline the relay's functions into the
 * executable and would then read a second, empty copy, so that a quit
 * signal is written to the pipe and never read back. A weak definition in
 * the header gives one symbol that the linker merges into a single
 * instance, however many objects define it. */
__attribute__((weak)) attune_relay_state attune_relay_shared_state = {
    .pipe_read = -1, .pipe_write = -1, .tty_fd = -1
};

static inline attune_relay_state *attune_relay(void) {
    return &attune_relay_shared_state;
}

static inline void attune_relay_notify(int signo) {
    attune_relay_state *s = attune_relay();
    if (s->pipe_write >= 0) {
        unsigned char byte = (unsigned char)signo;
        ssize_t ignored = write(s->pipe_write, &byte, 1);
        (void)ignored;
    }
}

/* Async-signal-safe: terminal settings back to what they were at start,
 * attributes off, cursor shown, keypad and full-screen modes left. */
static inline void attune_relay_emergency_restore(void) {
    attune_relay_state *s = attune_relay();
    if (!s->active || s->tty_fd < 0) return;
    s->active = 0;
    if (s->restore_length > 0) {
        ssize_t ignored = write(s->tty_fd, s->restore_sequence, s->restore_length);
        (void)ignored;
    }
    if (s->have_termios) tcsetattr(s->tty_fd, TCSANOW, &s->saved_termios);
}

static inline void attune_relay_on_quit(int signo) {
    int saved_errno = errno;
    attune_relay_state *s = attune_relay();
    if (s->quit_requested) {
        /* Asked twice: the app loop is not answering. Leave now. */
        attune_relay_emergency_restore();
        _exit(128 + signo);
    }
    s->quit_requested = 1;
    attune_relay_notify(signo);
    errno = saved_errno;
}

static inline void attune_relay_on_notice(int signo) {
    int saved_errno = errno;
    attune_relay_notify(signo);
    errno = saved_errno;
}

/* SIGWINCH: let curses (installed first) see it, then wake the loop. */
static inline void attune_relay_on_resize(int signo, siginfo_t *info, void *context) {
    int saved_errno = errno;
    attune_relay_state *s = attune_relay();
    if (signo > 0 && signo < ATTUNE_RELAY_SIGNALS) {
        struct sigaction *old = &s->previous[signo];
        if (old->sa_flags & SA_SIGINFO) {
            if (old->sa_sigaction != NULL) old->sa_sigaction(signo, info, context);
        } else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN && old->sa_handler != NULL) {
            old->sa_handler(signo);
        }
    }
    attune_relay_notify(signo);
    errno = saved_errno;
}

/* Crashes: restore the terminal, then hand the signal to whoever handled
 * it before (the runtime's crash reporter, or the default action). */
static inline void attune_relay_on_fatal(int signo) {
    attune_relay_state *s = attune_relay();
    attune_relay_emergency_restore();
    if (signo > 0 && signo < ATTUNE_RELAY_SIGNALS) {
        sigaction(signo, &s->previous[signo], NULL);
        s->installed[signo] = 0;
    }
    /* Faults recur when the instruction runs again; signals sent from
     * outside must be sent again. */
    if (signo == SIGTRAP || signo == SIGABRT) raise(signo);
}

/* flags: SA_RESTART for the relayed signals (so that curses' own reads
 * and writes are not cut short), SA_ONSTACK for crashes (so that a stack
 * overflow can still be reported on the alternate stack, if any). */
static inline int attune_relay_catch(int signo, void (*handler)(int), int flags) {
    attune_relay_state *s = attune_relay();
    if (signo <= 0 || signo >= ATTUNE_RELAY_SIGNALS || s->installed[signo]) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = handler;
    action.sa_flags = flags;
    if (sigaction(signo, &action, &s->previous[signo]) != 0) return -1;
    s->installed[signo] = 1;
    return 0;
}

static inline int attune_relay_catch_resize(void) {
    attune_relay_state *s = attune_relay();
    if (s->installed[SIGWINCH]) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = attune_relay_on_resize;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    if (sigaction(SIGWINCH, &action, &s->previous[SIGWINCH]) != 0) return -1;
    s->installed[SIGWINCH] = 1;
    return 0;
}

static inline void attune_relay_release(int signo) {
    attune_relay_state *s = attune_relay();
    if (signo <= 0 || signo >= ATTUNE_RELAY_SIGNALS || !s->installed[signo]) return;
    sigaction(signo, &s->previous[signo], NULL);
    s->installed[signo] = 0;
}

static inline void attune_relay_at_exit(void) {
    attune_relay_state *s = attune_relay();
    if (s->active) {
        s->active = 0;
        endwin();
    }
}

/* Before the curses screen exists: the self-pipe, the terminal settings
 * to fall back to, and the quit and suspend signals (installed before
 * newterm so that curses leaves them to us). Returns 0 on success. */
static inline int attune_relay_open(int tty_fd) {
    attune_relay_state *s = attune_relay();
    int fds[2];
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    }
    s->pipe_read = fds[0];
    s->pipe_write = fds[1];
    s->tty_fd = tty_fd;
    s->quit_requested = 0;
    s->have_termios = tcgetattr(tty_fd, &s->saved_termios) == 0;
    s->restore_length = 0;
    attune_relay_catch(SIGINT, attune_relay_on_quit, SA_RESTART);
    attune_relay_catch(SIGTERM, attune_relay_on_quit, SA_RESTART);
    attune_relay_catch(SIGHUP, attune_relay_on_quit, SA_RESTART);
    attune_relay_catch(SIGQUIT, attune_relay_on_quit, SA_RESTART);
    attune_relay_catch(SIGTSTP, attune_relay_on_notice, SA_RESTART);
    attune_relay_catch(SIGCONT, attune_relay_on_notice, SA_RESTART);
    if (!s->atexit_registered) {
        s->atexit_registered = 1;
        atexit(attune_relay_at_exit);
    }
    return 0;
}

static inline void attune_relay_append_capability(const char *name) {
    attune_relay_state *s = attune_relay();
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return;
    for (const char *p = value; *p != '\0'; p++) {
        if (p[0] == '$' && p[1] == '<') { /* padding such as $<5>: skip */
            const char *close = strchr(p, '>');
            if (close != NULL) { p = close; continue; }
        }
        if (s->restore_length + 1 >= ATTUNE_RELAY_RESTORE_BYTES) return;
        s->restore_sequence[s->restore_length++] = *p;
    }
}

/* After the curses screen exists: resize relay (chained to curses), crash
 * handlers, and the escape sequences for an emergency restore. */
static inline void attune_relay_screen_started(void) {
    attune_relay_state *s = attune_relay();
    s->restore_length = 0;
    attune_relay_append_capability("sgr0");
    attune_relay_append_capability("cnorm");
    attune_relay_append_capability("rmkx");
    attune_relay_append_capability("rmcup");
    attune_relay_catch_resize();
    attune_relay_catch(SIGSEGV, attune_relay_on_fatal, SA_ONSTACK);
    attune_relay_catch(SIGBUS, attune_relay_on_fatal, SA_ONSTACK);
    attune_relay_catch(SIGILL, attune_relay_on_fatal, SA_ONSTACK);
    attune_relay_catch(SIGFPE, attune_relay_on_fatal, SA_ONSTACK);
    attune_relay_catch(SIGABRT, attune_relay_on_fatal, SA_ONSTACK);
    attune_relay_catch(SIGTRAP, attune_relay_on_fatal, SA_ONSTACK);
    s->active = 1;
}

/* Puts every handler back and closes the pipe. */
static inline void attune_relay_close(void) {
    attune_relay_state *s = attune_relay();
    s->active = 0;
    for (int signo = 1; signo < ATTUNE_RELAY_SIGNALS; signo++) attune_relay_release(signo);
    if (s->pipe_read >= 0) close(s->pipe_read);
    if (s->pipe_write >= 0) close(s->pipe_write);
    s->pipe_read = -1;
    s->pipe_write = -1;
    s->tty_fd = -1;
    s->quit_requested = 0;
}

static inline void attune_relay_set_active(int active) { attune_relay()->active = active; }
static inline int attune_relay_pipe(void) { return attune_relay()->pipe_read; }

/* The next relayed signal number, or 0 when none is waiting. */
static inline int attune_relay_next_signal(void) {
    attune_relay_state *s = attune_relay();
    unsigned char byte = 0;
    if (s->pipe_read < 0) return 0;
    ssize_t n = read(s->pipe_read, &byte, 1);
    return n == 1 ? (int)byte : 0;
}

/* Stops the process as a plain Ctrl-Z would (the caller has already left
 * curses mode) and returns once it is continued. */
static inline void attune_relay_suspend_process(void) {
    attune_relay_state *s = attune_relay();
    int was_installed = s->installed[SIGTSTP];
    attune_relay_release(SIGTSTP);
    sigset_t mask, old;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &mask, &old);
    kill(getpid(), SIGTSTP);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (was_installed) attune_relay_catch(SIGTSTP, attune_relay_on_notice, SA_RESTART);
}

/* Waits up to timeout_ms (negative: forever) for input on in_fd or on
 * the relay pipe (pipe_fd, or -1 for none). Returns a bit set: 1 input is
 * ready, 2 a signal was relayed, 4 the input hung up or failed; 0 on
 * timeout or when a signal interrupted the wait. */
static inline int attune_wait_for_input(int in_fd, int pipe_fd, int timeout_ms) {
    struct pollfd fds[2];
    fds[0].fd = in_fd;
    fds[0].events = POLLIN;
    fds[0].revents = 0;
    fds[1].fd = pipe_fd;
    fds[1].events = POLLIN;
    fds[1].revents = 0;
    int ready = poll(fds, pipe_fd >= 0 ? 2 : 1, timeout_ms);
    if (ready <= 0) return 0;
    int result = 0;
    /* A terminal that went away reports POLLHUP (often with POLLIN, as
     * reads return end-of-file): report both, so the loop reads what is
     * left and then stops instead of polling for ever. */
    if (fds[0].revents & POLLIN) result |= 1;
    if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) result |= 4;
    if (pipe_fd >= 0 && (fds[1].revents & POLLIN)) result |= 2;
    return result;
}

/* Signal numbers, for Swift. */
static inline int attune_signal_interrupt(void) { return SIGINT; }
static inline int attune_signal_terminate(void) { return SIGTERM; }
static inline int attune_signal_hangup(void) { return SIGHUP; }
static inline int attune_signal_quit(void) { return SIGQUIT; }
static inline int attune_signal_stop(void) { return SIGTSTP; }
static inline int attune_signal_continue(void) { return SIGCONT; }
static inline int attune_signal_resize(void) { return SIGWINCH; }

#endif
