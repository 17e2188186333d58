/// Everything that can go wrong in ``InquestStore``. Each message says what failed, where,
/// and what to do about it.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file (or its directory) could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The schema could not be created or upgraded to the version this build expects.
    case migrationFailed(path: String, reason: String)
    /// A row that the caller named by id does not exist (any more).
    case notFound(what: String, id: Int64)
    /// A value given to the store is outside what it accepts.
    case invalidValue(field: String, value: String, reason: String)
    /// A stored value could not be read back into the domain model (written by another tool or version).
    case corruptRow(table: String, id: Int64, column: String, value: String)
    /// SQLite reported an error while running an operation.
    case database(operation: String, path: String, reason: String)
    /// A feed's batch was refused because this watcher no longer holds the feed's lease.
    case leaseNotHeld(feed: String, holder: String)
    /// A read was cut short by its ``QueryCancellation`` (a newer read superseded it); nothing is wrong.
    case interrupted(operation: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "cannot open the database at \(path): \(reason). Check that the directory is writable "
                + "and the file is a SQLite database, or pass another path with --db / $INQUEST_DB."
        case let .migrationFailed(path, reason):
            "cannot prepare the schema of \(path): \(reason). The file may have been written by a newer "
                + "inquest; upgrade, or point --db at a fresh file."
        case let .notFound(what, id):
            "no \(what) with id \(id); it may have been deleted by another process. Reload and try again."
        case let .invalidValue(field, value, reason):
            "invalid value \(value.debugDescription) for \(field): \(reason)."
        case let .corruptRow(table, id, column, value):
            "\(table) row \(id) has an unreadable \(column) \(value.debugDescription); the database was "
                + "changed outside inquest. Fix or delete that row."
        case let .database(operation, path, reason):
            "\(operation) failed on \(path): \(reason). If the database is busy, retry; if it is corrupt, "
                + "run `sqlite3 \(path) 'PRAGMA integrity_check'`."
        case let .leaseNotHeld(feed, holder):
            "the lease of feed \(feed) is held by \(holder.isEmpty ? "nobody" : holder), not this watcher; "
                + "the batch was not stored. The watcher waits for the lease and resumes from the checkpoint."
        case let .interrupted(operation):
            "\(operation) was cancelled: a newer request replaced it."
        }
    }
}
