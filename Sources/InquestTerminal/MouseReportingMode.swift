/// Mouse reporting (xterm's private modes 1000, button presses and the wheel, and 1006, the SGR
/// encoding that ``KeySequenceDecoder`` reads), written to the terminal directly rather than
/// through curses' `mousemask`, whose decoding depends on the terminfo entry.
///
/// Terminals bypass the reports while Shift is held, so Shift-drag still selects text.
/// ``NcursesTerminal`` turns it on when it takes the terminal (unless `--no-mouse` or
/// `mouse = off`) and off on every way out, as it does bracketed paste.
enum MouseReportingMode {
    static let on: StaticString = "\u{1B}[?1000h\u{1B}[?1006h"
    static let off: StaticString = "\u{1B}[?1006l\u{1B}[?1000l"
}
