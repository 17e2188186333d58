import InquestCore

/// Reads what the user types at the `@` prompt into a point in time.
///
/// - `10:42`, `10:42:30`, `10:42:30.5`: that clock time on the reference's day, in the
///   zone of the given offset (UTC or local, as the timeline shows times);
/// - `-15m`, `+2h`, `-1d`, `-30s`, `-1w`: relative to the reference (the cursor's time);
/// - `2026-11-20`, `2026-11-20T10:42`, `2026-11-20 10:42:30`, with optional `Z`: a date
///   and time in the same zone (`Z` forces UTC).
public enum TimeJump {
    /// The time `input` names, relative to `reference` and in the zone `offsetSeconds` east of UTC.
    public static func parse(_ input: String, reference: Timestamp, offsetSeconds: Int64) throws(ViewModelError) -> Timestamp {
        let text = input.trimmingWhitespace
        guard let first = text.first else { throw .invalidTime(input) }
        if first == "-" || first == "+" {
            guard let span = duration(String(text.dropFirst())) else { throw .invalidTime(input) }
            return reference.advanced(saturating: first == "-" ? -span : span)
        }
        var body = Substring(text)
        var offset = offsetSeconds
        if body.hasSuffix("Z") || body.hasSuffix("z") {
            body = body.dropLast()
            offset = 0
        }
        let datePart: Substring?
        let clockPart: Substring?
        if let separator = body.firstIndex(where: { $0 == "T" || $0 == " " }) {
            datePart = body[..<separator]
            clockPart = body[body.index(after: separator)...]
        } else if body.contains("-") {
            datePart = body
            clockPart = nil
        } else {
            datePart = nil
            clockPart = body
        }
        let localReference = reference.nanoseconds.addingSaturating(offset * 1_000_000_000)
        var days = floorDivide(localReference, 86_400 * 1_000_000_000)
        if let datePart {
            let fields = datePart.split(separator: "-", omittingEmptySubsequences: false)
            guard fields.count == 3, let year = Int64(fields[0]), let month = Int64(fields[1]), let day = Int64(fields[2]),
                  fields[0].count == 4, (1...12).contains(month),
                  day >= 1, day <= TimestampFormatter.daysInMonth(month, year: year)
            else { throw .invalidTime(input) }
            days = TimestampFormatter.days(year: year, month: month, day: day)
        }
        var nanosOfDay: Int64 = 0
        if let clockPart {
            guard let clock = clockNanoseconds(clockPart) else { throw .invalidTime(input) }
            nanosOfDay = clock
        }
        // Outside the representable range (years 1677–2262) the time is refused, not wrapped.
        guard let time = Timestamp(checkedSeconds: days * 86_400 - offset, nanos: nanosOfDay) else { throw .invalidTime(input) }
        return time
    }

    /// `15m`, `2h`, `1h30m`, `30s`, `1d`, `1w` (a bare number is minutes) in nanoseconds.
    static func duration(_ text: String) -> Int64? {
        DurationText.nanoseconds(text, bareNumber: .minutes, fractions: false)
    }

    /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` in nanoseconds since midnight.
    static func clockNanoseconds(_ text: Substring) -> Int64? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              let hours = Int64(parts[0]), let minutes = Int64(parts[1]),
              (0...23).contains(hours), (0...59).contains(minutes)
        else { return nil }
        var nanos = (hours * 3_600 + minutes * 60) * 1_000_000_000
        if parts.count == 3 {
            let secondParts = parts[2].split(separator: ".", omittingEmptySubsequences: false)
            guard let seconds = Int64(secondParts[0]), (0...60).contains(seconds), secondParts.count <= 2 else { return nil }
            nanos += seconds * 1_000_000_000
            if secondParts.count == 2 {
                let digits = secondParts[1].prefix(9)
                guard !digits.isEmpty, let fraction = Int64(digits) else { return nil }
                var scale: Int64 = 1
                for _ in digits.count..<9 { scale *= 10 }
                nanos += fraction * scale
            }
        }
        return nanos
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }
}
