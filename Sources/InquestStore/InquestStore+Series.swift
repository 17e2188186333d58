import Foundation
import GRDB
import InquestCore

extension InquestStore {
    /// Every stored series with its sample count, time extent and value extent, by name then labels.
    /// With `range`, only series with samples in it, counted over it (`lowerBound <= ts < upperBound`);
    /// with `name`, only the series of that exact name. Without `range` each series' extent is read
    /// from its own row (kept by ``insertSamples(_:_:)``), not from its samples.
    public func seriesList(range: Range<Timestamp>? = nil, name: String? = nil) throws -> [MetricSeriesInfo] {
        try wrap("listing metric series") {
            try writer.read { db in
                let nameCondition = name == nil ? "" : "WHERE s.name = ?"
                guard let range else {
                    return try Row.fetchAll(db, sql: """
                        SELECT \(Self.storedExtent) FROM metric_series s \(nameCondition) ORDER BY s.name, s.labels
                        """, arguments: name.map { [$0] } ?? []).map(Self.seriesInfo)
                }
                var arguments: StatementArguments = [range.lowerBound.nanoseconds, range.upperBound.nanoseconds]
                if let name { arguments += [name] }
                return try Row.fetchAll(db, sql: """
                    SELECT s.id, s.name, s.labels, count(m.ts) AS samples, min(m.ts) AS first, max(m.ts) AS last,
                           min(m.value) AS minimum, max(m.value) AS maximum
                    FROM metric_series s JOIN metric_sample m ON m.series_id = s.id AND m.ts >= ? AND m.ts < ?
                    \(nameCondition)
                    GROUP BY s.id ORDER BY s.name, s.labels
                    """, arguments: arguments).map(Self.seriesInfo)
            }
        }
    }

    /// The series with id `id` and its extent, or nil when there is none.
    public func series(id: Int64) throws -> MetricSeriesInfo? {
        try wrap("reading series \(id)") {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT \(Self.storedExtent) FROM metric_series s WHERE s.id = ?", arguments: [id])
                    .map(Self.seriesInfo)
            }
        }
    }

    /// A series row's columns under the names ``seriesInfo(_:)`` reads.
    private static let storedExtent = """
        s.id, s.name, s.labels, s.sample_count AS samples, s.first_ts AS first, s.last_ts AS last,
        s.min_value AS minimum, s.max_value AS maximum
        """

    private static func seriesInfo(_ row: Row) -> MetricSeriesInfo {
        MetricSeriesInfo(
            id: row["id"], name: row["name"], labels: decodeLabels(row["labels"]),
            sampleCount: row["samples"],
            first: (row["first"] as Int64?).map(Timestamp.init(nanoseconds:)),
            last: (row["last"] as Int64?).map(Timestamp.init(nanoseconds:)),
            minimum: row["minimum"], maximum: row["maximum"])
    }

    /// The id of the series `name` with exactly `labels`, or nil when it was never stored.
    public func seriesID(name: String, labels: [String: String] = [:]) throws -> Int64? {
        try wrap("looking up series \(name)") {
            try writer.read { db in
                try Int64.fetchOne(
                    db, sql: "SELECT id FROM metric_series WHERE name = ? AND labels = ?",
                    arguments: [name, MetricPoint.labelsJSON(labels)])
            }
        }
    }

    /// The samples of series `series` (an id from ``seriesList()``) with `range.lowerBound <= ts < range.upperBound`, in time order.
    public func samples(series: Int64, range: Range<Timestamp>) throws -> [StoredSample] {
        try wrap("reading samples of series \(series)") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT ts, value FROM metric_sample WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts",
                    arguments: [series, range.lowerBound.nanoseconds, range.upperBound.nanoseconds]
                ).map { StoredSample(timestamp: Timestamp(nanoseconds: $0["ts"]), value: ($0["value"] as Double?) ?? .nan) }
            }
        }
    }

    /// The total number of stored samples over all series.
    public func sampleCount() throws -> Int {
        try wrap("counting samples") {
            try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM metric_sample") ?? 0 }
        }
    }

    /// Stores `points` (series created on first sight) and adds the new samples to their series'
    /// extent (``MetricSeriesExtent``); returns how many were new.
    static func insertSamples(_ points: [MetricPoint], _ db: Database) throws -> Int {
        guard !points.isEmpty else { return 0 }
        var seriesIDs: [String: Int64] = [:]
        var extents: [Int64: MetricSeriesExtent] = [:]
        let findSeries = try db.cachedStatement(sql: "SELECT id FROM metric_series WHERE name = ? AND labels = ?")
        let createSeries = try db.cachedStatement(sql: "INSERT INTO metric_series (name, labels) VALUES (?, ?)")
        let insertSample = try db.cachedStatement(sql: "INSERT OR IGNORE INTO metric_sample (series_id, ts, value) VALUES (?, ?, ?)")
        var inserted = 0
        for point in points {
            let labels = MetricPoint.labelsJSON(point.labels)
            let key = point.name + "\u{0}" + labels
            let seriesID: Int64
            if let known = seriesIDs[key] {
                seriesID = known
            } else if let stored = try Int64.fetchOne(findSeries, arguments: [point.name, labels]) {
                seriesID = stored
            } else {
                try createSeries.execute(arguments: [point.name, labels])
                seriesID = db.lastInsertedRowID
            }
            seriesIDs[key] = seriesID
            try insertSample.execute(arguments: [seriesID, point.timestamp.nanoseconds, point.value.isNaN ? nil : point.value])
            guard db.changesCount > 0 else { continue }
            inserted += db.changesCount
            extents[seriesID, default: MetricSeriesExtent()].add(time: point.timestamp.nanoseconds, value: point.value)
        }
        let widen = try db.cachedStatement(sql: MetricSeriesExtent.widenSQL)
        for (seriesID, extent) in extents.sorted(by: { $0.key < $1.key }) {
            try widen.execute(arguments: extent.arguments(series: seriesID))
        }
        return inserted
    }

    static func decodeLabels(_ text: String) -> [String: String] {
        guard text != "{}" else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
