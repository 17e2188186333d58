import ArgumentParser
import Foundation
import InquestText
import Logging

/// Text that quotes input (file names, CSV cells, config values, error descriptions) on its way to
/// stdout or stderr. Everything here goes through ``TextSanitizer``, the one sanitiser the canvas
/// uses, so no file name or cell can move the cursor, retitle the terminal or reorder a line.
enum TerminalText {
    /// Prints the error a command ended with, sanitised, and exits with its code (what
    /// `ParsableCommand.exit(withError:)` does, but the message may quote input). Help and
    /// version requests, which exit 0 and quote nothing, are left to the argument parser.
    static func exit(withError error: any Error) -> Never {
        let code = Inquest.exitCode(for: error)
        if code == .success { Inquest.exit(withError: error) }
        let text = Inquest.fullMessage(for: error)
        if !text.isEmpty { StandardStreams.err(TextSanitizer.lines(text).joined(separator: "\n") + "\n") }
        Foundation.exit(code.rawValue)
    }
}

/// A `LogHandler` that sanitises messages and metadata before the wrapped handler writes them
/// (the CLI logs to stderr, a terminal).
struct SanitizingLogHandler: LogHandler {
    var wrapped: any LogHandler

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?,
        source: String, file: String, function: String, line: UInt
    ) {
        let clean = metadata?.mapValues { Logger.MetadataValue.string(TextSanitizer.singleLine($0.description)) }
        wrapped.log(
            level: level, message: Logger.Message(stringLiteral: TextSanitizer.singleLine(message.description)),
            metadata: clean, source: source, file: file, function: function, line: line)
    }
}
