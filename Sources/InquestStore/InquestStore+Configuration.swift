import CSQLiteTuning
import Foundation
import GRDB

extension InquestStore {
    /// How long a writer waits for another process's write transaction before giving up.
    static let busyTimeoutSeconds: Double = 5

    /// SQLite settings for the whole process, applied once before the first store opens.
    ///
    /// Memory statistics are off: SQLite otherwise takes a global mutex on every allocation, and
    /// an ingest binds millions of values (1M bench events: about 1 s less CPU of ~15 s). Nothing
    /// in Inquest reads those statistics.
    ///
    /// Connections are multi-thread rather than serialized (Debian's SQLite default), so SQLite
    /// takes no connection mutex around each of the ~20M binds and steps of a 1M-event ingest.
    /// GRDB never uses a connection from two threads at once, and supports only this mode. On 1M
    /// bench events, six runs each in turn: stored in 3.24 s on average instead of 3.52 s.
    ///
    /// If SQLite was already initialised by someone else in the process, both settings are
    /// refused and things work as before.
    static let processSettings: Void = {
        _ = inquest_sqlite_disable_memory_statistics()
        _ = inquest_sqlite_use_multithread_mode()
        _ = inquest_sqlite_use_uri()
    }()

    /// WAL pages a commit may leave before it checkpoints them into the database file (64 MiB
    /// with 16 KiB pages; see ``makeConfiguration(audit:fullText:)`` and ``deferWALCheckpoints()``).
    static let walAutocheckpointPages = 4096

    /// The pragmas every store connection runs first (see ``makeConfiguration(audit:fullText:)``).
    /// Public so that `inquest-bench` can give its plain-SQLite baseline the store's settings.
    public static let connectionPragmas = """
        PRAGMA page_size = 16384;
        PRAGMA synchronous = NORMAL;
        PRAGMA cache_size = -16384;
        PRAGMA temp_store = MEMORY;
        PRAGMA mmap_size = 0;
        PRAGMA journal_size_limit = 134217728;
        PRAGMA wal_autocheckpoint = \(walAutocheckpointPages);
        """

    /// Connection settings shared by the writer and the readers.
    ///
    /// Pragmas go in `prepareDatabase` because `synchronous` cannot change inside a transaction.
    /// `page_size` only takes effect on a new, empty file (before the pool switches it to WAL).
    /// 16 KiB pages instead of 8 KiB stored 1M bench events in 2.9–3.3 s instead of 4.4 s (two
    /// runs each, the same hour; 64 KiB pages stored as fast but took 2 s longer to close).
    /// `wal_autocheckpoint` of 4096 pages (64 MiB) instead of ~8 MiB checkpoints ~8× less often
    /// during bulk ingest (1M-event append: 24.1 s → 18.2 s wall, same CPU), and a
    /// `journal_size_limit` above it keeps the WAL from being truncated and regrown after
    /// every checkpoint (→ 15.8 s).
    ///
    /// Memory: each connection's page cache is capped at 16 MiB and memory-mapped I/O is off,
    /// so a process's resident memory does not grow with the store (mapped pages count as
    /// resident): the canvas must stay under 80 MB and ingest flat in file size.
    ///
    /// Every connection also gets `inquest_actor()` and `inquest_now()`, which the audit
    /// triggers call (see ``registerAuditMigrations(_:)``), read from `audit`, and `regexp()` for
    /// the filter's regular expressions (``FilterSQLRegex``).
    ///
    /// Connections that read attach the full-text index as `fts` (see ``FullTextIndex``): a
    /// pool's readers attach its file, an in-memory store's only connection an in-memory database.
    static func makeConfiguration(audit: AuditIdentity, fullText: FullTextAttachment) -> Configuration {
        let actorFunction = DatabaseFunction("inquest_actor", argumentCount: 0, pure: false) { _ in audit.actor }
        let nowFunction = DatabaseFunction("inquest_now", argumentCount: 0, pure: false) { _ in audit.now().nanoseconds }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.label = "inquest"
        configuration.prepareDatabase { db in
            db.add(function: actorFunction)
            db.add(function: nowFunction)
            db.add(function: FilterSQLRegex.function)
            try db.execute(sql: connectionPragmas)
            switch fullText {
            case .inMemory:
                try db.execute(sql: "ATTACH DATABASE ':memory:' AS \(FullTextIndex.attachedSchema)")
            case .file(let indexPath):
                if db.configuration.readonly {
                    try db.execute(sql: "ATTACH DATABASE ? AS \(FullTextIndex.attachedSchema)", arguments: [indexPath])
                }
            }
        }
        return configuration
    }

    /// How a store's connections see the full-text index.
    enum FullTextAttachment {
        /// Readers attach the index file at this path; the writer does not.
        case file(String)
        /// The only connection attaches an in-memory database, which it also writes.
        case inMemory
    }

    /// Opens the pool, retrying while another process holds a lock that SQLite reports without
    /// calling the busy handler: switching a new file to WAL mode (or recovering its WAL) while
    /// another connection opens it fails at once with SQLITE_BUSY. Gives up after the busy timeout.
    static func openPool(path: String, audit: AuditIdentity) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeoutSeconds)
        while true {
            do {
                return try DatabasePool(
                    path: path, configuration: makeConfiguration(audit: audit, fullText: .file(FullTextIndex.path(forStore: path))))
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(10_000)
            }
        }
    }

    /// A short text for an underlying error, for ``StoreError`` messages.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "\(error.resultCode)" + (error.message.map { ": \($0)" } ?? "")
        }
        if let error = error as? StoreError { return error.description }
        return "\(error)"
    }

    /// Runs `body`, turning any GRDB error into ``StoreError/database(operation:path:reason:)``.
    func wrap<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(operation: operation, path: path, reason: Self.reason(error))
        }
    }
}
