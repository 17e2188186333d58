import Testing

/// The parent suite of the metrics parser and anomaly detector tests, so `swift test --filter Metrics`
/// selects exactly them.
@Suite("Metrics") enum MetricsTests {}
