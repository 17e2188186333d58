import Foundation
import InquestCore

/// What a parser needs to know about the stream it reads that the bytes do not say.
public struct LogParseOptions: Sendable {
    /// Shown to users as the event's source (a file's base name, `stdin`).
    public var sourceName: String
    /// Hashed into every ``DedupeKey`` (an absolute path), so equal lines of different files stay apart.
    public var sourceIdentity: String
    /// The zone of times written without a zone or offset (default UTC).
    public var timeZone: TimeZone
    /// The year of times written without one (RFC 3164 syslog, glog); usually the file's modification year.
    public var assumedYear: Int
    /// The month (1–12) of the reference date (the file's modification month). A year-less time in a
    /// later month than this is taken to be from the year before `assumedYear` (log rollover).
    public var referenceMonth: Int
    /// The time given to records with no time of their own when no earlier record had one
    /// (the ingest time, typically). Defaults to the Unix epoch.
    public var fallbackTime: Timestamp

    public init(
        sourceName: String,
        sourceIdentity: String,
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current,
        assumedYear: Int = 1970,
        referenceMonth: Int = 12,
        fallbackTime: Timestamp = Timestamp(nanoseconds: 0)
    ) {
        self.sourceName = sourceName
        self.sourceIdentity = sourceIdentity
        self.timeZone = timeZone
        self.assumedYear = assumedYear
        self.referenceMonth = referenceMonth
        self.fallbackTime = fallbackTime
    }
}
