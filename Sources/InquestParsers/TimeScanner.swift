/// Recognises a written date and time from bytes, by hand (Foundation's date formatters are far
/// too slow for the ingest path and depend on the locale).
///
/// Not a list of layouts but a small grammar: a date, a separator, a clock and an optional zone.
/// - **Date**: year, month and day in any common order — `yyyy-MM-dd` (any of `-` `/` `.`,
///   month as number or name), `dd/MM/yyyy` or `MM/dd/yyyy` (settled by ``DateOrder``), `MM-dd`
///   and `dd.MM` without a year, `yy/MM/dd`, `dd/Mon/yyyy`, `dd Mon [yyyy]`, `Mon dd[,] [yyyy]`,
///   `Www Mon dd`, `Www, dd Mon yyyy`, full month and weekday names, and the run-together
///   `yyyyMMdd`, `yyMMdd` and `yyyyMMddHHmmss`.
/// - **Between**: `T`, one to three spaces, `-`, `_`, `:` (`17/May/2015:10:05:03`).
/// - **Clock**: `H:mm[:ss]` (or `HH.mm.ss`) with a fraction after `.` or `,`, or milliseconds
///   after `:` (`22:15:29:606`); `HHmmss` after a run-together date; `AM`/`PM`.
/// - **Zone**: `Z`, `±hh[:mm]`, `±hhmm`, `UTC`/`GMT` with or without an offset, and upper-case
///   abbreviations (``TimeZoneAbbreviations``); a year may follow the clock or the zone (ctime,
///   `date(1)`).
/// - **Epoch** numbers when asked (`epoch`): seconds, millis, micros or nanos by digit count,
///   optional fraction (`1485893834.891`).
enum TimeScanner {
    /// Parses a time starting exactly at `start`; returns it and the index just after it.
    /// `epoch` allows a bare number; `epochDigits` limits the integer digits accepted for it.
    /// `order` says how to read an all-numeric day and month (nil: the separator's default).
    static func scan(_ b: Bytes, at start: Int, end: Int, epoch: Bool = false,
                     epochDigits: ClosedRange<Int> = 9...19, order: DateOrder? = nil) -> (WrittenTime, Int)? {
        guard start >= 0, start < end, end <= b.count else { return nil }
        let first = b[start]
        if ASCII.isDigit(first) {
            let run = digitRun(b, start, end)
            let found: (WrittenTime, Int)?
            switch run {
            case 4: found = yearFirst(b, start, end)
            case 1, 2: found = dayOrMonthFirst(b, start, end, run: run, order: order)
            case 6: found = compactShortYear(b, start, end)
            case 8: found = compactDate(b, start, end)
            case 14: found = compactDateTime(b, start, end)
            default: found = nil
            }
            if let found { return found }
            if epoch, epochDigits.contains(run) { return epochNumber(b, start, end, run: run) }
            return nil
        }
        if ASCII.isLetter(first) { return named(b, start, end) }
        return nil
    }

    /// Evidence for the order of an all-numeric `a/b/yyyy` or year-less `a-b` date at `start`:
    /// `dayFirst` when the first field can only be a day, `monthFirst` when the second can only
    /// be one, nil when both read either way (or the text is no such date).
    static func orderEvidence(_ b: Bytes, at start: Int, end: Int) -> DateOrder? {
        let firstRun = digitRun(b, start, end)
        guard firstRun == 1 || firstRun == 2, let a = number(b, start, firstRun) else { return nil }
        var i = start + firstRun
        guard i < end, isDateSeparator(b[i]) else { return nil }
        let sep = b[i]
        i += 1
        let secondRun = digitRun(b, i, end)
        guard secondRun == 1 || secondRun == 2, let c = number(b, i, secondRun) else { return nil }
        i += secondRun
        if i < end, b[i] == sep, digitRun(b, i + 1, end) != 4 { return nil }
        if a > 12, a <= 31, c >= 1, c <= 12 { return .dayFirst }
        if c > 12, c <= 31, a >= 1, a <= 12 { return .monthFirst }
        return nil
    }

    // MARK: - Dates

