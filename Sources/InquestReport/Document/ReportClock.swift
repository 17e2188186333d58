import Foundation
import InquestCore

/// Turns timestamps into ``ReportTime``s in UTC and in one zone. The zone is injected so that
/// tests (and golden files) do not depend on the machine's `TZ`.
public struct ReportClock: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// The investigator's zone: `TZ` when it names a zone, else the system's.
    public static func investigatorZone(environment: [String: String]) -> TimeZone {
        if let name = environment["TZ"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            let identifier = name.hasPrefix(":") ? String(name.dropFirst()) : name
            if let zone = TimeZone(identifier: identifier) { return zone }
        }
        return TimeZone.current
    }

    /// The time in UTC and in the zone, to milliseconds.
    public func time(_ timestamp: Timestamp) -> ReportTime {
        let offset = timeZone.secondsFromGMT(for: timestamp.date)
        let utc = TimestampFormatter.iso8601UTC(timestamp, fractionDigits: 3)
        let shifted = timestamp.advanced(saturating: Int64(offset) * 1_000_000_000)
        let local = String(TimestampFormatter.iso8601UTC(shifted, fractionDigits: 3).dropLast()) + Self.offsetText(offset)
        return ReportTime(ns: timestamp.nanoseconds, utc: utc, local: local)
    }

    /// The zone as recorded in a document, with its offset at `now`.
    public func zone(at now: Timestamp) -> ReportZone {
        ReportZone(identifier: timeZone.identifier, offsetSecondsAtExport: timeZone.secondsFromGMT(for: now.date))
    }

    /// `+01:00`, `-05:30`, `+00:00`.
    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return sign + (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}
