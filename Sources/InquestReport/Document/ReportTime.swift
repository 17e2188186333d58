import InquestCore

/// A point in time in a report: exact nanoseconds plus its UTC and local (investigator's zone)
/// renderings, so scripts need no time-zone database and renderers no formatting logic.
public struct ReportTime: Sendable, Hashable, Codable, Comparable {
    /// Nanoseconds since the Unix epoch (exact; the other two members are derived).
    public var ns: Int64
    /// RFC 3339 in UTC with milliseconds, e.g. `2026-11-20T10:15:03.123Z`.
    public var utc: String
    /// RFC 3339 in the document's zone with its offset, e.g. `2026-11-20T11:15:03.123+01:00`.
    public var local: String

    public init(ns: Int64, utc: String, local: String) {
        self.ns = ns
        self.utc = utc
        self.local = local
    }

    /// The time as a ``Timestamp``.
    public var timestamp: Timestamp { Timestamp(nanoseconds: ns) }

    public static func < (lhs: ReportTime, rhs: ReportTime) -> Bool { lhs.ns < rhs.ns }
}

/// A time together with who caused it, for the header's created / updated / resolved lines.
public struct ReportStamp: Sendable, Hashable, Codable {
    public var at: ReportTime
    /// The OS user recorded by the audit trail, or nil when the store has no record of it.
    public var by: String?

    public init(at: ReportTime, by: String?) {
        self.at = at
        self.by = by
    }
}
