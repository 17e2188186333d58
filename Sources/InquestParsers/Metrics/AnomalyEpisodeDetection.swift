import InquestCore

/// Runs the detector and the eventizer over a whole batch of samples: the one call the evaluation
/// and one-off ingest use to turn samples into episodes (live feeds use ``MetricAnomalyTracker``).
public enum AnomalyEpisodeDetection {
    /// The episodes of every series in `samples` (each series scored in the order given), sorted by
    /// start, plus each sample's score in input order.
    public static func run(
        _ samples: [MetricSample],
        detector: AnomalyDetector.Configuration = .standard,
        eventizer: AnomalyEventizer.Configuration = .standard
    ) -> (episodes: [AnomalyEpisode], scores: [Double]) {
        var tracker = MetricAnomalyTracker(detector: detector, eventizer: eventizer)
        var episodes: [AnomalyEpisode] = []
        var scores: [Double] = []
        scores.reserveCapacity(samples.count)
        for sample in samples {
            let (assessment, closed) = tracker.observe(sample)
            scores.append(assessment.score)
            if let closed { episodes.append(closed) }
        }
        episodes.append(contentsOf: tracker.finish())
        return (episodes.sorted { $0.start < $1.start }, scores)
    }
}
