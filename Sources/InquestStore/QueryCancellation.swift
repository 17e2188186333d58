import GRDB
import GRDBSQLite
import Synchronization

/// A flag that cuts a running read short: a read given one (``InquestStore/window(_:anchor:limit:cancellation:)``,
/// ``InquestStore/extent(_:cancellation:)``, the histogram and breakdown reads) checks it from
/// SQLite's progress handler every ``checkInterval`` virtual-machine steps, and once it is
/// cancelled the statement stops with `SQLITE_INTERRUPT` and the read throws
/// ``StoreError/interrupted(operation:)``.
///
/// The canvas cancels the load that a newer load of the same kind supersedes (a new filter while
/// a slow `/re/` scan counts a big store), so the newer one runs at once. Only the statement on
/// the connection reading for this token stops: writes and other readers go on (unlike
/// `DatabasePool.interrupt()`, which interrupts every connection of the pool).
public final class QueryCancellation: Sendable {
    /// SQLite virtual-machine steps between two checks of the flag (an atomic load each), so a
    /// cancelled scan stops within a thousand steps.
    static let checkInterval: Int32 = 1_000

    private let state = Atomic<Bool>(false)
    /// How many times a read checked the flag: more than zero once a statement is running.
    private let checkCount = Atomic<Int>(0)

    public init() {}

    /// Asks the read under way (or the next one) to stop.
    public func cancel() {
        state.store(true, ordering: .releasing)
    }

    public var isCancelled: Bool {
        state.load(ordering: .acquiring)
    }

    /// The times SQLite's progress handler checked the flag so far (a read is under way once this
    /// is above zero).
    public var checks: Int {
        checkCount.load(ordering: .relaxed)
    }

    /// The progress handler's question: stop now?
    func shouldStop() -> Bool {
        checkCount.add(1, ordering: .relaxed)
        return isCancelled
    }

    /// Runs `body` on `db` with the progress handler watching this flag; the handler is removed
    /// afterwards, so the pooled connection goes back as it was.
    func watching<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let connection = db.sqliteConnection
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_progress_handler(connection, Self.checkInterval, { context in
            guard let context else { return 0 }
            return Unmanaged<QueryCancellation>.fromOpaque(context).takeUnretainedValue().shouldStop() ? 1 : 0
        }, context)
        defer { sqlite3_progress_handler(connection, 0, nil, nil) }
        // Cancelled before it started: no statement need run at all.
        if isCancelled { throw DatabaseError(resultCode: .SQLITE_INTERRUPT, message: "cancelled before it started") }
        return try withExtendedLifetime(self) { try body() }
    }
}
