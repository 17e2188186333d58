import Foundation
import GRDB

/// The full-text index of event messages, attributes and services, kept in its own SQLite file beside the
/// store (`inquest.db-fts` next to `inquest.db`) and written by its own connection.
///
/// Why a second file: SQLite allows one writer per file. With the index inside the store,
/// indexing held the store's write lock, so a watcher's appends waited behind it and an ingest
/// had to index after storing. In its own file the index is written in parallel with appends,
/// on the second core, while the store stays browsable.
///
/// The index is derived data. It is a contentless FTS5 table (it keeps tokens, not text; every
/// query joins it to `event` by rowid) plus the id of the last event indexed. A missing file is
/// created and filled again from the store; a file that belongs to another store (its store id
/// differs) or is ahead of it (the store was restored from a backup) is emptied and refilled.
/// There are no migrations: a schema change bumps ``version`` and the index is rebuilt.
///
/// FTS5's `automerge` is off: each indexing transaction adds a segment and `crisismerge`
/// (16 segments per level) bounds their number. Indexing 1M bench events in 5,000-row
/// transactions took 3.7 s instead of 6.5 s with the default automerge of 4, and text queries
/// measured the same.
///
/// Store connections that read (a pool's readers; the single connection of an in-memory store)
/// attach the index as `fts`, so a filter reads `fts.event_fts`. The store's writer never attaches
/// it: a write transaction locks every attached file, and the two writers must not wait on each other.
final class FullTextIndex: Sendable {
    /// The schema version of the index file; a file with another version is rebuilt.
    /// Version 2 added the `service` column (``FullTextServiceToken``), which only narrows
    /// `service:` terms that come with text or attribute terms (free text searches
    /// `{message attributes}`).
    static let version = 2
    /// Events indexed per write transaction: about 25 ms of work, so another process's
    /// indexing (a canvas running a text filter) or a shutdown never waits long.
    static let batchSize: Int64 = 5_000
    /// The schema name under which store readers see the index.
    static let attachedSchema = "fts"

    /// The connection that writes the index: its own queue on the index file, or the in-memory
    /// store's only connection.
    private let writer: any DatabaseWriter
    /// Where the index tables are, as seen from `writer`.
    private let indexSchema: String
    /// Where the `event` table is, as seen from `writer`.
    private let eventSchema: String
    /// The index file (`:memory:` for an in-memory store), for messages.
    let path: String

    private init(writer: any DatabaseWriter, indexSchema: String, eventSchema: String, path: String) {
        self.writer = writer
        self.indexSchema = indexSchema
        self.eventSchema = eventSchema
        self.path = path
    }

    /// The index file of the store at `storePath`.
    static func path(forStore storePath: String) -> String { storePath + "-fts" }

    /// Opens the index file of the store at `storePath` (created beforehand with
    /// ``InquestStore/prepareFile(at:)``, so that store readers can attach it), creating its
    /// tables if needed, with the store attached as `events`.
    ///
    /// The tables are created on a connection without the store attached: a write transaction
    /// started with BEGIN IMMEDIATE locks every attached file, and this must never wait for (or
    /// hold up) the store's writer. The indexing connection starts its transactions with a write
    /// to the index instead (see ``index(maxRows:through:)``).
    static func open(storePath: String) throws -> FullTextIndex {
        let path = path(forStore: storePath)
        let setUp = try openQueue(path: path, attaching: nil)
        try createSchema(setUp, schema: "main")
        let queue = try openQueue(path: path, attaching: storePath)
        return FullTextIndex(writer: queue, indexSchema: "main", eventSchema: "events", path: path)
    }

