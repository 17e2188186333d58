import InquestCore

/// The metadata a Prometheus or OpenMetrics exposition gives a metric family
/// (`# HELP`, `# TYPE`, `# UNIT`).
public struct MetricFamily: Sendable, Hashable {
    /// The declared type of a family.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case counter, gauge, histogram, summary, untyped, unknown, gaugehistogram, stateset, info
    }

    /// The family name as written after `# TYPE` / `# HELP` (without `_bucket`, `_sum`... suffixes).
    public var name: String
    /// The declared type; `.untyped` when the family had only `# HELP` or only samples.
    public var kind: Kind
    /// The `# HELP` text with escapes resolved, if any.
    public var help: String?
    /// The OpenMetrics `# UNIT`, if any.
    public var unit: String?

    /// Creates a family description.
    public init(name: String, kind: Kind = .untyped, help: String? = nil, unit: String? = nil) {
        self.name = name
        self.kind = kind
        self.help = help
        self.unit = unit
    }
}

/// Everything read from one exposition: families in order of first mention, samples in
/// input order, and located errors for the lines that could not be read.
public struct PrometheusExposition: Sendable, Hashable {
    /// Families in the order their `# HELP`/`# TYPE` first appeared.
    public var families: [MetricFamily]
    /// Samples in input order.
    public var samples: [MetricSample]
    /// One error per unreadable line.
    public var errors: [ParseError]
    /// True when the text was OpenMetrics (it ended with `# EOF`): timestamps are then seconds.
    public var isOpenMetrics: Bool
}
