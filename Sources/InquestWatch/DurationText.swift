import Foundation

/// Durations as written in the watch config: `250ms`, `5s`, `2m`, `1h`, or a bare number of seconds.
enum DurationText {
    static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(suffix: String, nanoseconds: Double)] = [("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            guard let number = Double(trimmed.dropLast(unit.suffix.count)), number >= 0, number.isFinite else { return nil }
            return .nanoseconds(Int64(number * unit.nanoseconds))
        }
        guard let seconds = Double(trimmed), seconds >= 0, seconds.isFinite else { return nil }
        return .nanoseconds(Int64(seconds * 1e9))
    }
}
