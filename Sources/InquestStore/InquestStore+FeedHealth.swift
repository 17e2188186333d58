import GRDB
import InquestCore

extension InquestStore {
    /// Writes (replaces) the health row of one feed. Does not bump the change revision: health
    /// changes every second and must not make canvases reload their timelines.
    ///
    /// With `unlessFresherThan`, a row of another owner updated at or after that time is kept
    /// (a watcher waiting for a lease must not overwrite the live row of the one holding it).
    public func saveFeedHealth(_ health: FeedHealth, unlessFresherThan freshness: Timestamp? = nil) throws {
        try wrap("saving the health of feed \(health.feed)") {
            try writer.write { db in
                if let freshness,
                    let row = try Row.fetchOne(db, sql: "SELECT owner, updated_at FROM feed_health WHERE feed = ?", arguments: [health.feed]),
                    (row["owner"] as String) != health.owner, (row["updated_at"] as Int64) >= freshness.nanoseconds
                {
                    return
                }
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO feed_health (feed, kind, state, owner, last_success, lag, lag_unit,
                          events_per_second, events_total, error_count, dead_letter_count, last_error, circuit, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        health.feed, health.kind, health.state.rawValue, health.owner, health.lastSuccess?.nanoseconds,
                        health.lag, health.lagUnit, health.eventsPerSecond, health.eventsTotal, health.errorCount,
                        health.deadLetterCount, health.lastError, health.circuit, health.updatedAt.nanoseconds,
                    ])
            }
        }
    }

    /// Every feed's health, by feed name.
    public func feedHealth() throws -> [FeedHealth] {
        try wrap("reading feed health") {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM feed_health ORDER BY feed").map { row in
                    let stateText: String = row["state"]
                    guard let state = FeedHealth.State(rawValue: stateText) else {
                        throw StoreError.corruptRow(table: "feed_health", id: 0, column: "state", value: stateText)
                    }
                    return FeedHealth(
                        feed: row["feed"], kind: row["kind"], state: state, owner: row["owner"],
                        lastSuccess: (row["last_success"] as Int64?).map(Timestamp.init(nanoseconds:)),
                        lag: row["lag"], lagUnit: row["lag_unit"], eventsPerSecond: row["events_per_second"],
                        eventsTotal: row["events_total"], errorCount: row["error_count"],
                        deadLetterCount: row["dead_letter_count"], lastError: row["last_error"], circuit: row["circuit"],
                        updatedAt: Timestamp(nanoseconds: row["updated_at"]))
                }
            }
        }
    }
}
