/// Reads the literal values of the filter language: durations (`15m`, `1h30m`), times
/// (`2026-11-20T10:00Z`, `2026-11-20T10:30:00.5+01:00`, `2026-11-20`) and decimal numbers.
enum FilterLiteral {

    /// Nanoseconds of a duration made of one or more `<digits><unit>` parts, unit one of
    /// `ms`, `s`, `m`, `h`, `d`, `w` (case-insensitive); nil when malformed or out of range.
    /// A filter needs the unit and whole numbers (``DurationText``).
    static func duration(_ text: String) -> Int64? {
        DurationText.nanoseconds(text, bareNumber: .rejected, fractions: false)
    }

    /// A time `YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][Z|±HH[:]MM|±HH]`. Without a zone, UTC.
    static func timestamp(_ text: String) -> Timestamp? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var secondOfDay: Int64 = 0
        var fraction: Int64 = 0
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2),
                hour <= 23, minute <= 59
            else { return nil }
            var second: Int64 = 0
            if scanner.skip(":") {
                guard let value = scanner.number(digits: 2), value <= 60 else { return nil }
                second = value
                if scanner.skip(".") || scanner.skip(",") {
                    guard let value = scanner.fraction() else { return nil }
                    fraction = value
                }
            }
            secondOfDay = hour * 3_600 + minute * 60 + second
        }
        var offsetSeconds: Int64 = 0
        if scanner.skip("Z") || scanner.skip("z") {
            offsetSeconds = 0
        } else if let sign: Int64 = scanner.skip("+") ? 1 : (scanner.skip("-") ? -1 : nil) {
            guard let hours = scanner.number(digits: 2), hours <= 23 else { return nil }
            var minutes: Int64 = 0
            _ = scanner.skip(":")
            if !scanner.atEnd {
                guard let value = scanner.number(digits: 2), value <= 59 else { return nil }
                minutes = value
            }
            offsetSeconds = sign * (hours * 3_600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
        let days = TimestampFormatter.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + secondOfDay - offsetSeconds
        return Timestamp(checkedSeconds: seconds, nanos: fraction)
    }

    /// A plain decimal number (`504`, `-1.5`, `2e3`); nil for anything else (hex, `inf`, `nan`).
    static func number(_ text: String) -> Double? {
        var scanner = DigitScanner(Array(text.utf8))
        _ = scanner.skip("-") || scanner.skip("+")
        let integerDigits = scanner.digitRun()
        var fractionDigits = 0
        if scanner.skip(".") { fractionDigits = scanner.digitRun() }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if scanner.skip("e") || scanner.skip("E") {
            _ = scanner.skip("-") || scanner.skip("+")
            guard scanner.digitRun() > 0 else { return nil }
        }
        guard scanner.atEnd, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A cursor over ASCII bytes for the literal parsers.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int64? {
        guard index + digits <= bytes.count else { return nil }
        var value: Int64 = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        index += digits
        return value
    }

    /// One or more digits of a fraction of a second, as nanoseconds (digits past the ninth are dropped).
    mutating func fraction() -> Int64? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            if count < 9 { value = value * 10 + Int64(bytes[index] - 48) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 9) { value *= 10 }
        return value
    }

    /// Skips a run of digits and returns its length.
    mutating func digitRun() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        return index - start
    }
}
