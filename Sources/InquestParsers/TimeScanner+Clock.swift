extension TimeScanner {
    /// The separator after a date (`T`, up to three spaces, `-`, `_`, `:`), the clock and a zone.
    static func clockAfterDate(_ b: Bytes, _ start: Int, _ end: Int, _ time: inout WrittenTime) -> (WrittenTime, Int)? {
        guard start < end else { return nil }
        var i = start
        let between = b[i]
        if between == ASCII.space {
            while i < end, b[i] == ASCII.space, i - start < 3 { i += 1 }
        } else if between == 0x54 || between == 0x74 || between == ASCII.minus || between == ASCII.underscore
                    || between == ASCII.colon {
            i += 1
        } else {
            return nil
        }
        return clockAt(b, i, end, &time, yearMayFollow: false)
    }

    /// The clock at `start`, then a zone, then (when `yearMayFollow`) ` yyyy` as ctime and `date(1)` write it.
    static func clockAt(_ b: Bytes, _ start: Int, _ end: Int, _ time: inout WrittenTime, yearMayFollow: Bool) -> (WrittenTime, Int)? {
        guard var i = clock(b, start, end, into: &time) else { return nil }
        i = zone(b, i, end, into: &time)
        if yearMayFollow, time.year == nil, i + 5 <= end, b[i] == ASCII.space, digitRun(b, i + 1, end) == 4,
           let year = number(b, i + 1, 4) {
            time.year = year
            i += 5
            if time.offsetSeconds == nil { i = zone(b, i, end, into: &time) }
        }
        return time.isValid ? (time, i) : nil
    }

    /// `H:mm[:ss][.frac]` (or `HH.mm.ss.frac`), milliseconds after a third colon, and `AM`/`PM`,
    /// into `time`; the index after it.
    static func clock(_ b: Bytes, _ start: Int, _ end: Int, into time: inout WrittenTime) -> Int? {
        let hourDigits = digitRun(b, start, end)
        guard hourDigits == 1 || hourDigits == 2, let hour = number(b, start, hourDigits) else { return nil }
        var i = start + hourDigits
        guard i + 3 <= end else { return nil }
        let sep = b[i]
        guard sep == ASCII.colon || sep == ASCII.dot && hourDigits == 2, digitRun(b, i + 1, end) == 2,
              let minute = number(b, i + 1, 2) else { return nil }
        time.hour = hour
        time.minute = minute
        i += 3
        if i + 3 <= end, b[i] == sep, digitRun(b, i + 1, end) == 2, let second = number(b, i + 1, 2) {
            time.second = second
            i += 3
            if i + 1 < end, sep == ASCII.colon, b[i] == ASCII.colon {
                // `22:15:29:606`: a count of milliseconds, as written (`:97` is 97 ms).
                let digits = digitRun(b, i + 1, end)
                guard digits >= 1, digits <= 3, let millis = number(b, i + 1, digits) else { return nil }
                time.nanos = millis * 1_000_000
                i += 1 + digits
            } else {
                i = fraction(b, i, end, into: &time)
            }
        }
        guard i >= end || !ASCII.isDigit(b[i]) else { return nil }
        return meridiem(b, i, end, into: &time)
    }

    /// A `.` or `,` fraction of a second at `start` into `time`; the index after it.
    static func fraction(_ b: Bytes, _ start: Int, _ end: Int, into time: inout WrittenTime) -> Int {
        var i = start
        guard i + 1 < end, b[i] == ASCII.dot || b[i] == ASCII.comma, ASCII.isDigit(b[i + 1]) else { return i }
        i += 1
        var nanos: Int64 = 0
        var digits = 0
        while i < end, ASCII.isDigit(b[i]) {
            if digits < 9 { nanos = nanos * 10 + Int64(b[i] &- 0x30) }
            digits += 1
            i += 1
        }
        while digits < 9 { nanos *= 10; digits += 1 }
        time.nanos = nanos
        return i
    }

    /// `AM`/`PM` (any case, after an optional space) adjusting a 12-hour clock.
    private static func meridiem(_ b: Bytes, _ start: Int, _ end: Int, into time: inout WrittenTime) -> Int {
        var i = start
        if i < end, b[i] == ASCII.space { i += 1 }
        guard i + 2 <= end, ASCII.lowered(b[i + 1]) == 0x6D, i + 2 == end || !ASCII.isLetter(b[i + 2]),
              time.hour >= 1, time.hour <= 12 else { return start }
        switch ASCII.lowered(b[i]) {
        case 0x61: if time.hour == 12 { time.hour = 0 }
        case 0x70: if time.hour < 12 { time.hour += 12 }
        default: return start
        }
        return i + 2
    }

    /// An optional zone after a time: `Z`, `±hh[:mm]`, ` ±hhmm`, `[ ]UTC`/`GMT` with an optional
    /// offset, or an upper-case abbreviation from ``TimeZoneAbbreviations``.
    static func zone(_ b: Bytes, _ start: Int, _ end: Int, into time: inout WrittenTime) -> Int {
        guard start < end else { return start }
        var i = start
        let first = b[i]
        if first == 0x5A || first == 0x7A {
            if i + 1 >= end || !ASCII.isLetter(b[i + 1]) {
                time.offsetSeconds = 0
                return i + 1
            }
            return start
        }
        if first == ASCII.space { i += 1 }
        guard i < end else { return start }
        if ASCII.isUpper(b[i]) {
            var wordEnd = i
            while wordEnd < end, ASCII.isUpper(b[wordEnd]), wordEnd - i < 6 { wordEnd += 1 }
            guard wordEnd >= end || !ASCII.isLetter(b[wordEnd]),
                  let offset = TimeZoneAbbreviations.offset(b, i, wordEnd) else { return start }
            time.offsetSeconds = offset
            if offset == 0, wordEnd < end, b[wordEnd] == ASCII.plus || b[wordEnd] == ASCII.minus {
                // `UTC+08:00`, `GMT-0500`
                let after = numericOffset(b, wordEnd, end, into: &time, spaced: false)
                return after ?? wordEnd
            }
            return wordEnd
        }
        return numericOffset(b, i, end, into: &time, spaced: first == ASCII.space) ?? start
    }

    /// `±hh[:mm]` or `±hhmm` at `i`; after a space only `±hhmm` or `±hh:mm` count.
    private static func numericOffset(_ b: Bytes, _ i: Int, _ end: Int, into time: inout WrittenTime, spaced: Bool) -> Int? {
        guard i < end else { return nil }
        let sign = b[i]
        guard sign == ASCII.plus || sign == ASCII.minus else { return nil }
        let digits = digitRun(b, i + 1, end)
        var hours: Int64
        var minutes: Int64 = 0
        var after: Int
        if digits == 4, let hh = number(b, i + 1, 2), let mm = number(b, i + 3, 2) {
            (hours, minutes, after) = (hh, mm, i + 5)
        } else if digits == 2, let hh = number(b, i + 1, 2) {
            hours = hh
            after = i + 3
            if i + 6 <= end, b[i + 3] == ASCII.colon, digitRun(b, i + 4, end) == 2, let mm = number(b, i + 4, 2) {
                minutes = mm
                after = i + 6
            } else if spaced {
                return nil
            }
        } else {
            return nil
        }
        guard hours <= 18, minutes < 60 else { return nil }
        let offset = hours * 3600 + minutes * 60
        time.offsetSeconds = sign == ASCII.minus ? -offset : offset
        return after
    }

    /// A bare epoch number; digits decide the unit (≤11 s, ≤14 ms, ≤17 µs, else ns).
    static func epochNumber(_ b: Bytes, _ start: Int, _ end: Int, run: Int) -> (WrittenTime, Int)? {
        guard run <= 19, var whole = number(b, start, min(run, 18)) else { return nil }
        if run == 19 {
            // Nineteen digits may exceed Int64: refuse rather than wrap.
            let scaled = whole.multipliedReportingOverflow(by: 10)
            let sum = scaled.partialValue.addingReportingOverflow(Int64(b[start + 18] &- 0x30))
            guard !scaled.overflow, !sum.overflow else { return nil }
            whole = sum.partialValue
        }
        var i = start + run
        let unitNanos: Int64
        switch run {
        case ...11: unitNanos = 1_000_000_000
        case ...14: unitNanos = 1_000_000
        case ...17: unitNanos = 1_000
        default: unitNanos = 1
        }
        var nanos = whole.multipliedReportingOverflow(by: unitNanos)
        guard !nanos.overflow else { return nil }
        if i < end, b[i] == ASCII.dot {
            i += 1
            var scale = unitNanos / 10
            var fraction: Int64 = 0
            while i < end, ASCII.isDigit(b[i]) {
                fraction += Int64(b[i] &- 0x30) * scale
                scale /= 10
                i += 1
            }
            nanos = nanos.partialValue.addingReportingOverflow(fraction)
            guard !nanos.overflow else { return nil }
        }
        guard i >= end || !ASCII.isLetter(b[i]) && !ASCII.isDigit(b[i]) else { return nil }
        return (WrittenTime(offsetSeconds: 0, epochNanos: nanos.partialValue), i)
    }
}