    /// `yyyy-MM-dd`, `yyyy/M/d`, `yyyy.MM.dd`, `yyyy-Mon-dd`, then the clock.
    private static func yearFirst(_ b: Bytes, _ start: Int, _ end: Int) -> (WrittenTime, Int)? {
        guard start + 4 < end, isDateSeparator(b[start + 4]), let year = number(b, start, 4) else { return nil }
        let sep = b[start + 4]
        var i = start + 5
        let month: Int64
        if let (named, after) = monthName(b, i, end) {
            month = named
            i = after
        } else {
            let run = digitRun(b, i, end)
            guard run == 1 || run == 2, let value = number(b, i, run) else { return nil }
            month = value
            i += run
        }
        guard i < end, b[i] == sep else { return nil }
        i += 1
        let dayRun = digitRun(b, i, end)
        guard dayRun == 1 || dayRun == 2, let day = number(b, i, dayRun) else { return nil }
        var time = WrittenTime(year: year, month: month, day: day)
        return clockAfterDate(b, i + dayRun, end, &time)
    }

    /// A date starting with a one- or two-digit field: `dd/Mon/yyyy`, `dd Mon [yyyy]`,
    /// `MM/dd/yyyy` or `dd/MM/yyyy` (by `order`), `yy/MM/dd`, or year-less `MM-dd` / `dd.MM`.
    private static func dayOrMonthFirst(_ b: Bytes, _ start: Int, _ end: Int, run: Int, order: DateOrder?) -> (WrittenTime, Int)? {
        guard let a = number(b, start, run) else { return nil }
        var i = start + run
        guard i + 1 < end else { return nil }
        let sep = b[i]
        guard isDateSeparator(sep) || sep == ASCII.space else { return nil }
        i += 1
        if let (month, afterName) = monthName(b, i, end) {
            // dd/Mon/yyyy[:]HH..., dd-Mon-yyyy HH..., dd Mon yyyy HH..., dd Mon HH:mm:ss
            var time = WrittenTime(year: nil, month: month, day: a)
            i = afterName
            guard i < end, b[i] == sep else { return nil }
            i += 1
            let yearRun = digitRun(b, i, end)
            if yearRun == 4, let year = number(b, i, 4) {
                time.year = year
                return clockAfterDate(b, i + 4, end, &time)
            }
            return clockAt(b, i, end, &time, yearMayFollow: false)
        }
        guard sep != ASCII.space else { return nil }
        let secondRun = digitRun(b, i, end)
        guard secondRun == 1 || secondRun == 2, let c = number(b, i, secondRun) else { return nil }
        i += secondRun
        if i + 1 < end, b[i] == sep {
            let thirdRun = digitRun(b, i + 1, end)
            guard let third = number(b, i + 1, thirdRun) else { return nil }
            let afterDate = i + 1 + thirdRun
            if thirdRun == 4 {
                let preferred = order ?? (sep == ASCII.slash ? .monthFirst : .dayFirst)
                return eitherOrder(b, afterDate, end, year: third, a, c, preferred: preferred)
            }
            guard thirdRun == 2 else { return nil }
            // Two-digit years: yy/MM/dd first (Spark, Hadoop), then MM/dd/yy, then dd/MM/yy.
            for (year, month, day) in [(a, c, third), (third, a, c), (third, c, a)] {
                var time = WrittenTime(year: 2000 + year, month: month, day: day)
                if time.isDateValid, let found = clockAfterDate(b, afterDate, end, &time) { return found }
            }
            return nil
        }
        // No year: `03-17 16:13:38.811`, `10.30 16:49:06`; month first unless impossible.
        guard i < end, b[i] == ASCII.space else { return nil }
        return eitherOrder(b, i, end, year: nil, a, c, preferred: order ?? .monthFirst)
    }

    /// The date `a`/`c` read in the preferred order, else the other, then the clock at `i`.
    private static func eitherOrder(_ b: Bytes, _ i: Int, _ end: Int, year: Int64?, _ a: Int64, _ c: Int64,
                                    preferred: DateOrder) -> (WrittenTime, Int)? {
        let orders: [DateOrder] = preferred == .monthFirst ? [.monthFirst, .dayFirst] : [.dayFirst, .monthFirst]
        for order in orders {
            var time = order == .monthFirst ? WrittenTime(year: year, month: a, day: c) : WrittenTime(year: year, month: c, day: a)
            if time.isDateValid { return clockAfterDate(b, i, end, &time) }
        }
        return nil
    }

    /// `yyMMdd HHmmss` (HDFS).
    private static func compactShortYear(_ b: Bytes, _ start: Int, _ end: Int) -> (WrittenTime, Int)? {
        guard start + 13 <= end, b[start + 6] == ASCII.space, digitRun(b, start + 7, end) == 6,
              let yy = number(b, start, 2), let month = number(b, start + 2, 2), let day = number(b, start + 4, 2),
              let hour = number(b, start + 7, 2), let minute = number(b, start + 9, 2),
              let second = number(b, start + 11, 2) else { return nil }
        let time = WrittenTime(year: 2000 + yy, month: month, day: day, hour: hour, minute: minute, second: second)
        return time.isValid ? (time, start + 13) : nil
    }

