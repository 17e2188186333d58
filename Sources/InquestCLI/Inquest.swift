import ArgumentParser
import Foundation
import Logging

@main
struct Inquest: ParsableCommand {
    /// Diagnostics go to stderr at `warning` and above (`INQUEST_LOG_LEVEL=debug` for more);
    /// command output stays clean on stdout. The canvas logs to a file instead.
    static func main() {
        SignalWait.unblockStopSignals()
        let level = ProcessInfo.processInfo.environment["INQUEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = SanitizingLogHandler(wrapped: StreamLogHandler.standardError(label: label))
            handler.logLevel = level
            return handler
        }
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            TerminalText.exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "inquest",
        abstract: "A terminal investigation canvas over a shared store of logs, metrics, traces, changes and CI results.",
        subcommands: [
            OpenCommand.self,
            IngestCommand.self,
            QueryCommand.self,
            StatsCommand.self,
            DemoCommand.self,
            DeadLetterCommand.self,
            DetectCommand.self,
            BundleCommand.self,
            ImportCommand.self,
            LogCommand.self,
            InvestigationsCommand.self,
            ExportCommand.self,
            WatchCommand.self,
            StatusCommand.self,
            ReceiveCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
