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

// Mouse masks are macros: the presses and wheel notches the canvas asks for, and which of them
// an event holds (1-3 buttons, 4 wheel up, 5 wheel down; 0 for anything else, e.g. a release).
static inline mmask_t inquest_mouse_presses(void) {
    return BUTTON1_PRESSED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int inquest_mouse_button(mmask_t state) {
    if (state & BUTTON1_PRESSED) return 1;
    if (state & BUTTON2_PRESSED) return 2;
    if (state & BUTTON3_PRESSED) return 3;
    if (state & BUTTON4_PRESSED) return 4;
    if (state & BUTTON5_PRESSED) return 5;
    return 0;
}

// newterm instead of initscr: it returns NULL on failure instead of exiting the process.
static inline SCREEN *inquest_newterm(void) { return newterm(NULL, stdout, stdin); }

#endif
