import InquestCore

/// Reads RFC 3339 / ISO 8601 date-times as written by JUnit tools, GitHub and `git --date=iso-strict`:
/// `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM]` (a space may replace `T`).
enum CITimeReader {
    /// The instant, and whether the text carried a zone (else UTC was assumed).
    static func read(_ text: String) -> (time: Timestamp, zoneKnown: Bool)? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int64? {
            guard index + digits <= bytes.count else { return nil }
            var value: Int64 = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            index += digits
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), take(0x2D), let month = number(2), take(0x2D), let day = number(2),
            take(0x54) || take(0x20) || take(0x74),
            let hour = number(2), take(0x3A), let minute = number(2), take(0x3A), let second = number(2),
            (1...12).contains(month), day >= 1, day <= TimestampFormatter.daysInMonth(month, year: year), hour < 24, minute < 60, second <= 60
        else { return nil }
        var nanos: Int64 = 0
        if take(0x2E) || take(0x2C) {
            var scale: Int64 = 100_000_000
            var any = false
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                nanos += Int64(bytes[index] - 48) * scale
                scale /= 10
                index += 1
                any = true
            }
            guard any else { return nil }
        }
        var offsetSeconds: Int64 = 0
        var zoneKnown = false
        if take(0x5A) || take(0x7A) {
            zoneKnown = true
        } else if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
            let sign: Int64 = bytes[index] == 0x2D ? -1 : 1
            index += 1
            guard let hours = number(2) else { return nil }
            _ = take(0x3A)
            guard let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
            zoneKnown = true
        }
        guard index == bytes.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        guard let time = Timestamp(checkedSeconds: seconds, nanos: nanos) else { return nil }
        return (time, zoneKnown)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
