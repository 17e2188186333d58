import GRDB
import InquestCore

/// The SQL of one keyset-paginated window over (ts, id), the order of the `event_by_time` index.
///
/// Cursor conditions are written as `ts >= ? AND (ts > ? OR id > ?)` rather than a row-value
/// comparison so that the leading `ts` range is obviously usable by the index.
struct WindowQuery {
    var sql: String
    var arguments: StatementArguments
    /// True when rows come newest first and must be reversed to ascending order.
    var descending: Bool

    init(filter: FilterSQL, anchor: WindowAnchor, limit: Int) {
        let select = "SELECT \(EventSummary.selection) FROM event WHERE \(filter.condition)"
        let ascending = "ORDER BY event.ts, event.id LIMIT ?"
        let newestFirst = "ORDER BY event.ts DESC, event.id DESC LIMIT ?"
        switch anchor {
        case .oldest:
            sql = "\(select) \(ascending)"
            arguments = filter.statementArguments([limit])
            descending = false
        case .newest:
            sql = "\(select) \(newestFirst)"
            arguments = filter.statementArguments([limit])
            descending = true
        case let .atOrAfter(time):
            sql = "\(select) AND event.ts >= ? \(ascending)"
            arguments = filter.statementArguments([time.nanoseconds, limit])
            descending = false
        case let .after(cursor):
            sql = "\(select) AND event.ts >= ? AND (event.ts > ? OR event.id > ?) \(ascending)"
            let ts = cursor.timestamp.nanoseconds
            arguments = filter.statementArguments([ts, ts, cursor.id, limit])
            descending = false
        case let .before(cursor):
            sql = "\(select) AND event.ts <= ? AND (event.ts < ? OR event.id < ?) \(newestFirst)"
            let ts = cursor.timestamp.nanoseconds
            arguments = filter.statementArguments([ts, ts, cursor.id, limit])
            descending = true
        }
    }
}
