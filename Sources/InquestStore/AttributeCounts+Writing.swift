import GRDB
import InquestCore

/// The writer's side of ``AttributeCounts``: it merges a batch's pre-grouped counts
/// (``AttributeCountBatch``, grouped where the batch was flattened) into the tables, one upsert
/// per group, keeping the caps across batches.
extension AttributeCounts {
    /// Adds what one insertion of `events` stored, in its transaction.
    static func add(_ db: Database, inserted outcome: EventInsertion.Outcome, of events: EncodedEvents) throws {
        guard outcome.firstID != nil else { return }
        guard outcome.duplicates == 0 else {
            for minute in Set(events.numbers.map { MinuteCounts.bucketMinute(of: $0.timestamp) }) { try markEveryKey(db, minute) }
            return
        }
        for bucket in events.attributeCounts.buckets { try add(bucket, db) }
    }

    /// A key's row in `event_attribute_bucket`.
    private struct Stored {
        /// Nil for a mark this version does not know (read as not kept).
        var state: BucketState?
        var events: Int64
        var values: Int64
    }

    /// Adds the batch's counts of one bucket.
    private static func add(_ bucket: AttributeCountBatch.Bucket, _ db: Database) throws {
        let minute = bucket.minute
        var known: [String: Stored] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT attr_key, overflow, events, value_rows FROM \(bucketTable) WHERE minute = ?", arguments: [minute])
        while let row = try rows.next() {
            let key: DatabaseValue = row[0]
            // x'' (every key), marked: nothing is kept in this bucket any more.
            guard case .string(let name) = key.storage else { return }
            known[name] = Stored(state: BucketState(rawValue: row[1]), events: row[2], values: row[3])
        }
        guard !bucket.unreadable else { return try markEveryKey(db, minute) }
        let newKeys = bucket.keys.filter { known[$0.name] == nil }.count
        guard known.count + newKeys <= keyCap else { return try markEveryKey(db, minute) }
        for key in bucket.keys {
            let stored = known[key.name]
            if let stored, stored.state != .counted, stored.state != .valuesOnly { continue }
            if key.uncertain {
                try drop(key.name, minute, as: .notKept, db)
                continue
            }
            if stored == nil { try settle(key.name, before: minute, db) }
            if stored?.state != .valuesOnly {
                guard let counted = try storedCountedValues(key.name, minute, stored: stored, db) else {
                    try drop(key.name, minute, as: .notKept, db)
                    continue
                }
                if let groups = key.groups, counted.union(key.values.map(\.value)).count <= valueCap {
                    try addCounted(key.name, minute, groups, isNew: stored == nil, db)
                    continue
                }
            }
            let before = stored?.state == .valuesOnly ? stored : try moveToValues(key.name, minute, wasCounted: stored != nil, db)
            try addValues(key, minute, before: before ?? Stored(state: .valuesOnly, events: 0, values: 0), db)
        }
    }

    /// The distinct values a counted key holds in the bucket (none for a new key), or nil when
    /// one was written by other means than this type (neither an integer nor a text).
    private static func storedCountedValues(_ name: String, _ minute: Int64, stored: Stored?, _ db: Database) throws -> Set<StoredValue>? {
        guard stored != nil else { return [] }
        var values: Set<StoredValue> = []
        let cursor = try DatabaseValue.fetchCursor(
            db, sql: "SELECT DISTINCT value FROM \(countTable) WHERE attr_key = ? AND minute = ?", arguments: [name, minute])
        while let value = try cursor.next() {
            guard let known = StoredValue(value) else { return nil }
            values.insert(known)
        }
        return values
    }

