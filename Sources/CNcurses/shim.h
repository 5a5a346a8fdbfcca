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

#endif
