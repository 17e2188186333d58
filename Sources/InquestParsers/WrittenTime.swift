import InquestCore

/// A time as written in a record, before zone and year assumptions are applied.
struct WrittenTime: Equatable {
    /// Nil when the record gave no year (RFC 3164 syslog, glog).
    var year: Int64?
    var month: Int64 = 1
    var day: Int64 = 1
    var hour: Int64 = 0
    var minute: Int64 = 0
    var second: Int64 = 0
    var nanos: Int64 = 0
    /// Offset from UTC in seconds; nil when the record gave no zone.
    var offsetSeconds: Int64?
    /// Set for epoch numbers (then the civil fields are unused).
    var epochNanos: Int64?

    /// Seconds since the epoch of the civil fields read as UTC, with `year` given.
    func naiveSeconds(year: Int64) -> Int64 {
        TimestampFormatter.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Whether the month and day are a date (`02-30` is not; without a year February has 29 days).
    var isDateValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= TimestampFormatter.daysInMonth(month, year: year)
    }

    /// Whether the civil fields are in range, the day within its month (`2026-02-30` is not a date).
    var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= TimestampFormatter.daysInMonth(month, year: year)
            && (0...24).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
    }
}
