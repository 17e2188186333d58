import InquestCore

/// The identity of one series instance: its name and its labels.
public struct MetricSeriesKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The series name.
    public var series: String
    /// The labels that tell instances of the series apart.
    public var labels: [String: String]

    /// Creates a key.
    public init(series: String, labels: [String: String] = [:]) {
        self.series = series
        self.labels = labels
    }

    /// The key of a sample.
    public init(_ sample: MetricSample) {
        self.init(series: sample.series, labels: sample.labels)
    }

    /// `name{a="b",c="d"}` with labels sorted by name (quotes and backslashes escaped), or just the name.
    public var description: String { Self.describe(series, labels) }

    /// The description without the ``MetricSeriesService/labelKey`` label: how an episode names
    /// its series, since its event carries the service as its own field.
    public var displayName: String { Self.describe(series, labels.filter { $0.key != MetricSeriesService.labelKey }) }

    private static func describe(_ series: String, _ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return series }
        let pairs = labels.sorted { $0.key < $1.key }.map { pair -> String in
            var value = ""
            for character in pair.value {
                switch character {
                case "\\": value += "\\\\"
                case "\"": value += "\\\""
                case "\n": value += "\\n"
                default: value.append(character)
                }
            }
            return pair.key + "=\"" + value + "\""
        }
        return series + "{" + pairs.joined(separator: ",") + "}"
    }
}
