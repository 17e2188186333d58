import Foundation

/// Every write the CLI makes to stdout and stderr. `FileHandle.write(_:)` traps on a write
/// error, so `inquest export … | head` crashed when the reader left early and SIGPIPE was ignored
/// (as a parent process may leave it). Here a write to a closed stdout ends the process the way
/// the default SIGPIPE action would (status 141, no message), as git does, and a failed write to
/// stderr is dropped: there is nowhere left to report it.
enum StandardStreams {
    /// Writes `text` to stdout.
    static func out(_ text: String) { out(bytes: Array(text.utf8)) }

    /// Writes `bytes` to stdout; a reader that went away ends the process quietly.
    static func out(bytes: [UInt8]) {
        if case .brokenPipe = write(bytes, to: STDOUT_FILENO) { endForBrokenPipe() }
    }

    /// Writes `text` to stderr, best effort.
    static func err(_ text: String) { _ = write(Array(text.utf8), to: STDERR_FILENO) }

    private enum Outcome { case written, brokenPipe, failed }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Outcome {
        bytes.withUnsafeBytes { buffer -> Outcome in
            guard let base = buffer.baseAddress else { return .written }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return errno == EPIPE ? .brokenPipe : .failed
                }
            }
            return .written
        }
    }

    private static func endForBrokenPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(128 + SIGPIPE)
    }
}