    /// A queue on the index file in WAL mode, with the store attached as `events` when given.
    private static func openQueue(path: String, attaching storePath: String?) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(InquestStore.busyTimeoutSeconds)
        configuration.label = "inquest.fts"
        configuration.prepareDatabase { db in
            try db.execute(sql: """
                PRAGMA page_size = 8192;
                PRAGMA synchronous = NORMAL;
                PRAGMA cache_size = -8192;
                PRAGMA mmap_size = 0;
                """)
            if let storePath {
                try db.execute(sql: "ATTACH DATABASE ? AS events", arguments: [storePath])
            }
        }
        let deadline = Date().addingTimeInterval(InquestStore.busyTimeoutSeconds)
        while true {
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                // Switching a new file to WAL fails at once (no busy handler) while another
                // process does the same; the loop retries.
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA main.journal_mode = WAL") }
                return queue
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(10_000)
            }
        }
    }

    /// The index as a read-only store's only connection sees it (attached as ``attachedSchema``,
    /// or absent): it is read, never written.
    static func readOnly(sharing queue: DatabaseQueue, path: String) -> FullTextIndex {
        FullTextIndex(writer: queue, indexSchema: attachedSchema, eventSchema: "main", path: path)
    }

    /// The index of an in-memory store: `queue` (the store's only connection) has attached an
    /// in-memory database as ``attachedSchema``.
    static func inMemory(sharing queue: DatabaseQueue) throws -> FullTextIndex {
        try createSchema(queue, schema: attachedSchema)
        return FullTextIndex(writer: queue, indexSchema: attachedSchema, eventSchema: "main", path: ":memory:")
    }

    /// Creates the tables unless present, and starts over when the file has another version.
    private static func createSchema(_ writer: any DatabaseWriter, schema: String) throws {
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let version = try Int.fetchOne(db, sql: "PRAGMA \(schema).user_version") ?? 0
                if version != Self.version {
                    try db.execute(sql: """
                        DROP TABLE IF EXISTS \(schema).event_fts;
                        DROP TABLE IF EXISTS \(schema).fts_state;
                        """)
                }
                try db.execute(sql: """
                    CREATE VIRTUAL TABLE IF NOT EXISTS \(schema).event_fts USING fts5(
                      message, attributes, service, content='', tokenize='unicode61', columnsize=0);
                    CREATE TABLE IF NOT EXISTS \(schema).fts_state (
                      id INTEGER PRIMARY KEY CHECK (id = 1),
                      store_id TEXT NOT NULL,
                      last_indexed_id INTEGER NOT NULL
                    );
                    INSERT OR IGNORE INTO \(schema).fts_state (id, store_id, last_indexed_id) VALUES (1, '', 0);
                    PRAGMA \(schema).user_version = \(Self.version);
                    """)
                if version != Self.version {
                    try db.execute(sql: "INSERT INTO \(schema).event_fts (event_fts, rank) VALUES ('automerge', 0)")
                }
                return .commit
            }
        }
    }

    /// Empties the index when it does not describe the store identified by `storeID` as it is
    /// now: another store's index, or one ahead of the store (restored from an older copy).
    ///
    /// Every store open calls this, so the usual case (the index matches) is a read only; the
    /// write transaction, which re-checks under the index's lock, runs only on a mismatch.
    func reconcile(storeID: String) throws {
        let (schema, events) = (indexSchema, eventSchema)
        func mismatched(_ db: Database) throws -> Bool {
            let state = try Row.fetchOne(db, sql: "SELECT store_id, last_indexed_id FROM \(schema).fts_state WHERE id = 1")
            let indexedStore: String = state?["store_id"] ?? ""
            let last: Int64 = state?["last_indexed_id"] ?? 0
            let newest = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(events).event") ?? 0
            return indexedStore != storeID || last > newest
        }
        guard try writer.read(mismatched) else { return }
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.deferred) {
                // A write first, to the index only (see ``index(maxRows:through:)``).
                try db.execute(sql: "UPDATE \(schema).fts_state SET last_indexed_id = last_indexed_id WHERE id = 1")
                if try mismatched(db) {
                    try db.execute(sql: "INSERT INTO \(schema).event_fts (event_fts) VALUES ('delete-all')")
                    try db.execute(
                        sql: "UPDATE \(schema).fts_state SET store_id = ?, last_indexed_id = 0 WHERE id = 1",
                        arguments: [storeID])
                }
                return .commit
            }
        }
    }

    /// Indexes events not yet indexed, ``batchSize`` per transaction, up to `maxRows`; returns
    /// how many it indexed.
    ///
    /// Several processes may call it at once: each transaction takes the index's write lock with
    /// its first statement, then reads where the index stands, so no event is indexed twice.
    /// It never takes the store's write lock.
    /// With `through`, stops once every event up to that id is indexed, so a caller that only
    /// needs what it can already see does not chase a concurrent ingest.
    func index(maxRows: Int = .max, through newest: Int64 = .max) throws -> Int {
        let (schema, events) = (indexSchema, eventSchema)
        var indexed = 0
        while indexed < maxRows {
            let budget = Int64(min(maxRows - indexed, Int(Self.batchSize)))
            let count = try writer.writeWithoutTransaction { db -> Int in
                var rows = 0
                try db.inTransaction(.deferred) {
                    // A write first: the index's lock is taken (waiting for it if need be) before
                    // anything is read, so the rows read next are this transaction's to index.
                    try db.execute(sql: "UPDATE \(schema).fts_state SET last_indexed_id = last_indexed_id WHERE id = 1")
                    let last = try Int64.fetchOne(db, sql: "SELECT last_indexed_id FROM \(schema).fts_state WHERE id = 1") ?? 0
                    let range = try Row.fetchOne(
                        db,
                        sql: "SELECT count(*) AS n, max(id) AS upper FROM (SELECT id FROM \(events).event WHERE id > ? AND id <= ? ORDER BY id LIMIT ?)",
                        arguments: [last, newest, budget])
                    guard let range, let upper = range["upper"] as Int64?, let found = range["n"] as Int?, found > 0 else {
                        return .commit
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO \(schema).event_fts (rowid, message, attributes, service)
                            SELECT id, message, attributes, \(FullTextServiceToken.indexedExpression)
                            FROM \(events).event WHERE id > ? AND id <= ?
                            """,
                        arguments: [last, upper])
                    try db.execute(sql: "UPDATE \(schema).fts_state SET last_indexed_id = ? WHERE id = 1", arguments: [upper])
                    rows = found
                    return .commit
                }
                return rows
            }
            if count == 0 { break }
            indexed += count
        }
        return indexed
    }

    /// The id of the last event indexed.
    func lastIndexedID() throws -> Int64 {
        let schema = indexSchema
        return try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT last_indexed_id FROM \(schema).fts_state WHERE id = 1") ?? 0
        }
    }
}
