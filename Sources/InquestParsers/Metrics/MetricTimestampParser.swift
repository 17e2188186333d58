import InquestCore

/// Reads the timestamps metric files carry: ISO 8601 (`2014-04-10T00:04:00Z`, offsets, fractions),
/// `YYYY-MM-DD HH:MM[:SS[.fff]]`, Go's `time.Time` text (`2023-01-29 08:41:09.04 +0000 UTC m=+0.11`),
/// a bare date, and epoch numbers in seconds, milliseconds, microseconds or nanoseconds
/// (told apart by magnitude). A time without a zone is read as UTC.
public enum MetricTimestampParser {
    /// Parses `text` (surrounding spaces ignored); nil when it is none of the accepted forms.
    public static func parse<S: StringProtocol>(_ text: S) -> Timestamp? {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 32 || last == 9 { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        if start > 0 { bytes.removeFirst(start) }
        guard !bytes.isEmpty else { return nil }
        if let epoch = parseEpoch(bytes) { return epoch }
        return parseCivil(bytes)
    }

    /// `[-]digits[.digits]`; magnitude of the integer part picks the unit.
    private static func parseEpoch(_ bytes: [UInt8]) -> Timestamp? {
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var integer: Int64 = 0
        var integerDigits = 0
        while index < bytes.count, isDigit(bytes[index]) {
            // A number beyond Int64 (a 20-digit epoch) is no timestamp: refuse, never trap.
            let scaled = integer.multipliedReportingOverflow(by: 10)
            let sum = scaled.partialValue.addingReportingOverflow(Int64(bytes[index] - 48))
            guard integerDigits < 19, !scaled.overflow, !sum.overflow else { return nil }
            integer = sum.partialValue
            integerDigits += 1
            index += 1
        }
        guard integerDigits > 0 else { return nil }
        var fraction: Int64 = 0
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) {
                if fractionDigits < 9 {
                    fraction = fraction * 10 + Int64(bytes[index] - 48)
                    fractionDigits += 1
                }
                index += 1
            }
        }
        guard index == bytes.count else { return nil }
        let unitNanos: Int64
        switch integerDigits {
        case ...11: unitNanos = 1_000_000_000
        case 12...14: unitNanos = 1_000_000
        case 15...17: unitNanos = 1_000
        default: unitNanos = 1
        }
        var fractionNanos: Int64 = 0
        if fractionDigits > 0 {
            var scale: Int64 = 1
            for _ in 0..<fractionDigits { scale *= 10 }
            fractionNanos = fraction * unitNanos / scale
        }
        let (product, overflow) = integer.multipliedReportingOverflow(by: unitNanos)
        guard !overflow else { return nil }
        let (nanos, sumOverflow) = product.addingReportingOverflow(fractionNanos)
        guard !sumOverflow else { return nil }
        return Timestamp(nanoseconds: negative ? -nanos : nanos)
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.f+]]][ ][Z|±HH[:MM]][ ZONE][ m=±…]`.
    private static func parseCivil(_ bytes: [UInt8]) -> Timestamp? {
        var cursor = ByteCursor(bytes: bytes)
        guard let year = cursor.number(digits: 4), cursor.take(UInt8(ascii: "-")),
            let month = cursor.number(digits: 2), cursor.take(UInt8(ascii: "-")),
            let day = cursor.number(digits: 2), (1...12).contains(month),
            day >= 1, day <= TimestampFormatter.daysInMonth(month, year: year)
        else { return nil }
        var seconds = TimestampFormatter.days(year: year, month: month, day: day) * 86_400
        var nanos: Int64 = 0
        if cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: " ")) {
            guard let hour = cursor.number(digits: 2), cursor.take(UInt8(ascii: ":")),
                let minute = cursor.number(digits: 2), hour < 24, minute < 60
            else { return nil }
            seconds += hour * 3600 + minute * 60
            if cursor.take(UInt8(ascii: ":")) {
                guard let second = cursor.number(digits: 2), second <= 60 else { return nil }
                seconds += second
                if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                    var digits = 0
                    while let byte = cursor.peek, isDigit(byte) {
                        if digits < 9 { nanos = nanos * 10 + Int64(byte - 48); digits += 1 }
                        cursor.advance()
                    }
                    guard digits > 0 else { return nil }
                    for _ in digits..<9 { nanos *= 10 }
                }
            }
        }
        _ = cursor.take(UInt8(ascii: " "))
        if cursor.take(UInt8(ascii: "Z")) {
        } else if let sign = cursor.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            cursor.advance()
            guard let hours = cursor.number(digits: 2) else { return nil }
            _ = cursor.take(UInt8(ascii: ":"))
            let minutes = cursor.number(digits: 2) ?? 0
            let offset = hours * 3600 + minutes * 60
            seconds += sign == UInt8(ascii: "+") ? -offset : offset
        }
        guard cursor.restIsZoneSuffix() else { return nil }
        return Timestamp(checkedSeconds: seconds, nanos: nanos)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

/// A forward-only reader over bytes for the timestamp grammar.
private struct ByteCursor {
    let bytes: [UInt8]
    var index = 0

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func advance() { index += 1 }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int64? {
        guard index + digits <= bytes.count else { return nil }
        var value: Int64 = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard MetricTimestampParser.isDigit(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        index += digits
        return value
    }

    /// What may follow a zoned time: nothing, or space-separated zone words (`UTC`, `CET`)
    /// and Go's monotonic clock reading (`m=+0.119240217`).
    func restIsZoneSuffix() -> Bool {
        guard index < bytes.count else { return true }
        let rest = bytes[index...].split(separator: 32)
        for word in rest {
            if word.starts(with: [UInt8(ascii: "m"), UInt8(ascii: "=")]) { continue }
            guard word.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) else { return false }
        }
        return true
    }
}
