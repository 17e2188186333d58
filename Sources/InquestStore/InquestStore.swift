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
    /// Who and when the audit trail records for changes made through this store.
    public let audit: AuditIdentity
    /// The full-text index (a file of its own beside the store; see ``FullTextIndex``).
    let fullText: FullTextIndex
    /// Whether the store was opened only to read (``openForReading(path:logger:)``): nothing is
    /// migrated or indexed, and writes fail.
    public let isReadOnly: Bool

    /// Migrates the schema, then matches the full-text index to this store (``FullTextIndex/reconcile(storeID:)``).
    init(writer: any DatabaseWriter, fullText: () throws -> FullTextIndex, path: String, logger: Logger, audit: AuditIdentity) throws {
        self.writer = writer
        self.audit = audit
        self.path = path
        self.logger = logger
        self.isReadOnly = false
        do {
            try Self.migrate(writer)
        } catch {
            throw StoreError.migrationFailed(path: path, reason: Self.reason(error))
        }
        do {
            self.fullText = try fullText()
            let storeID = try writer.read { db in try String.fetchOne(db, sql: "SELECT store_id FROM store_identity WHERE id = 1") } ?? ""
            try self.fullText.reconcile(storeID: storeID)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: FullTextIndex.path(forStore: path), reason: Self.reason(error))
        }
    }

    /// A store that only reads through `queue` (see ``openForReading(path:logger:)``).
    init(readingWith queue: DatabaseQueue, path: String, logger: Logger) {
        writer = queue
        audit = AuditIdentity()
        self.path = path
        self.logger = logger
        isReadOnly = true
        fullText = FullTextIndex.readOnly(sharing: queue, path: FullTextIndex.path(forStore: path))
    }

    /// The default logger: discards everything, so a store never writes to a screen the canvas owns.
    public static var silentLogger: Logger {
        Logger(label: "inquest.store", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// Opens (creating if needed) the store at `path`: the directory with mode 0700, the file with
    /// mode 0600, WAL journal, and the current schema.
    /// `audit` names who the audit trail records (the OS user by default).
    public static func open(
        path: String, logger: Logger = InquestStore.silentLogger, audit: AuditIdentity = AuditIdentity()
    ) throws -> InquestStore {
        _ = processSettings
        let pool: DatabasePool
        do {
            try prepareFile(at: path)
            // The index file must exist before the pool's readers open: they attach it.
            try prepareFile(at: FullTextIndex.path(forStore: path))
            pool = try openPool(path: path, audit: audit)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: reason(error))
        }
        switch tightenDirectory(of: path) {
        case let .tightened(directory, from, to)?:
            logger.warning("store directory was writable by others: tightened", metadata: [
                "directory": "\(directory)", "from": "\(String(from, radix: 8))", "to": "\(String(to, radix: 8))",
            ])
        case let .leftShared(directory, mode)?:
            logger.warning("store directory is writable by others; keep the store in a directory only you can write", metadata: [
                "directory": "\(directory)", "mode": "\(String(mode, radix: 8))",
            ])
        case nil:
            break
        }
        logger.debug("opened store", metadata: ["path": "\(path)"])
        return try InquestStore(writer: pool, fullText: { try FullTextIndex.open(storePath: path) }, path: path, logger: logger, audit: audit)
    }

    /// A fresh store in memory (tests, previews); gone when the value is released.
    public static func inMemory(
        logger: Logger = InquestStore.silentLogger, audit: AuditIdentity = AuditIdentity()
    ) throws -> InquestStore {
        _ = processSettings
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: makeConfiguration(audit: audit, fullText: .inMemory))
        } catch {
            throw StoreError.cannotOpen(path: ":memory:", reason: reason(error))
        }
        return try InquestStore(
            writer: queue, fullText: { try FullTextIndex.inMemory(sharing: queue) }, path: ":memory:", logger: logger, audit: audit)
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
