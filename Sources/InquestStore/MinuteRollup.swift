import GRDB
import InquestCore

/// The `event_minute` table: event counts per UTC minute and severity.
///
/// Appends add the counts of the rows they inserted (ids are consecutive within one append),
/// in the same transaction, so the rollup agrees with every event written through the store.
/// Coarse unfiltered histograms (the density strip of the canvas's first frame) read it
/// instead of the events. Rows written into `event` by other means (plain SQL) are not
/// counted here, so exact counts still read the events themselves.
enum MinuteRollup {
    static let minuteNanoseconds: Int64 = 60_000_000_000

    /// SQL for the floor of `ts` to its minute (also right for times before 1970).
    static let minuteExpression = "(CASE WHEN ts >= 0 THEN ts / 60000000000 ELSE (ts + 1) / 60000000000 - 1 END)"

    /// Adds what one insertion of `events` stored to the rollup.
    ///
    /// When every event was stored (the usual first ingest), the counts come from the batch's own
    /// times and severities: re-reading the 8,192 rows just written took 5–9 ms a batch, about
    /// 0.6–1 s of the store writer's CPU per million events. When some were duplicates, which
    /// ones were skipped is unknown here, so the stored rows (consecutive ids) are read back.
    static func add(_ db: Database, inserted outcome: EventInsertion.Outcome, of events: EncodedEvents) throws {
        guard let first = outcome.firstID, let last = outcome.lastID else { return }
        guard outcome.duplicates == 0 else {
            try add(db, idsFrom: first, through: last)
            return
        }
        struct Key: Hashable {
            var minute: Int64
            var severity: Int64
        }
        var counts: [Key: Int64] = [:]
        for numbers in events.numbers {
            counts[Key(minute: floorDivide(numbers.timestamp, minuteNanoseconds), severity: numbers.severity), default: 0] += 1
        }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO event_minute (minute, severity, count) VALUES (?, ?, ?)
            ON CONFLICT (minute, severity) DO UPDATE SET count = count + excluded.count
            """)
        for (key, count) in counts {
            try statement.execute(arguments: [key.minute, key.severity, count])
        }
    }

    /// Adds the events with ids in `first...last` to the rollup.
    static func add(_ db: Database, idsFrom first: Int64, through last: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO event_minute (minute, severity, count)
                SELECT \(minuteExpression), severity, count(*) FROM event WHERE id BETWEEN ? AND ? GROUP BY 1, 2
                ON CONFLICT (minute, severity) DO UPDATE SET count = count + excluded.count
                """,
            arguments: [first, last])
    }

    /// Counts per bucket of `width` nanoseconds from `from`, attributing each minute to the
    /// bucket its start falls in. Exact when buckets are whole minutes aligned to minutes;
    /// otherwise each bucket edge is off by less than a minute.
    static func histogram(_ db: Database, from: Timestamp, to: Timestamp, width: Int64, buckets: Int) throws -> [Row] {
        let firstMinute = floorDivide(from.nanoseconds, minuteNanoseconds)
        let lastMinute = floorDivide(to.nanoseconds, minuteNanoseconds)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT CAST((minute * 60000000000 - ?) / ? AS INTEGER) AS bucket,
                       sum(count) AS total,
                       sum(CASE WHEN severity >= \(Severity.error.rawValue) THEN count ELSE 0 END) AS errors
                FROM event_minute WHERE minute BETWEEN ? AND ?
                GROUP BY bucket
                """,
            arguments: [from.nanoseconds, width, firstMinute, lastMinute])
            .map { row in
                // A minute that starts before `from` belongs to the first bucket. (Near the ends of
                // the time range SQLite computes the bucket in floating point; the CAST truncates.)
                let bucket: Int64 = row["bucket"]
                return Row(["bucket": max(0, min(Int64(buckets - 1), bucket)), "total": row["total"] as Int64, "errors": row["errors"] as Int64])
            }
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
