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

/// One stored series with its extent (see ``InquestStore/seriesList()``).
public struct MetricSeriesInfo: Sendable, Hashable {
    /// The store's id of the series (stable for the life of the database).
    public var id: Int64
    /// The series name.
    public var name: String
    /// The series labels.
    public var labels: [String: String]
    /// Number of stored samples.
    public var sampleCount: Int
    /// Time of the first and last stored sample (nil when the series has none).
    public var first: Timestamp?
    public var last: Timestamp?

    /// Creates a description.
    public init(id: Int64, name: String, labels: [String: String], sampleCount: Int, first: Timestamp?, last: Timestamp?) {
        self.id = id
        self.name = name
        self.labels = labels
        self.sampleCount = sampleCount
        self.first = first
        self.last = last
    }
}

/// One stored sample of a series, read back by ``InquestStore/samples(series:range:)``.
public struct StoredSample: Sendable, Hashable {
    /// When the value was observed.
    public var timestamp: Timestamp
    /// The value; `NaN` for a gap.
    public var value: Double

    /// Creates a sample.
    public init(timestamp: Timestamp, value: Double) {
        self.timestamp = timestamp
        self.value = value
    }
}
