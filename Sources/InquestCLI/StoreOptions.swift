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
}

/// An error the CLI prints as one line, exiting non-zero.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
