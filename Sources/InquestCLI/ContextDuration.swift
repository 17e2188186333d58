import ArgumentParser
import Foundation
import InquestCore

/// A `--context` value: `0`, `30s`, `5m`, `2h`, `1h30m` (``DurationText``), in nanoseconds.
struct ContextDuration: ExpressibleByArgument {
    let nanoseconds: Int64

    init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    var defaultValueDescription: String {
        nanoseconds % 60_000_000_000 == 0 ? "\(nanoseconds / 60_000_000_000)m" : "\(nanoseconds / 1_000_000_000)s"
    }

    init?(argument: String) {
        // A bare number is refused except 0 (no context): `5` could mean seconds or minutes.
        let text = argument.trimmingCharacters(in: .whitespaces)
        guard let value = text == "0" ? 0 : DurationText.nanoseconds(text, bareNumber: .rejected, fractions: false) else {
            return nil
        }
        nanoseconds = value
    }
}
