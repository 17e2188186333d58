import InquestCore

/// Follows any number of series sample by sample — one ``AnomalyDetector`` and one
/// ``AnomalyEventizer`` per ``MetricSeriesKey`` — and reports anomaly episodes as they close.
///
/// This is the streaming form the metric connectors use; ``AnomalyEpisodeDetection`` runs it over a
/// whole batch. It is `Codable`, so a feed can store it with its checkpoint and resume after a restart
/// with exactly the scores it would have produced without one.
public struct MetricAnomalyTracker: Sendable, Codable {
    /// Detector settings for every series.
    public let detectorConfiguration: AnomalyDetector.Configuration
    /// Eventizer thresholds for every series.
    public let eventizerConfiguration: AnomalyEventizer.Configuration
    private var detectors: [MetricSeriesKey: AnomalyDetector] = [:]
    private var eventizers: [MetricSeriesKey: AnomalyEventizer] = [:]
    /// Series in order of first appearance, so ``finish()`` is deterministic.
    private var order: [MetricSeriesKey] = []

    /// Creates a tracker with no series yet.
    public init(
        detector: AnomalyDetector.Configuration = .standard, eventizer: AnomalyEventizer.Configuration = .standard
    ) {
        detectorConfiguration = detector
        eventizerConfiguration = eventizer
    }

    /// The series seen so far, in order of first appearance.
    public var seriesKeys: [MetricSeriesKey] { order }

    /// Episodes still open, in order of their series' first appearance.
    public var openEpisodes: [AnomalyEpisode] { order.compactMap { key in eventizers[key]?.openEpisode } }

    /// Scores `sample` against its own series' history; returns the assessment and the episode this
    /// sample closed, if any.
    public mutating func observe(_ sample: MetricSample) -> (assessment: AnomalyAssessment, closed: AnomalyEpisode?) {
        let key = MetricSeriesKey(sample)
        if detectors[key] == nil {
            detectors[key] = AnomalyDetector(configuration: detectorConfiguration)
            eventizers[key] = AnomalyEventizer(key: key, configuration: eventizerConfiguration)
            order.append(key)
        }
        let assessment = detectors[key]?.assess(timestamp: sample.timestamp, value: sample.value)
            ?? AnomalyAssessment(score: 0, baseline: .nan, deviation: 0)
        let closed = eventizers[key]?.observe(timestamp: sample.timestamp, value: sample.value, assessment: assessment)
        return (assessment, closed)
    }

    /// Closes every open episode (end of data, or a feed stopping) and returns them.
    public mutating func finish() -> [AnomalyEpisode] {
        order.compactMap { key in eventizers[key]?.finish() }
    }
}
