import GRDB
import InquestCore

/// Event counts per ten-minute bucket (as ``MinuteCounts``), service, severity, attribute key
/// and value, which breakdowns by an attribute key read for their whole buckets instead of
/// every row (see `InquestStore.groupCounts`). Two tables (migration `v22-attribute-counts`):
/// - `event_attribute_count` (attr_key, minute, value, service_key, severity → count): only
///   values ``AttributeJSONScanner`` reads as exactly what `json_extract` returns (integers,
///   booleans as 1/0, strings without escapes); a null value is not counted;
/// - `event_attribute_bucket` (minute, attr_key → overflow): each key seen in a bucket, with
///   `overflow` 1 when its counts there are not kept: more than ``valueCap`` distinct values
///   (the cardinality cap: ids, latencies), an uncertain value (a fraction, an escaped string,
///   an object or array) or a key repeated in one event. The key `x''` (no text equals it)
///   with `overflow` 1 stands for every key: the bucket held an attribute text the scanner
///   could not read, more than ``keyCap`` keys, a batch with duplicates (which events were
///   stored is unknown there), a deleted or updated event (triggers), or events stored
///   before the migration.
///
/// A breakdown by a key reads a bucket's counts only when neither the key, nor its first dotted
/// segment (`http` of `http.method`, which `json_extract` follows as a nested path), nor `x''`
/// is marked; other buckets read their rows. Events lacking the key (the "missing" row) are the
/// bucket's total from `event_minute_count` less the key's counts; so the counts are exactly
/// the row scan's.
enum AttributeCounts {
    /// Distinct values of one key in one bucket above which its counts are not kept there.
    static let valueCap = 64
    /// Distinct keys in one bucket above which no key's counts are kept there.
    static let keyCap = 256

    static let countTable = "event_attribute_count"
    static let bucketTable = "event_attribute_bucket"

    /// A value as the count table stores it.
    enum StoredValue: Hashable {
        case integer(Int64)
        case text(String)

        var databaseValue: DatabaseValue {
            switch self {
            case .integer(let number): number.databaseValue
            case .text(let text): text.databaseValue
            }
        }

        init?(_ value: DatabaseValue) {
            switch value.storage {
            case .int64(let number): self = .integer(number)
            case .string(let text): self = .text(text)
            default: return nil
            }
        }
    }

    /// The tables and the triggers that mark a bucket when an event in it is deleted or moved.
    static let createSQL = """
        CREATE TABLE \(countTable) (
          attr_key TEXT NOT NULL,
          minute INTEGER NOT NULL,
          value NOT NULL,
          service_key TEXT NOT NULL,
          severity INTEGER NOT NULL,
          count INTEGER NOT NULL,
          service TEXT GENERATED ALWAYS AS (nullif(service_key, x'')) VIRTUAL,
          PRIMARY KEY (attr_key, minute, value, service_key, severity)
        ) WITHOUT ROWID;
        CREATE TABLE \(bucketTable) (
          minute INTEGER NOT NULL,
          attr_key TEXT NOT NULL,
          overflow INTEGER NOT NULL,
          PRIMARY KEY (minute, attr_key)
        ) WITHOUT ROWID;
        CREATE TRIGGER \(bucketTable)_after_delete AFTER DELETE ON event BEGIN
          \(markEveryKeySQL(of: "old.ts"));
        END;
        CREATE TRIGGER \(bucketTable)_after_update AFTER UPDATE OF ts, service, severity, attributes ON event BEGIN
          \(markEveryKeySQL(of: "old.ts"));
          \(markEveryKeySQL(of: "new.ts"));
        END;
        """

    /// Marks every key of the bucket of the time `ts` (SQL) as not kept.
    private static func markEveryKeySQL(of ts: String) -> String {
        """
        INSERT INTO \(bucketTable) (minute, attr_key, overflow) VALUES (\(MinuteCounts.bucketExpression(of: ts)), x'', 1)
          ON CONFLICT DO UPDATE SET overflow = 1
        """
    }

