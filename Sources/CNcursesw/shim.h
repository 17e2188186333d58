#ifndef INQUEST_CNCURSESW_SHIM_H
#define INQUEST_CNCURSESW_SHIM_H
// The wide-character API is only visible to Swift when these are defined here, before curses.h.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// glibc hides wcwidth without _XOPEN_SOURCE.
extern int wcwidth(wchar_t c);

// Attribute and colour macros are not imported by Swift: expose them as functions.
static inline attr_t inquest_a_normal(void) { return A_NORMAL; }
static inline attr_t inquest_a_bold(void) { return A_BOLD; }
static inline attr_t inquest_a_underline(void) { return A_UNDERLINE; }
static inline attr_t inquest_a_reverse(void) { return A_REVERSE; }
static inline attr_t inquest_a_dim(void) { return A_DIM; }

// Swift 6 rejects reads of these mutable C globals; read them through functions.
static inline int inquest_colors(void) { return COLORS; }
static inline int inquest_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *inquest_stdscr(void) { return stdscr; }

// newterm instead of initscr: it returns NULL on failure instead of exiting the process.
static inline SCREEN *inquest_newterm(void) { return newterm(NULL, stdout, stdin); }

#endif
