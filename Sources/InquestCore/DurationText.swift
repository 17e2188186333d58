/// Durations as people write them — the one reader behind the filter language (`since:1h30m`),
/// the canvas's time jumps (`@-15m`), `inquest bundle --context`, `--since`/`--step` and the
/// watch config: one or more `<number><unit>` parts, units `ms`, `s`, `m`, `h`, `d`, `w` in
/// any case (`90s`, `1h30m`, `250ms`, `1.5s`). What a bare number means, and whether parts may
/// have fractions, is each caller's rule (``BareNumber``).
public enum DurationText {
    /// What a number without a unit means where the duration is written.
    public enum BareNumber: Sendable {
        /// `15` is 15 seconds (Prometheus, the watch config).
        case seconds
        /// `15` is 15 minutes (the canvas's `@-15`).
        case minutes
        /// A unit is required (the filter language).
        case rejected
    }

    private static let units: [String: Int64] = [
        "ms": 1_000_000, "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
        "d": 86_400_000_000_000, "w": 604_800_000_000_000,
    ]

    /// The duration in nanoseconds; nil when malformed, negative or beyond `Int64`.
    public static func nanoseconds(_ text: String, bareNumber: BareNumber, fractions: Bool = true) -> Int64? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        guard !trimmed.isEmpty else { return nil }
        if trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            switch bareNumber {
            case .seconds: return part(Substring(String(trimmed)), unit: 1_000_000_000, fractions: fractions)
            case .minutes: return part(Substring(String(trimmed)), unit: 60_000_000_000, fractions: fractions)
            case .rejected: return nil
            }
        }
        var total: Int64 = 0
        var number = ""
        var unit = ""
        func flush() -> Bool {
            guard let scale = units[unit.lowercased()], let value = part(Substring(number), unit: scale, fractions: fractions) else {
                return false
            }
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { return false }
            total = sum
            number = ""
            unit = ""
            return true
        }
        for character in trimmed {
            if character.isASCII && (character.isNumber || character == ".") {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else {
                unit.append(character)
            }
        }
        return flush() ? total : nil
    }

    /// `number` (digits, or digits with one `.` when `fractions`) times `unit` nanoseconds.
    private static func part(_ number: Substring, unit: Int64, fractions: Bool) -> Int64? {
        guard !number.isEmpty else { return nil }
        if !number.contains(".") {
            guard let value = Int64(number) else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: unit)
            return overflow ? nil : product
        }
        guard fractions, let value = Double(number), value.isFinite else { return nil }
        let product = (value * Double(unit)).rounded()
        guard product >= 0, product < 9.2e18 else { return nil }
        return Int64(product)
    }
}
