import ArgumentParser
import Foundation
import InquestCanvas
import InquestCore
import InquestIngest
import InquestStore
import Logging

/// Options shared by `inquest` (no subcommand) and `inquest demo`.
struct CanvasArguments: ParsableArguments {
    @Option(help: "Theme: dark, light, high-contrast, monochrome, or a name in $XDG_CONFIG_HOME/inquest/themes/.")
    var theme: String = "dark"

    @Option(help: ArgumentHelp("Preselect this investigation.", valueName: "id"))
    var investigation: Int64?

    @Option(help: ArgumentHelp("Start with this filter applied.", valueName: "filter"))
    var filter: String = ""

    @Option(help: ArgumentHelp("Open on this event (its id), shown in its context: every source around it.", valueName: "id"))
    var event: Int64?

    @Flag(help: "Never copy to the clipboard (y/Y and :yank use OSC 52 through the terminal otherwise).")
    var noClipboard = false

    @Flag(help: "Leave the mouse to the terminal (clicks select panes and rows, the wheel scrolls otherwise; Shift-drag selects text either way).")
    var noMouse = false

    /// Opens the canvas on `store`; with `files`, scoped to them while a ``CanvasIngest`` stores
    /// them beside it (started once the first frame is drawn).
    func open(_ store: InquestStore, storePath: String, ingesting files: [String] = [], options: IngestOptions = IngestOptions()) throws {
        let parsedFilter: Filter
        do {
            parsedFilter = try Filter.parse(filter)
        } catch {
            throw CLIFailure("bad --filter:\n" + error.rendered(for: filter))
        }
        let logPath = URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("canvas.log").path
        let logger = FileLogHandler.logger(label: "inquest.canvas", path: logPath)
        let ingest = files.isEmpty ? nil : CanvasIngest(storePath: storePath, paths: files, options: options, logger: logger)
        var sources: [String] = []
        for name in files.map(FileIngestor.sourceName(of:)) where !sources.contains(name) { sources.append(name) }
        let runtime = CanvasRuntime(
            store: store,
            options: CanvasOptions(theme: theme, investigationID: investigation, filter: parsedFilter, logPath: logPath, openedSources: sources, eventID: event, clipboard: !noClipboard, mouse: !noMouse, storePath: storePath),
            logger: logger,
            backgroundWork: ingest
        )
        do {
            try runtime.run()
        } catch {
            throw CLIFailure("\(error)")
        }
    }
}
