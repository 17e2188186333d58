import InquestCore

/// Runs the detector and the eventizer over a whole series: the one call the connectors and the
/// evaluation use to turn samples into episodes.
public enum AnomalyEpisodeDetection {
    /// The episodes of each series in `samples` (grouped by series name and labels, in time order
    /// as given), plus each sample's score in input order.
    public static func run(
        _ samples: [MetricSample],
        detector: AnomalyDetector.Configuration = .standard,
        eventizer: AnomalyEventizer.Configuration = .standard
    ) -> (episodes: [AnomalyEpisode], scores: [Double]) {
        var detectors: [SeriesKey: AnomalyDetector] = [:]
        var eventizers: [SeriesKey: AnomalyEventizer] = [:]
        var order: [SeriesKey] = []
        var episodes: [AnomalyEpisode] = []
        var scores: [Double] = []
        scores.reserveCapacity(samples.count)
        for sample in samples {
            let key = SeriesKey(series: sample.series, labels: sample.labels)
            if detectors[key] == nil {
                detectors[key] = AnomalyDetector(configuration: detector)
                eventizers[key] = AnomalyEventizer(series: key.displayName, configuration: eventizer)
                order.append(key)
            }
            let assessment = detectors[key]?.assess(timestamp: sample.timestamp, value: sample.value)
                ?? AnomalyAssessment(score: 0, baseline: .nan, deviation: 0)
            scores.append(assessment.score)
            if let closed = eventizers[key]?.observe(timestamp: sample.timestamp, value: sample.value, assessment: assessment) {
                episodes.append(closed)
            }
        }
        for key in order {
            if let open = eventizers[key]?.finish() { episodes.append(open) }
        }
        return (episodes.sorted { $0.start < $1.start }, scores)
    }

    /// A series instance: its name and labels.
    struct SeriesKey: Hashable {
        var series: String
        var labels: [String: String]

        /// `name{a="b",c="d"}` with labels sorted, or just the name.
        var displayName: String {
            guard !labels.isEmpty else { return series }
            let pairs = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }
            return series + "{" + pairs.joined(separator: ",") + "}"
        }
    }
}
