import Foundation

/// A point in time as nanoseconds since the Unix epoch, UTC.
///
/// Int64 nanoseconds cover 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z,
/// which is more than any log holds, and keep the full precision of OTLP and Zipkin timestamps.
/// That is the representable range: parsers refuse a time outside it (``init(checkedSeconds:nanos:)``)
/// rather than wrap it. Two timestamps can be more than `Int64.max` nanoseconds apart, so
/// code that measures spans uses ``span(from:to:)`` or saturating arithmetic.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// The earliest representable instant (1677-09-21T00:12:43.145224192Z).
    public static let earliest = Timestamp(nanoseconds: .min)
    /// The latest representable instant (2262-04-11T23:47:16.854775807Z).
    public static let latest = Timestamp(nanoseconds: .max)

    /// `seconds` since the epoch plus `nanos`, or nil when the instant is outside the
    /// representable range (never wrapped).
    public init?(checkedSeconds seconds: Int64, nanos: Int64 = 0) {
        let scaled = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !scaled.overflow else { return nil }
        let sum = scaled.partialValue.addingReportingOverflow(nanos)
        guard !sum.overflow else { return nil }
        self.nanoseconds = sum.partialValue
    }

    /// `to - from` in nanoseconds, saturated to the Int64 range (events in 1700 and 2026 are
    /// further apart than Int64 nanoseconds reach).
    public static func span(from: Timestamp, to: Timestamp) -> Int64 {
        let difference = to.nanoseconds.subtractingReportingOverflow(from.nanoseconds)
        guard difference.overflow else { return difference.partialValue }
        return to.nanoseconds >= from.nanoseconds ? .max : .min
    }

    /// The latest start from which a range ending at `end` spans at most `Int64.max` nanoseconds,
    /// inclusive of both ends (what a histogram can bucket): `start` itself when it is that late.
    public static func bucketableStart(_ start: Timestamp, end: Timestamp) -> Timestamp {
        max(start, end.advanced(saturating: -(Int64.max - 1)))
    }

    /// This instant moved by `nanoseconds`, saturated at ``earliest`` and ``latest``.
    public func advanced(saturating nanoseconds: Int64) -> Timestamp {
        Timestamp(nanoseconds: self.nanoseconds.addingSaturating(nanoseconds))
    }

    public init(seconds: Int64, nanos: Int64 = 0) {
        self.nanoseconds = seconds &* 1_000_000_000 &+ nanos
    }

    public init(date: Date) {
        self.nanoseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) &* 1_000
    }

    public var date: Date { Date(timeIntervalSince1970: Double(nanoseconds) / 1_000_000_000) }

    public var seconds: Int64 { nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    public static func now() -> Timestamp { Timestamp(date: Date()) }

    /// RFC 3339 in UTC with microseconds, e.g. `2026-11-20T10:15:03.123456Z`.
    public var iso8601: String { TimestampFormatter.iso8601UTC(self, fractionDigits: 6) }

    public var description: String { iso8601 }
}

/// How much of an event's time was read from the record and how much was assumed.
public struct TimeQuality: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The record's time had no zone or offset; the ingest zone (`--tz`, default UTC) was assumed.
    public static let zoneAssumed = TimeQuality(rawValue: 1)
    /// The record's time had no year (RFC 3164 syslog); the file's modification year was assumed.
    public static let yearAssumed = TimeQuality(rawValue: 2)
    /// The record had no time at all; the previous record's time (or the ingest time) was used.
    public static let missing = TimeQuality(rawValue: 4)
    /// Neither the record nor any record before it in its file had a time: the time is unknown.
    /// The stored time (the ingest's reference time, such as the file's modification time) only
    /// places the event, keeping file order; it is no time of the record.
    public static let unknown = TimeQuality(rawValue: 8)

    /// True when the zone was read from the record.
    public var zoneKnown: Bool { !contains(.zoneAssumed) && !contains(.missing) }

    /// A human sentence describing the assumptions, or nil when there are none.
    public var explanation: String? {
        var parts: [String] = []
        if contains(.unknown) {
            parts.append("time unknown: no time in the record or before it in its file")
        } else if contains(.missing) {
            parts.append("no time in record; inherited from the previous record")
        }
        if contains(.zoneAssumed) { parts.append("zone assumed") }
        if contains(.yearAssumed) { parts.append("year assumed") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
