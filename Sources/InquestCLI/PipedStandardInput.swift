import Foundation

/// `inquest -`: standard input is the data, but the canvas reads its keys from descriptor 0.
enum PipedStandardInput {
    /// Keeps the piped input on a new descriptor (returned, for the ingest to read) and puts the
    /// controlling terminal, `/dev/tty`, on descriptor 0 for the canvas (ncurses reads keys there).
    static func moveAsideForTerminal() throws -> Int32 {
        guard isatty(STDIN_FILENO) == 0 else {
            throw CLIFailure("-: standard input is the terminal; pipe data in (cat app.log | inquest -) or name files")
        }
        let piped = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3)
        guard piped >= 0 else { throw CLIFailure("-: cannot keep standard input: \(String(cString: strerror(errno)))") }
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else {
            throw CLIFailure("-: no terminal to read keys from (/dev/tty: \(String(cString: strerror(errno)))); use inquest ingest - instead")
        }
        guard dup2(terminal, STDIN_FILENO) >= 0 else {
            throw CLIFailure("-: cannot read keys from /dev/tty: \(String(cString: strerror(errno)))")
        }
        close(terminal)
        return piped
    }
}
