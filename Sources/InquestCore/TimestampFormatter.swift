/// Formats timestamps without Foundation's formatters (which are slow and locale-dependent).
public enum TimestampFormatter {
    /// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    public static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// The number of days in `month` (1–12) of `year` in the proleptic Gregorian calendar; with no
    /// year, February has 29 (a year-less date is valid when some year has it).
    public static func daysInMonth(_ month: Int64, year: Int64?) -> Int64 {
        switch month {
        case 2:
            guard let year else { return 29 }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff…]Z` in UTC.
    public static func iso8601UTC(_ timestamp: Timestamp, fractionDigits: Int = 6) -> String {
        let ns = timestamp.nanoseconds
        var secs = ns / 1_000_000_000
        var frac = ns % 1_000_000_000
        if frac < 0 { frac += 1_000_000_000; secs -= 1 }
        var days = secs / 86_400
        var rem = secs % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        let (y, m, d) = civil(fromDays: days)
        var out = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
        out += pad(rem / 3600, 2) + ":" + pad(rem % 3600 / 60, 2) + ":" + pad(rem % 60, 2)
        if fractionDigits > 0 {
            let digits = min(fractionDigits, 9)
            var divisor: Int64 = 1
            for _ in 0..<(9 - digits) { divisor *= 10 }
            out += "." + pad(frac / divisor, digits)
        }
        return out + "Z"
    }

    /// `HH:MM:SS.mmm` of the timestamp shifted by `offsetSeconds`.
    public static func clock(_ timestamp: Timestamp, offsetSeconds: Int64 = 0, milliseconds: Bool = true) -> String {
        // Shift the seconds, not the nanoseconds: a time near the ends of the range plus an
        // offset does not fit Int64 nanoseconds.
        let ns = timestamp.nanoseconds
        var secs = ns / 1_000_000_000
        var frac = ns % 1_000_000_000
        if frac < 0 { frac += 1_000_000_000; secs -= 1 }
        secs += offsetSeconds
        var rem = secs % 86_400
        if rem < 0 { rem += 86_400 }
        var out = pad(rem / 3600, 2) + ":" + pad(rem % 3600 / 60, 2) + ":" + pad(rem % 60, 2)
        if milliseconds { out += "." + pad(frac / 1_000_000, 3) }
        return out
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