    /// Marks every bucket holding stored events (the migration: their attributes are not counted).
    /// Read from the events themselves (along the time index), not from `event_minute_count`,
    /// which lacks events written by plain SQL.
    static let markStoredBucketsSQL = """
        INSERT INTO \(bucketTable) (minute, attr_key, overflow)
        SELECT DISTINCT \(MinuteCounts.bucketExpression(of: "ts")), x'', 1 FROM event WHERE true
        ON CONFLICT DO UPDATE SET overflow = 1
        """

    /// Adds what one insertion of `events` stored, in its transaction.
    static func add(_ db: Database, inserted outcome: EventInsertion.Outcome, of events: EncodedEvents) throws {
        guard outcome.firstID != nil else { return }
        guard outcome.duplicates == 0 else {
            for minute in Set(events.numbers.map { MinuteCounts.bucketMinute(of: $0.timestamp) }) { try markEveryKey(db, minute) }
            return
        }
        let grouped = AttributeCountGroups.grouping(events)
        for minute in grouped.minutes { try add(grouped, in: minute, db) }
    }

    /// Adds the batch's counts of one bucket, keeping the caps across batches.
    private static func add(_ grouped: AttributeCountGroups, in minute: Int64, _ db: Database) throws {
        var known: [String: Bool] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT attr_key, overflow FROM \(bucketTable) WHERE minute = ?", arguments: [minute])
        while let row = try rows.next() {
            let key: DatabaseValue = row[0]
            // x'' (every key), marked: nothing is kept in this bucket any more.
            guard case .string(let name) = key.storage else { return }
            known[name] = (row[1] as Int64) != 0
        }
        guard !grouped.unreadable.contains(minute) else { return try markEveryKey(db, minute) }
        let keys = grouped.keys(in: minute)
        let newKeys = keys.filter { known[grouped.keyName($0)] == nil }.count
        guard known.count + newKeys <= keyCap else { return try markEveryKey(db, minute) }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO \(countTable) (attr_key, minute, value, service_key, severity, count) VALUES (?, ?, ?, ifnull(?, x''), ?, ?)
            ON CONFLICT DO UPDATE SET count = count + excluded.count
            """)
        for key in keys {
            let name = grouped.keyName(key)
            let bucketKey = AttributeCountGroups.BucketKey(minute: minute, key: key)
            if known[name] == true { continue }
            var values = Set((grouped.valuesOf[bucketKey] ?? []).map(grouped.stored))
            var readable = true
            if known[name] == false {
                let stored = try DatabaseValue.fetchCursor(
                    db, sql: "SELECT DISTINCT value FROM \(countTable) WHERE attr_key = ? AND minute = ?", arguments: [name, minute])
                while let value = try stored.next() {
                    // Only integers and texts are written; anything else was written by other means.
                    guard let known = StoredValue(value) else {
                        readable = false
                        break
                    }
                    values.insert(known)
                }
            }
            if !readable || grouped.uncertain.contains(bucketKey) || values.count > valueCap {
                try db.execute(sql: "DELETE FROM \(countTable) WHERE attr_key = ? AND minute = ?", arguments: [name, minute])
                try mark(db, minute, key: name.databaseValue)
                continue
            }
            if known[name] == nil {
                try db.execute(sql: "INSERT INTO \(bucketTable) (minute, attr_key, overflow) VALUES (?, ?, 0)", arguments: [minute, name])
            }
            for index in grouped.groupsOf[bucketKey] ?? [] {
                let group = grouped.groups[index]
                try upsert.execute(arguments: [
                    name, minute, grouped.stored(group.value).databaseValue, grouped.serviceName(group.service), group.severity,
                    grouped.counts[index],
                ])
            }
        }
    }

    private static func markEveryKey(_ db: Database, _ minute: Int64) throws {
        try mark(db, minute, key: nil)
    }

    /// Marks `key` (nil: every key) in the bucket as not kept.
    private static func mark(_ db: Database, _ minute: Int64, key: DatabaseValue?) throws {
        let keySQL = key == nil ? "x''" : "?"
        try db.execute(
            sql: """
                INSERT INTO \(bucketTable) (minute, attr_key, overflow) VALUES (?, \(keySQL), 1)
                ON CONFLICT DO UPDATE SET overflow = 1
                """,
            arguments: StatementArguments([minute.databaseValue] + (key.map { [$0] } ?? [])))
    }
}
