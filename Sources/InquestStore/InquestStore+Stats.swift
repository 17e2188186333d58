import GRDB
import InquestCore

extension InquestStore {
    /// Totals over the whole store: by source kind, by severity, the `topServices` busiest
    /// services, time range, dead letters and the full-text backlog. Scans the table once per
    /// grouping; meant for `inquest stats` and the status line, not for every frame.
    public func stats(topServices: Int = 10) throws -> StoreStats {
        try wrap("computing statistics") {
            try writer.read { db in
                var bySourceKind: [SourceKind: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT source_kind, count(*) AS n FROM event GROUP BY source_kind") {
                    if let kind = SourceKind(rawValue: row["source_kind"]) { bySourceKind[kind] = row["n"] }
                }
                var bySeverity: [Severity: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT severity, count(*) AS n FROM event GROUP BY severity") {
                    if let severity = Severity(rawValue: row["severity"]) { bySeverity[severity] = row["n"] }
                }
                let services = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT service, count(*) AS n FROM event WHERE service IS NOT NULL
                        GROUP BY service ORDER BY n DESC, service LIMIT ?
                        """,
                    arguments: [max(0, topServices)]
                ).map { ServiceCount(service: $0["service"], count: $0["n"]) }
                let first = try Int64.fetchOne(db, sql: "SELECT ts FROM event ORDER BY ts LIMIT 1")
                let last = try Int64.fetchOne(db, sql: "SELECT ts FROM event ORDER BY ts DESC LIMIT 1")
                var timeRange: ClosedRange<Timestamp>?
                if let first, let last { timeRange = Timestamp(nanoseconds: first)...Timestamp(nanoseconds: max(first, last)) }
                return StoreStats(
                    totalEvents: try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0,
                    bySourceKind: bySourceKind,
                    bySeverity: bySeverity,
                    topServices: services,
                    timeRange: timeRange,
                    deadLetters: try Int.fetchOne(db, sql: "SELECT count(*) FROM dead_letter") ?? 0,
                    fullTextBacklog: try Self.fullTextBacklog(db))
            }
        }
    }
}
