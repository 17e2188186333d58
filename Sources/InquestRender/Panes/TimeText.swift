import InquestCore
import InquestViewModel

/// Formats event times for the timeline and notes in the chosen display mode.
enum TimeText {
    /// Width of the time column.
    static let width = 12

    /// The time in `width` columns: `HH:MM:SS.mmm` (12), `HH:MM:SS` (8), or relative.
    static func format(_ time: Timestamp, mode: TimeDisplayMode, now: Timestamp, offsetSeconds: Int64, width: Int = TimeText.width) -> String {
        let milliseconds = width >= 12
        switch mode {
        case .utc: return TimestampFormatter.clock(time, milliseconds: milliseconds)
        case .local: return TimestampFormatter.clock(time, offsetSeconds: offsetSeconds, milliseconds: milliseconds)
        case .relative: return relative(time, now: now, width: width)
        }
    }

    /// The time column of an event whose time is unknown (no time in its file up to it):
    /// `?` where the clock would be, so no made-up time is shown.
    static func unknown(width: Int = TimeText.width) -> String {
        let text = width >= 7 ? "no time" : "?"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// `-3m12s`, `-2h05m`, `-3d04h`, `+5s`, right-aligned in the column.
    static func relative(_ time: Timestamp, now: Timestamp, width: Int = TimeText.width) -> String {
        // Times centuries apart are further apart than Int64 nanoseconds: then in Double.
        let span = Timestamp.span(from: time, to: now)
        let delta = span == .max || span == .min
            ? Int64((Double(now.nanoseconds) - Double(time.nanoseconds)) / 1_000_000_000) : span / 1_000_000_000
        let sign = delta > 0 ? "-" : (delta < 0 ? "+" : "")
        let seconds = abs(delta)
        let text: String
        if seconds < 60 {
            text = "\(seconds)s"
        } else if seconds < 3_600 {
            text = "\(seconds / 60)m" + two(seconds % 60) + "s"
        } else if seconds < 86_400 {
            text = "\(seconds / 3_600)h" + two(seconds % 3_600 / 60) + "m"
        } else {
            text = "\(seconds / 86_400)d" + two(seconds % 86_400 / 3_600) + "h"
        }
        let full = sign + text
        return String(repeating: " ", count: max(0, width - full.count)) + full
    }

    private static func two(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// Width of the time column when rows carry their date: `2016-03-04 11:43:16.199`.
    static let datedWidth = 23

    /// `2016-03-04 11:43:16.199` (relative times stay relative, right-aligned in the column).
    static func dated(_ time: Timestamp, mode: TimeDisplayMode, now: Timestamp, offsetSeconds: Int64) -> String {
        guard mode != .relative else { return relative(time, now: now, width: datedWidth) }
        return date(time, mode: mode, offsetSeconds: offsetSeconds) + " "
            + format(time, mode: mode, now: now, offsetSeconds: offsetSeconds, width: width)
    }

    /// `2016-03-04`: the day as the timeline shows it (local in `local` mode, else UTC).
    static func date(_ time: Timestamp, mode: TimeDisplayMode, offsetSeconds: Int64) -> String {
        let days = TimelineState.day(of: time, mode: mode, offsetSeconds: offsetSeconds)
        let (year, month, day) = TimestampFormatter.civil(fromDays: days)
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// `2016-03-04 Fri`: a date separator's label.
    static func day(_ time: Timestamp, mode: TimeDisplayMode, offsetSeconds: Int64) -> String {
        let days = TimelineState.day(of: time, mode: mode, offsetSeconds: offsetSeconds)
        // 1970-01-01 was a Thursday.
        let names = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let weekday = ((days % 7) + 7) % 7
        return date(time, mode: mode, offsetSeconds: offsetSeconds) + " " + names[Int(weekday)]
    }

    /// `2026-11-20 10:42` for notes and headers.
    static func minute(_ time: Timestamp, mode: TimeDisplayMode, offsetSeconds: Int64) -> String {
        let shifted = mode == .local ? time.advanced(saturating: offsetSeconds * 1_000_000_000) : time
        let iso = TimestampFormatter.iso8601UTC(shifted, fractionDigits: 0)
        return String(iso.prefix(16)).replacingT
    }
}

extension String {
    /// ISO `T` separator shown as a space.
    fileprivate var replacingT: String {
        String(map { $0 == "T" ? " " : $0 })
    }
}
