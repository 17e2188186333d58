extension TimeScanner {
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

    @inline(__always) static func isDateSeparator(_ byte: UInt8) -> Bool {
        byte == ASCII.minus || byte == ASCII.slash || byte == ASCII.dot
    }

    private static func packed3(_ b: Bytes, _ i: Int) -> UInt32? {
        guard i >= 0, i + 3 <= b.count else { return nil }
        return UInt32(ASCII.lowered(b[i])) << 16 | UInt32(ASCII.lowered(b[i + 1])) << 8 | UInt32(ASCII.lowered(b[i + 2]))
    }

    private static let monthWords = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"].map { Array($0.utf8) }
    private static let weekdayWords = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        .map { Array($0.utf8) }
    private static let months: [UInt32] = monthWords.map { UInt32($0[0]) << 16 | UInt32($0[1]) << 8 | UInt32($0[2]) }
    private static let weekdays: [UInt32] = weekdayWords.map { UInt32($0[0]) << 16 | UInt32($0[1]) << 8 | UInt32($0[2]) }

    /// 1–12 for an English month abbreviation at `i` (any case).
    static func monthNumber(_ b: Bytes, _ i: Int) -> Int64? {
        guard let word = packed3(b, i), let index = months.firstIndex(of: word) else { return nil }
        return Int64(index + 1)
    }

    /// A month written as its three-letter abbreviation, `Sept`, or its full name (any case):
    /// its number and the index after the word.
    static func monthName(_ b: Bytes, _ start: Int, _ end: Int) -> (Int64, Int)? {
        guard start + 3 <= end, let month = monthNumber(b, start) else { return nil }
        guard let after = wordEnd(b, start, end, full: monthWords[Int(month) - 1], alsoAccepting: month == 9 ? 4 : 3) else {
            return nil
        }
        return (month, after)
    }

    /// The index after a weekday's abbreviation or full name at `start`, or nil.
    static func weekdayName(_ b: Bytes, _ start: Int, _ end: Int) -> Int? {
        guard start + 3 <= end, let word = packed3(b, start), let index = weekdays.firstIndex(of: word) else { return nil }
        return wordEnd(b, start, end, full: weekdayWords[index], alsoAccepting: 3)
    }

    /// The end of the letters at `start` when they are the 3-letter (or `short`-letter) prefix of
    /// `full` or all of it.
    private static func wordEnd(_ b: Bytes, _ start: Int, _ end: Int, full: [UInt8], alsoAccepting short: Int) -> Int? {
        var i = start
        while i < end, ASCII.isLetter(b[i]), i - start <= full.count { i += 1 }
        let length = i - start
        if length == 3 { return i }
        guard length == full.count || length == short, length <= full.count else { return nil }
        for k in 0..<length where ASCII.lowered(b[start + k]) != full[k] { return nil }
        return i
    }
}
