import Foundation

/// Reads durations written like Prometheus does: `90s`, `15m`, `1h`, `2d`, `1w`, `250ms`,
/// combinations (`1h30m`) or a plain number of seconds (`15`, `0.5`).
public enum DurationText {
    /// The duration in seconds; throws ``NetError/invalidArgument(name:value:reason:)`` naming `name`.
    public static func seconds(_ text: String, name: String = "duration") throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Double(trimmed), plain.isFinite, plain >= 0 { return plain }
        var total = 0.0
        var number = ""
        var unit = ""
        var sawAny = false
        func flush() throws {
            guard let value = Double(number), !unit.isEmpty else {
                throw NetError.invalidArgument(name: name, value: text, reason: "write a number and a unit (ms, s, m, h, d, w), e.g. 15s or 1h30m")
            }
            let scale: Double
            switch unit {
            case "ms": scale = 0.001
            case "s": scale = 1
            case "m": scale = 60
            case "h": scale = 3600
            case "d": scale = 86_400
            case "w": scale = 604_800
            default: throw NetError.invalidArgument(name: name, value: text, reason: "unknown unit \(unit.debugDescription); use ms, s, m, h, d or w")
            }
            total += value * scale
            number = ""
            unit = ""
            sawAny = true
        }
        for character in trimmed {
            if character.isNumber || character == "." {
                if !unit.isEmpty { try flush() }
                number.append(character)
            } else {
                unit.append(character)
            }
        }
        try flush()
        guard sawAny, total > 0 else {
            throw NetError.invalidArgument(name: name, value: text, reason: "must be longer than zero")
        }
        return total
    }
}
