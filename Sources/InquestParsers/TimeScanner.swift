/// Reads the time formats found in logs from bytes, by hand (Foundation's date formatters are
/// far too slow for the ingest path and depend on the locale).
///
/// | shape | example | used by |
/// |---|---|---|
/// | ISO 8601 / RFC 3339, `T`, space, `-` or `_` between date and time, `.`/`,` fraction, `Z`/`±hh:mm`/`±hhmm`/` ±hhmm`/` UTC` | `2026-11-20T10:15:03.123+01:00`, `2019-01-10T10:46:46,679+0100`, `2005-06-03-15.42.50.675872` | json, log4j, plain, syslog 5424 |
/// | `yyyy/MM/dd HH:mm:ss` | `2026/11/20 10:15:03` | log4j, plain |
/// | `yy/MM/dd HH:mm:ss` | `17/06/09 20:10:40` | log4j (Spark) |
/// | `yyMMdd HHmmss` | `081109 203615` | log4j (HDFS) |
/// | `dd/Mon/yyyy:HH:mm:ss ±hhmm` | `17/May/2015:10:05:03 +0000` | access |
/// | `Www Mon dd HH:mm:ss[.frac] yyyy` | `Sun Dec 04 04:47:44 2005` | log4j (Apache error log) |
/// | `Mon dd [yyyy ]HH:mm:ss[.frac]` | `Nov 20 10:15:03` (no year) | syslog 3164 |
/// | epoch seconds/millis/micros/nanos, optional fraction | `1700000000`, `1700000000123`, `1700000000.5` | json, plain |
enum TimeScanner {
    /// Parses a time starting exactly at `start`; returns it and the index just after it.
    /// `epoch` allows a bare number; `epochDigits` limits the integer digits accepted for it.
    static func scan(_ b: Bytes, at start: Int, end: Int, epoch: Bool = false,
                     epochDigits: ClosedRange<Int> = 9...19) -> (WrittenTime, Int)? {
        guard start < end else { return nil }
        let first = b[start]
        if ASCII.isDigit(first) {
            let run = digitRun(b, start, end)
            if run == 4, let result = isoLike(b, start, end) { return result }
            if run == 2, let result = twoDigitStart(b, start, end) { return result }
            if run == 6, let result = compact(b, start, end) { return result }
            if epoch, epochDigits.contains(run) { return epochNumber(b, start, end, run: run) }
            return nil
        }
        if ASCII.isLetter(first) { return named(b, start, end) }
        return nil
    }

    // MARK: - Shapes

    /// `yyyy-MM-dd…`, `yyyy/MM/dd…`, `yyyy.MM.dd…` followed by a time.
    private static func isoLike(_ b: Bytes, _ start: Int, _ end: Int) -> (WrittenTime, Int)? {
        guard start + 10 <= end else { return nil }
        let sep = b[start + 4]
        guard sep == ASCII.minus || sep == ASCII.slash || sep == ASCII.dot, b[start + 7] == sep,
              let year = number(b, start, 4), let month = number(b, start + 5, 2),
              let day = number(b, start + 8, 2) else { return nil }
        var time = WrittenTime(year: year, month: month, day: day)
        var i = start + 10
        guard i < end else { return nil }
        let between = b[i]
        guard between == 0x54 || between == 0x74 || between == ASCII.space || between == ASCII.minus
                || between == ASCII.underscore else { return nil }
        i += 1
        guard let afterClock = clock(b, i, end, into: &time) else { return nil }
        i = zone(b, afterClock, end, into: &time)
        return time.isValid ? (time, i) : nil
    }

    /// `yy/MM/dd HH:mm:ss` or `dd/Mon/yyyy:HH:mm:ss ±hhmm`.
    private static func twoDigitStart(_ b: Bytes, _ start: Int, _ end: Int) -> (WrittenTime, Int)? {
        guard start + 3 < end, b[start + 2] == ASCII.slash else { return nil }
        if ASCII.isLetter(b[start + 3]) {
            // dd/Mon/yyyy:HH:mm:ss zone
            guard start + 12 <= end, let day = number(b, start, 2), let month = monthNumber(b, start + 3),
                  b[start + 6] == ASCII.slash, let year = number(b, start + 7, 4),
                  b[start + 11] == ASCII.colon else { return nil }
            var time = WrittenTime(year: year, month: month, day: day)
            guard let afterClock = clock(b, start + 12, end, into: &time) else { return nil }
            let i = zone(b, afterClock, end, into: &time)
            return time.isValid ? (time, i) : nil
        }
        guard start + 9 <= end, let yy = number(b, start, 2), let month = number(b, start + 3, 2),
              b[start + 5] == ASCII.slash, let day = number(b, start + 6, 2),
              b[start + 8] == ASCII.space else { return nil }
        var time = WrittenTime(year: 2000 + yy, month: month, day: day)
        guard let afterClock = clock(b, start + 9, end, into: &time) else { return nil }
        let i = zone(b, afterClock, end, into: &time)
        return time.isValid ? (time, i) : nil
    }

    /// `yyMMdd HHmmss` (HDFS).
    private static func compact(_ b: Bytes, _ start: Int, _ end: Int) -> (WrittenTime, Int)? {
        guard start + 13 <= end, b[start + 6] == ASCII.space, digitRun(b, start + 7, end) == 6,
              let yy = number(b, start, 2), let month = number(b, start + 2, 2), let day = number(b, start + 4, 2),
              let hour = number(b, start + 7, 2), let minute = number(b, start + 9, 2),
              let second = number(b, start + 11, 2) else { return nil }
        let time = WrittenTime(year: 2000 + yy, month: month, day: day, hour: hour, minute: minute, second: second)
        return time.isValid ? (time, start + 13) : nil
    }

