#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bracketed paste mode (xterm's private mode 2004, honoured by tmux, screen and most
/// terminals; ignored by the rest): while it is on, the terminal wraps pasted text in
/// `ESC [ 200 ~` … `ESC [ 201 ~`, which ``KeySequenceDecoder`` turns into one paste.
///
/// ``NcursesTerminal`` turns it on when it takes the terminal and off on every way out:
/// ``NcursesTerminal/stop()``, ``NcursesTerminal/runInForeground(_:environment:)``, the `atexit` hook and the
/// fatal-signal restore (``FatalSignalRestore/restoreSequence``).
enum BracketedPasteMode {
    static let on: StaticString = "\u{1B}[?2004h"
    static let off: StaticString = "\u{1B}[?2004l"

    /// Writes `sequence` to `descriptor` with `write(2)` (async-signal-safe; no stdio buffer).
    static func write(_ sequence: StaticString, to descriptor: Int32 = STDOUT_FILENO) {
        var offset = 0
        while offset < sequence.utf8CodeUnitCount {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, sequence.utf8Start + offset, sequence.utf8CodeUnitCount - offset)
            #else
            let written = Darwin.write(descriptor, sequence.utf8Start + offset, sequence.utf8CodeUnitCount - offset)
            #endif
            if written <= 0 { break }
            offset += written
        }
    }
}
