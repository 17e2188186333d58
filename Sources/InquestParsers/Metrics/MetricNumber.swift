/// Reads metric values as Prometheus and CSV files write them.
enum MetricNumber {
    /// Parses a decimal or scientific number, `NaN`, `Inf`, `+Inf`, `-Inf` (case-insensitive
    /// for the words, as Prometheus accepts). Returns nil for anything else, including empty text.
    static func parse<S: StringProtocol>(_ text: S) -> Double? {
        switch text.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".") || (first >= 48 && first <= 57)
        else { return nil }
        // Double(String) also accepts hex floats and "nan(...)" spellings; reject anything with letters
        // other than the exponent marker so "0x10" or "1e5e" fail loudly.
        for byte in text.utf8 where !(byte >= 48 && byte <= 57) {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return nil
            }
        }
        return Double(String(text))
    }
}
