import Foundation
import InquestCore

/// One metric sample to store compactly: which series (name + labels), when, and the value.
/// `NaN` (a gap) is stored as a missing value and read back as `NaN`.
public struct MetricPoint: Sendable, Hashable {
    /// The series name (`http_requests_total`, a CSV column header).
    public var name: String
    /// The labels telling instances of the series apart; empty when none.
    public var labels: [String: String]
    /// When the value was observed, UTC.
    public var timestamp: Timestamp
    /// The value; `NaN` marks a gap.
    public var value: Double

    /// Creates a point.
    public init(name: String, labels: [String: String] = [:], timestamp: Timestamp, value: Double) {
        self.name = name
        self.labels = labels
        self.timestamp = timestamp
        self.value = value
    }

    /// The labels as canonical JSON text (keys sorted, no whitespace): the form the store keys series by.
    public static func labelsJSON(_ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return "{}" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(labels)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