    /// Upserts a key's events per value, service and severity (it stays ``BucketState/counted``).
    private static func addCounted(_ name: String, _ minute: Int64, _ groups: [AttributeCountBatch.Group], isNew: Bool, _ db: Database) throws {
        if isNew {
            try db.execute(sql: "INSERT INTO \(bucketTable) (minute, attr_key, overflow) VALUES (?, ?, 0)", arguments: [minute, name])
        }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO \(countTable) (attr_key, minute, value, service_key, severity, count) VALUES (?, ?, ?, ifnull(?, x''), ?, ?)
            ON CONFLICT DO UPDATE SET count = count + excluded.count
            """)
        for group in groups {
            try upsert.execute(arguments: [name, minute, group.value.databaseValue, group.service, group.severity, group.events])
        }
    }

    /// Moves a key past ``valueCap`` to ``BucketState/valuesOnly``: its counted events (if any)
    /// summed per value into ``valueTable``; returns its events and values there.
    private static func moveToValues(_ name: String, _ minute: Int64, wasCounted: Bool, _ db: Database) throws -> Stored {
        var moved = Stored(state: .valuesOnly, events: 0, values: 0)
        if wasCounted {
            try db.execute(
                sql: """
                    INSERT INTO \(valueTable) (attr_key, minute, value, count, errors)
                    SELECT attr_key, minute, value, sum(count), sum(CASE WHEN severity >= \(Severity.error.rawValue) THEN count ELSE 0 END)
                    FROM \(countTable) WHERE attr_key = ? AND minute = ? GROUP BY value
                    """,
                arguments: [name, minute])
            try db.execute(sql: "DELETE FROM \(countTable) WHERE attr_key = ? AND minute = ?", arguments: [name, minute])
            if let row = try Row.fetchOne(
                db, sql: "SELECT count(*), ifnull(sum(count), 0) FROM \(valueTable) WHERE attr_key = ? AND minute = ?", arguments: [name, minute]) {
                moved.values = row[0]
                moved.events = row[1]
            }
        }
        try setState(name, minute, moved, db)
        return moved
    }

    /// The most distinct values a key with `events` events may keep in ``valueTable``.
    static func valueRowLimit(events: Int64) -> Int64 {
        max(valueRowsFloor, events / eventsPerValueRow)
    }

    /// Upserts a ``BucketState/valuesOnly`` key's events and errors per value, or drops them
    /// when its distinct values pass ``valueRowLimit(events:)``.
    private static func addValues(_ key: AttributeCountBatch.Key, _ minute: Int64, before: Stored, _ db: Database) throws {
        let events = before.events + key.events
        let limit = valueRowLimit(events: events)
        // The batch alone holds too many: nothing to write (an id drops here on its first large batch).
        guard Int64(key.values.count) <= limit else { return try drop(key.name, minute, as: .tooManyValues, db) }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO \(valueTable) (attr_key, minute, value, count, errors) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET count = count + excluded.count, errors = errors + excluded.errors
            """)
        for value in key.values {
            try upsert.execute(arguments: [key.name, minute, value.value.databaseValue, value.events, value.errors])
        }
        let values = try Int64.fetchOne(
            db, sql: "SELECT count(*) FROM \(valueTable) WHERE attr_key = ? AND minute = ?", arguments: [key.name, minute]) ?? 0
        guard values <= limit else { return try drop(key.name, minute, as: .tooManyValues, db) }
        try setState(key.name, minute, Stored(state: .valuesOnly, events: events, values: values), db)
    }

    /// When a key first appears in a bucket, the bucket before it (usually done with) keeps its
    /// per-value counts only if they stand for two events a row on average: an id in sparse
    /// buckets (under ``valueRowsFloor`` events each) leaves no rows behind it.
    private static func settle(_ name: String, before minute: Int64, _ db: Database) throws {
        let previous = minute - MinuteCounts.bucketMinutes
        guard let row = try Row.fetchOne(
            db, sql: "SELECT overflow, events, value_rows FROM \(bucketTable) WHERE minute = ? AND attr_key = ?", arguments: [previous, name])
        else { return }
        let state: Int64 = row[0]
        let events: Int64 = row[1]
        let values: Int64 = row[2]
        if state == BucketState.valuesOnly.rawValue, values * eventsPerValueRow > events {
            try drop(name, previous, as: .tooManyValues, db)
        }
    }

    private static func setState(_ name: String, _ minute: Int64, _ stored: Stored, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO \(bucketTable) (minute, attr_key, overflow, events, value_rows) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET overflow = excluded.overflow, events = excluded.events, value_rows = excluded.value_rows
                """,
            arguments: [minute, name, (stored.state ?? .notKept).rawValue, stored.events, stored.values])
    }

    /// Drops a key's counts in the bucket and marks it `state` (not kept).
    private static func drop(_ name: String, _ minute: Int64, as state: BucketState, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM \(countTable) WHERE attr_key = ? AND minute = ?", arguments: [name, minute])
        try db.execute(sql: "DELETE FROM \(valueTable) WHERE attr_key = ? AND minute = ?", arguments: [name, minute])
        try setState(name, minute, Stored(state: state, events: 0, values: 0), db)
    }

    /// Marks every key of the bucket as not kept.
    private static func markEveryKey(_ db: Database, _ minute: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO \(bucketTable) (minute, attr_key, overflow) VALUES (?, x'', 1)
                ON CONFLICT DO UPDATE SET overflow = 1
                """,
            arguments: [minute])
    }
}
