import ArgumentParser
import Foundation

/// A `--context` value: `0`, `30s`, `5m`, `2h` (one number and a unit), in nanoseconds.
struct ContextDuration: ExpressibleByArgument {
    let nanoseconds: Int64

    init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    var defaultValueDescription: String {
        nanoseconds % 60_000_000_000 == 0 ? "\(nanoseconds / 60_000_000_000)m" : "\(nanoseconds / 1_000_000_000)s"
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "0" {
            nanoseconds = 0
            return
        }
        guard let unit = text.last, let amount = Int64(text.dropLast()), amount >= 0 else { return nil }
        let seconds: Int64
        switch unit {
        case "s": seconds = 1
        case "m": seconds = 60
        case "h": seconds = 3_600
        case "d": seconds = 86_400
        default: return nil
        }
        let (value, overflow) = amount.multipliedReportingOverflow(by: seconds * 1_000_000_000)
        guard !overflow else { return nil }
        nanoseconds = value
    }
}
