import Foundation
import GRDB
import InquestCore
import Logging

/// The shared event store: one SQLite file (WAL) that the canvas, the CLI and watchers read and
/// write at the same time.
///
/// It owns the GRDB writer and runs the migrator when opened. Write methods keep the schema's
/// invariants inside one transaction and bump the change revision (see ``ChangeToken``).
/// Reads never load the whole table: they page by (time, id) over the `event_by_time` index.
public final class InquestStore: Sendable {
    /// The GRDB connection(s): a `DatabasePool` for files, a `DatabaseQueue` in memory.
    let writer: any DatabaseWriter
    /// The file path, or `:memory:` for an in-memory store (used in messages).
    public let path: String
    let logger: Logger

    init(writer: any DatabaseWriter, path: String, logger: Logger) throws {
        self.writer = writer
        self.path = path
        self.logger = logger
        do {
            try Self.migrate(writer)
        } catch {
            throw StoreError.migrationFailed(path: path, reason: Self.reason(error))
        }
    }

    /// Opens (creating if needed) the store at `path`: the directory with mode 0700, the file with
    /// mode 0600, WAL journal, and the current schema.
    public static func open(path: String, logger: Logger = Logger(label: "inquest.store")) throws -> InquestStore {
        let pool: DatabasePool
        do {
            try prepareFile(at: path)
            pool = try DatabasePool(path: path, configuration: makeConfiguration())
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: reason(error))
        }
        logger.debug("opened store", metadata: ["path": "\(path)"])
        return try InquestStore(writer: pool, path: path, logger: logger)
    }

    /// A fresh store in memory (tests, previews); gone when the value is released.
    public static func inMemory(logger: Logger = Logger(label: "inquest.store")) throws -> InquestStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: makeConfiguration())
        } catch {
            throw StoreError.cannotOpen(path: ":memory:", reason: reason(error))
        }
        return try InquestStore(writer: queue, path: ":memory:", logger: logger)
    }

    /// Where the database lives: the `--db` value, else `$INQUEST_DB`, else
    /// `$XDG_DATA_HOME/inquest/inquest.db`, else `~/.local/share/inquest/inquest.db`
    /// (`~` from `$HOME`, falling back to the user's home directory).
    public static func defaultPath(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["INQUEST_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty {
            return (dataHome as NSString).appendingPathComponent("inquest/inquest.db")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/inquest/inquest.db")
    }
}
