import Foundation

/// A fresh directory and store path for one CLI test, and a way to write input files into it.
struct CLIWorkspace {
    let directory: URL
    let database: String

    init() throws {
        directory = try BinaryRunner.temporaryDirectory()
        database = directory.appendingPathComponent("store.db").path
    }
}

/// A suite that runs the CLI in a ``CLIWorkspace`` of its own.
protocol CLIFixture {
    var workspace: CLIWorkspace { get }
}

extension CLIFixture {
    var directory: URL { workspace.directory }
    var database: String { workspace.database }

    /// Writes `text` to `name` in the workspace; its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
