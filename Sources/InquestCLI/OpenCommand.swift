import ArgumentParser

/// `inquest` with no subcommand: the canvas on the default (or given) store.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the canvas (the default when no subcommand is given)."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var canvas: CanvasArguments

    func run() throws {
        let database = try store.open()
        try canvas.open(database, storePath: store.resolvedPath)
    }
}
