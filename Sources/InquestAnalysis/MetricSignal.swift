import InquestCore
import InquestParsers
import InquestStore

/// Each service's metric series, window against the series' own baseline, scored by the
/// anomaly detector (``AnomalyDetector``) started on the baseline's samples: the service's
/// score is its most anomalous series' score (in [0, 1]).
///
/// Only series that say what an on-call engineer reads first — CPU, memory, latency, errors
/// and success rate (by words in the name) — count, and not those describing the node a pod
/// runs on (names starting `node`): those move with every pod on the node. Nor do series measured
/// on the client side (names with `client`): a pod's client latency or errors are those of the
/// calls it makes, so they rise with its callees' trouble — as a caller's span time does, which
/// the span signal excludes for the same reason (own time).
enum MetricSignal {
    /// The detector's setting here: a short baseline is enough (5 samples), the spread never
    /// counts below a fifth of the level (so a flat series that wiggles is no anomaly), and a
    /// deviation of 10 spreads scores one half.
    static let detector = AnomalyDetector.Configuration(
        window: 1_440, warmUp: 5, halfScoreDeviation: 10, relativeScaleFloor: 0.2, tailFraction: 0)
    /// Words in a series name that make it count.
    static let kinds = ["cpu", "mem", "latency", "duration", "error", "fail", "success"]
    /// Findings below this score (a deviation under 10 spreads) are no finding.
    static let evidenceScore = 0.5

    static func analyse(store: InquestStore, incident: IncidentWindow) throws -> [String: ServiceSignal] {
        var signals: [String: ServiceSignal] = [:]
        for series in try store.seriesList().sorted(by: { $0.id < $1.id }) {
            guard let service = MetricSeriesService.service(labels: series.labels), counts(series.name) else { continue }
            let samples = try store.samples(series: series.id, range: incident.baseline.lowerBound..<incident.window.upperBound)
            guard let finding = assess(samples, incident: incident) else { continue }
            guard finding.score >= evidenceScore else { continue }
            var signal = signals[service, default: ServiceSignal()]
            do {
                signal.add(SuspectEvidence(
                    kind: .metric,
                    summary: "\(series.name) \(format(finding.baseline)) → \(format(finding.value)) at \(TimestampFormatter.clock(finding.at, milliseconds: false)) (\(format(finding.deviation))× its spread)",
                    filter: EvidenceFilter.make(service: service, source: .metric, range: incident.window),
                    before: finding.baseline, after: finding.value, at: finding.at, contribution: finding.score))
            }
            signals[service] = signal
        }
        return signals
    }

    static func counts(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return !lowered.hasPrefix("node") && !lowered.contains("client") && kinds.contains { lowered.contains($0) }
    }

    struct Finding { var score: Double; var baseline: Double; var value: Double; var deviation: Double; var at: Timestamp }

    /// The most anomalous sample of the window, after learning the baseline's samples.
    static func assess(_ samples: [StoredSample], incident: IncidentWindow) -> Finding? {
        var detector = AnomalyDetector(configuration: detector)
        var learnt = 0
        var best: Finding?
        for sample in samples where sample.value.isFinite {
            let assessment = detector.assess(timestamp: sample.timestamp, value: sample.value)
            if sample.timestamp < incident.time { learnt += 1; continue }
            guard learnt >= detector.configuration.warmUp else { return nil }
            if assessment.score > (best?.score ?? -1) {
                best = Finding(
                    score: assessment.score, baseline: assessment.baseline, value: sample.value,
                    deviation: assessment.deviation, at: sample.timestamp)
            }
        }
        return best
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let magnitude = abs(value)
        if magnitude >= 100 { return String(Int(value.rounded())) }
        if magnitude >= 1 { return String(Double(Int(value * 10)) / 10) }
        if magnitude == 0 { return "0" }
        return String(Double(Int(value * 1000)) / 1000)
    }
}
