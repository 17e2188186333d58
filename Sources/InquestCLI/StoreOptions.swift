import ArgumentParser
import Foundation
import InquestStore
import Logging

/// `--db`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $INQUEST_DB, else $XDG_DATA_HOME/inquest/inquest.db).", valueName: "path"))
    var db: String?

    var resolvedPath: String {
        InquestStore.defaultPath(explicit: db, environment: ProcessInfo.processInfo.environment)
    }

    func open() throws -> InquestStore {
        do {
            return try InquestStore.open(path: resolvedPath, logger: Logger(label: "inquest.store"))
        } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// Opens the existing store only to read it: works on a read-only directory or a full disk,
    /// and creates nothing (for commands that never write to the store).
    /// A store that does not exist yet, or needs a schema upgrade, is opened to write as before.
    func openForReading() throws -> InquestStore {
        let path = resolvedPath
        guard FileManager.default.fileExists(atPath: path) else { return try open() }
        do {
            return try InquestStore.openForReading(path: path, logger: Logger(label: "inquest.store"))
        } catch {
            if let writable = try? InquestStore.open(path: path, logger: Logger(label: "inquest.store")) { return writable }
            throw CLIFailure("\(error)")
        }
    }

    /// Before a text filter runs on a store opened to read, indexes the events the full-text
    /// index lacks when the store can be written (as a writable store does itself); on a
    /// read-only store or a full disk the filter searches what is indexed.
    func catchUpFullText(for filter: FilterSQL, in database: InquestStore) {
        guard database.isReadOnly, filter.usesFullText, (try? database.fullTextBacklog()) ?? 0 > 0 else { return }
        guard let writable = try? InquestStore.open(path: resolvedPath, logger: Logger(label: "inquest.store")) else { return }
        _ = try? writable.indexFullText()
    }
}

/// An error the CLI prints as one line, exiting non-zero.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
