import ArgumentParser

@main
struct Inquest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inquest",
        abstract: "A terminal investigation canvas over a shared store of logs, metrics, traces, changes and CI results.",
        subcommands: [
            OpenCommand.self,
            IngestCommand.self,
            QueryCommand.self,
            StatsCommand.self,
            DemoCommand.self,
            DetectCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