    /// `Www Mon dd HH:mm:ss yyyy` (ctime) and `Mon dd [yyyy ]HH:mm:ss` (syslog).
    private static func named(_ b: Bytes, _ start: Int, _ end: Int) -> (WrittenTime, Int)? {
        guard start + 4 <= end, b[start + 3] == ASCII.space else { return nil }
        if let month = monthNumber(b, start) {
            return monthFirst(b, start + 4, end, month: month)
        }
        guard isWeekday(b, start), start + 8 <= end, let month = monthNumber(b, start + 4),
              b[start + 7] == ASCII.space,
              let found = monthFirst(b, start + 8, end, month: month) else { return nil }
        var (time, i) = found
        if time.year == nil, i + 5 <= end, b[i] == ASCII.space, digitRun(b, i + 1, end) == 4,
           let year = number(b, i + 1, 4) {
            time.year = year
            i += 5
            i = zone(b, i, end, into: &time)
        }
        return (time, i)
    }

    /// `dd [yyyy ]HH:mm:ss[.frac]` after a month name; a day may be space-padded (`Jun  9`).
    private static func monthFirst(_ b: Bytes, _ start: Int, _ end: Int, month: Int64) -> (WrittenTime, Int)? {
        var i = start
        if i < end, b[i] == ASCII.space { i += 1 }
        let dayDigits = digitRun(b, i, end)
        guard dayDigits == 1 || dayDigits == 2, let day = number(b, i, dayDigits) else { return nil }
        i += dayDigits
        guard i < end, b[i] == ASCII.space else { return nil }
        i += 1
        var time = WrittenTime(year: nil, month: month, day: day)
        if digitRun(b, i, end) == 4, i + 4 < end, b[i + 4] == ASCII.space, let year = number(b, i, 4) {
            time.year = year
            i += 5
        }
        guard let afterClock = clock(b, i, end, into: &time) else { return nil }
        i = afterClock
        if time.year != nil { i = zone(b, i, end, into: &time) }
        return time.isValid ? (time, i) : nil
    }

    /// A bare epoch number; digits decide the unit (≤11 s, ≤14 ms, ≤17 µs, else ns).
    private static func epochNumber(_ b: Bytes, _ start: Int, _ end: Int, run: Int) -> (WrittenTime, Int)? {
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

    // MARK: - Parts

    /// `HH:mm[:ss][.frac]` (or `HH.mm.ss.frac`) into `time`; the index after it.
    static func clock(_ b: Bytes, _ start: Int, _ end: Int, into time: inout WrittenTime) -> Int? {
        guard start + 5 <= end, let hour = number(b, start, 2) else { return nil }
        let sep = b[start + 2]
        guard sep == ASCII.colon || sep == ASCII.dot, let minute = number(b, start + 3, 2) else { return nil }
        time.hour = hour
        time.minute = minute
        var i = start + 5
        if i + 3 <= end, b[i] == sep, let second = number(b, i + 1, 2) {
            time.second = second
            i += 3
            if i + 1 < end, b[i] == ASCII.dot || b[i] == ASCII.comma, ASCII.isDigit(b[i + 1]) {
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
            }
        }
        guard i >= end || !ASCII.isDigit(b[i]) else { return nil }
        return i
    }

    /// An optional zone after a time: `Z`, `±hh[:mm]`, ` ±hhmm`, `[ ]UTC`/`GMT`.
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
        if i + 3 <= end, isUTCWord(b, i), i + 3 == end || !ASCII.isLetter(b[i + 3]) {
            time.offsetSeconds = 0
            return i + 3
        }
        let sign = b[i]
        guard sign == ASCII.plus || sign == ASCII.minus else { return start }
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
            } else if first == ASCII.space {
                return start
            }
        } else {
            return start
        }
        guard hours <= 18, minutes < 60 else { return start }
        let offset = hours * 3600 + minutes * 60
        time.offsetSeconds = sign == ASCII.minus ? -offset : offset
        return after
    }

    // MARK: - Helpers

    @inline(__always) static func digitRun(_ b: Bytes, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end, ASCII.isDigit(b[i]) { i += 1 }
        return i - start
    }

    /// The decimal value of exactly `count` (at most 18) digits at `start`, or nil.
    @inline(__always) static func number(_ b: Bytes, _ start: Int, _ count: Int) -> Int64? {
        guard start >= 0, count > 0, count <= 18, start + count <= b.count else { return nil }
        var value: Int64 = 0
        for i in start..<(start + count) {
            let digit = b[i] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    private static func packed3(_ b: Bytes, _ i: Int) -> UInt32? {
        guard i + 3 <= b.count else { return nil }
        return UInt32(ASCII.lowered(b[i])) << 16 | UInt32(ASCII.lowered(b[i + 1])) << 8 | UInt32(ASCII.lowered(b[i + 2]))
    }

    private static let months: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { word in word.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    private static let weekdays: [UInt32] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .map { word in word.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }

    /// 1–12 for an English month abbreviation at `i` (any case).
    static func monthNumber(_ b: Bytes, _ i: Int) -> Int64? {
        guard let word = packed3(b, i), let index = months.firstIndex(of: word) else { return nil }
        return Int64(index + 1)
    }

    private static func isWeekday(_ b: Bytes, _ i: Int) -> Bool {
        guard let word = packed3(b, i) else { return false }
        return weekdays.contains(word)
    }

    private static func isUTCWord(_ b: Bytes, _ i: Int) -> Bool {
        guard let word = packed3(b, i) else { return false }
        return word == 0x75_74_63 || word == 0x67_6D_74
    }
}
