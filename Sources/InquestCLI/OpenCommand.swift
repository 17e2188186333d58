import ArgumentParser
import Foundation
import InquestIngest

/// `inquest` with no subcommand: the canvas on the default (or given) store; with files
/// (`inquest app.log`, `cat app.log | inquest -`), the canvas at once on those files while they
/// are ingested into the store beside it, the way `lnav FILE` opens a file.
///
/// A first argument that names a subcommand is that subcommand; anything else goes here, where
/// each must be an existing path or `-` (so a typo is an error naming it, not an empty canvas).
/// A file named like a subcommand is opened as `./NAME` (or `inquest open NAME`).
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the canvas (the default when no subcommand is given), on files given as arguments.",
        discussion: """
            inquest FILE... opens the canvas at once on those files while they are ingested into the \
            store in the background (progress on the status line); the timeline shows only them until \
            O (timeline.only-opened) shows every source. A file read before goes on from where its last \
            ingest stopped. - reads standard input (keys then come from the terminal). A subcommand name \
            always means the subcommand: write ./NAME to open a file named like one.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var canvas: CanvasArguments

    @Argument(help: ArgumentHelp("Files to open, ingested while the canvas shows them; - reads standard input.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        var standardInputs = 0
        for file in files {
            if file == "-" {
                standardInputs += 1
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                throw ValidationError("\(file): no such file, and not a subcommand (see inquest --help)")
            }
            if isDirectory.boolValue {
                throw ValidationError("\(file): is a directory; give the files inside it (e.g. \(file)/*.log)")
            }
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw ValidationError("\(file): cannot be read (permission denied)")
            }
        }
        if standardInputs > 1 { throw ValidationError("- (standard input) can be given once") }
    }

    func run() throws {
        var options = IngestOptions()
        if files.contains("-") { options.standardInput = try PipedStandardInput.moveAsideForTerminal() }
        let database = try store.open()
        try canvas.open(database, storePath: store.resolvedPath, ingesting: files, options: options)
    }
}
