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
        usage: """
            inquest [<file> ...] [--db <path>] [--theme <theme>] [--investigation <id>] [--filter <filter>]
            cat app.log | inquest - [--db <path>]
            inquest <subcommand>
            """,
        discussion: """
            With no arguments the canvas opens on the store. With files, it opens at once on them, as \
            lnav FILE does, while they are ingested into the store in the background (progress on the \
            status line; O shows every source instead of only those files); - reads standard input. \
            A first argument that names a subcommand is that subcommand; anything else must be an \
            existing file or -, and a file named like a subcommand is written ./NAME.
            """,
        subcommands: [
            OpenCommand.self,
            IngestCommand.self,
            QueryCommand.self,
            StatsCommand.self,
            SeriesCommand.self,
            SuspectsCommand.self,
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
            TeamCommand.self,
            NotifyCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