    /// `yyyyMMdd` then `-`, `T`, `_` or a space and `HH:mm:ss…` or `HHmmss` (`20171223-22:15:29:606`).
    private static func compactDate(_ b: Bytes, _ start: Int, _ end: Int) -> (WrittenTime, Int)? {
        guard start + 9 < end, let year = number(b, start, 4), (1900...2199).contains(year),
              let month = number(b, start + 4, 2), let day = number(b, start + 6, 2) else { return nil }
        var time = WrittenTime(year: year, month: month, day: day)
        guard time.isDateValid else { return nil }
        let between = b[start + 8]
        guard between == ASCII.minus || between == 0x54 || between == ASCII.underscore || between == ASCII.space else { return nil }
        let clockStart = start + 9
        if digitRun(b, clockStart, end) == 6 {
            return compactClock(b, clockStart, end, &time)
        }
        return clockAt(b, clockStart, end, &time, yearMayFollow: false)
    }

    /// `yyyyMMddHHmmss[.frac]`.
    private static func compactDateTime(_ b: Bytes, _ start: Int, _ end: Int) -> (WrittenTime, Int)? {
        guard let year = number(b, start, 4), (1900...2199).contains(year),
              let month = number(b, start + 4, 2), let day = number(b, start + 6, 2) else { return nil }
        var time = WrittenTime(year: year, month: month, day: day)
        guard time.isDateValid else { return nil }
        return compactClock(b, start + 8, end, &time)
    }

    /// `HHmmss[.frac]` and a zone.
    private static func compactClock(_ b: Bytes, _ start: Int, _ end: Int, _ time: inout WrittenTime) -> (WrittenTime, Int)? {
        guard let hour = number(b, start, 2), let minute = number(b, start + 2, 2),
              let second = number(b, start + 4, 2) else { return nil }
        time.hour = hour
        time.minute = minute
        time.second = second
        var i = fraction(b, start + 6, end, into: &time)
        guard i >= end || !ASCII.isDigit(b[i]) else { return nil }
        i = zone(b, i, end, into: &time)
        return time.isValid ? (time, i) : nil
    }

    /// `Mon dd [yyyy ]HH:mm:ss`, `Mon dd, yyyy HH:mm:ss`, `Www Mon dd HH:mm:ss [zone] yyyy`,
    /// `Www, dd Mon yyyy HH:mm:ss zone`.
    private static func named(_ b: Bytes, _ start: Int, _ end: Int) -> (WrittenTime, Int)? {
        if let (month, after) = monthName(b, start, end) {
            return monthFirst(b, after, end, month: month)
        }
        guard let afterWeekday = weekdayName(b, start, end) else { return nil }
        var i = afterWeekday
        if i < end, b[i] == ASCII.comma { i += 1 }
        guard i < end, b[i] == ASCII.space else { return nil }
        i += 1
        if let (month, after) = monthName(b, i, end) { return monthFirst(b, after, end, month: month) }
        let dayRun = digitRun(b, i, end)
        guard dayRun == 1 || dayRun == 2 else { return nil }
        return dayOrMonthFirst(b, i, end, run: dayRun, order: nil)
    }

    /// After a month name: ` dd[,] [yyyy ]HH:mm:ss[.frac] [zone] [yyyy]`; a day may be space-padded (`Jun  9`).
    private static func monthFirst(_ b: Bytes, _ start: Int, _ end: Int, month: Int64) -> (WrittenTime, Int)? {
        var i = start
        guard i < end, b[i] == ASCII.space || b[i] == ASCII.minus || b[i] == ASCII.slash else { return nil }
        i += 1
        if i < end, b[i] == ASCII.space { i += 1 }
        let dayDigits = digitRun(b, i, end)
        guard dayDigits == 1 || dayDigits == 2, let day = number(b, i, dayDigits) else { return nil }
        i += dayDigits
        if i < end, b[i] == ASCII.comma { i += 1 }
        guard i < end, b[i] == ASCII.space else { return nil }
        i += 1
        var time = WrittenTime(year: nil, month: month, day: day)
        if digitRun(b, i, end) == 4, i + 4 < end, b[i + 4] == ASCII.space, let year = number(b, i, 4) {
            time.year = year
            i += 5
        }
        return clockAt(b, i, end, &time, yearMayFollow: time.year == nil)
    }
}
