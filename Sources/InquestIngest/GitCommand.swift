import Foundation

/// Runs `git -C DIRECTORY ...` for `inquest ingest --git` and the watcher's git feed, so both
/// read history with the same command and the same source identity.
public enum GitCommand {
    /// What `git log` is run with: the shape ``GitLogParser`` reads.
    public static let logArguments = ["log", "--date=iso-strict", "--pretty=fuller", "--parents", "--numstat"]

    /// What a git run printed and how it ended.
    public struct Outcome: Sendable {
        public let status: Int32
        public let output: Data
        /// Standard error, trimmed.
        public let errors: String
    }

    /// Runs git with `arguments` in `directory`; throws only when git cannot be started.
    public static func run(_ arguments: [String], in directory: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: data,
            errors: message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
