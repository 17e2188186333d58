import GRDB
import InquestCore

/// Event counts per ten-minute bucket (as ``MinuteCounts``), attribute key and value, which
/// breakdowns by an attribute key read for their whole buckets instead of every row (see
/// `InquestStore.groupCounts`). Three tables (migrations `v22-attribute-counts`, `v23-attribute-value-counts`):
/// - `event_attribute_count` (attr_key, minute, value, service_key, severity → count): only
///   values ``AttributeJSONScanner`` reads as exactly what `json_extract` returns (integers,
///   booleans as 1/0, strings without escapes); a null value is not counted; kept while the
///   key has at most ``valueCap`` distinct values in the bucket;
/// - `event_attribute_value_count` (attr_key, minute, value → count, errors): the same values'
///   events alone, for a key past ``valueCap`` (user names, codes) while its distinct values
///   stay under ``valueRowsFloor`` or half its events there (not ids);
/// - `event_attribute_bucket` (minute, attr_key → overflow, events, value_rows): each key seen
///   in a bucket and which of the tables holds it (``BucketState``): neither when it took an
///   uncertain value (a fraction, an escaped string, an object or array), repeated in one
///   event, or took too many values. The key `x''` (no text equals it) with `overflow` 1
///   stands for every key: the bucket held an attribute text the scanner could not read, more
///   than ``keyCap`` keys, a batch with duplicates (which events were stored is unknown
///   there), a deleted or updated event (triggers), or events stored before the migration.
///
/// A breakdown by a key reads a bucket's counts only when neither the key, nor its first dotted
/// segment (`http` of `http.method`, which `json_extract` follows as a nested path), nor `x''`
/// is marked as not kept; other buckets read their rows. Events lacking the key (the "missing"
/// row) are the bucket's total from `event_minute_count` less the key's counts; so the counts
/// are exactly the row scan's. The batch's counts are grouped off the writer
/// (``AttributeCountBatch``); the writer merges them (`AttributeCounts+Writing.swift`).
enum AttributeCounts {
    /// Distinct values of one key in one bucket above which its counts are not kept there.
    static let valueCap = 64
    /// Distinct keys in one bucket above which no key's counts are kept there.
    static let keyCap = 256
    /// Past ``valueCap``, a key's events per value alone (``valueTable``) are kept in a bucket
    /// while its distinct values there are at most this many, or at most its events there
    /// divided by ``eventsPerValueRow``: a row stands for two events or more on average, and a
    /// key with a new value on every event (an id) writes at most this many rows in a bucket
    /// before they are dropped (see ``BucketState/tooManyValues``).
    static let valueRowsFloor: Int64 = 4_096
    static let eventsPerValueRow: Int64 = 2

    /// What `event_attribute_bucket.overflow` says of a key in a bucket.
    enum BucketState: Int64 {
        /// Its events per value, service and severity are in ``countTable``.
        case counted = 0
        /// Nothing is kept (an uncertain value, a repeated key; for the key `x''`: every key).
        case notKept = 1
        /// Its events and errors per value are in ``valueTable`` (more than ``valueCap`` values);
        /// the bucket row's `events` and `value_rows` say how many events and values.
        case valuesOnly = 2
        /// Nothing is kept: more distinct values than ``valueRowsFloor`` and half its events.
        case tooManyValues = 3
    }

    static let valueTable = "event_attribute_value_count"

    /// Migration `v23-attribute-value-counts`: the per-value table, and the bucket rows' counts
    /// of a key's events and distinct values while it is ``BucketState/valuesOnly``.
    static let createValueSQL = """
        CREATE TABLE \(valueTable) (
          attr_key TEXT NOT NULL,
          minute INTEGER NOT NULL,
          value NOT NULL,
          count INTEGER NOT NULL,
          errors INTEGER NOT NULL,
          PRIMARY KEY (attr_key, minute, value)
        ) WITHOUT ROWID;
        ALTER TABLE \(bucketTable) ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE \(bucketTable) ADD COLUMN value_rows INTEGER NOT NULL DEFAULT 0;
        """

    static let countTable = "event_attribute_count"
    static let bucketTable = "event_attribute_bucket"

    /// A value as the count table stores it.
    enum StoredValue: Sendable, Hashable {
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
}
