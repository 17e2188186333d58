import Foundation
import InquestCore

extension DurationText {
    /// Seconds of a duration written like Prometheus does (`90s`, `15m`, `1h30m`, `250ms`, or a
    /// plain number of seconds); throws ``NetError/invalidArgument(name:value:reason:)``
    /// naming `name` when it is malformed or not longer than zero.
    public static func seconds(_ text: String, name: String = "duration") throws -> Double {
        guard let nanoseconds = nanoseconds(text, bareNumber: .seconds) else {
            throw NetError.invalidArgument(
                name: name, value: text, reason: "write a number and a unit (ms, s, m, h, d, w), e.g. 15s or 1h30m")
        }
        guard nanoseconds > 0 else {
            throw NetError.invalidArgument(name: name, value: text, reason: "must be longer than zero")
        }
        return Double(nanoseconds) / 1e9
    }
}
