import InquestCore

/// Turns a stream of scores into anomaly episodes with hysteresis, so one excursion makes one event.
///
/// An episode opens when a score reaches ``Configuration/high``; it stays open while scores stay
/// above ``Configuration/low``, and closes after ``Configuration/quietPoints`` consecutive values
/// below ``Configuration/low`` (gaps neither extend nor close it). Scores between the two
/// thresholds neither open a new episode nor end the current one. An episode that has lasted
/// ``Configuration/maximumPoints`` values is closed anyway, so a series that keeps misbehaving
/// yields one episode per such stretch instead of one that never ends.
public struct AnomalyEventizer: Sendable, Codable {
    /// Thresholds of the hysteresis.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Score that opens an episode.
        public var high: Double
        /// Score below which a value counts towards closing the episode.
        public var low: Double
        /// Consecutive values below ``low`` that close the episode.
        public var quietPoints: Int
        /// Values after which an open episode is closed even if scores stay high.
        public var maximumPoints: Int

        /// Creates thresholds; the defaults are the global setting reported in EVALUATION.md.
        public init(high: Double = 0.8, low: Double = 0.5, quietPoints: Int = 48, maximumPoints: Int = 288) {
            self.high = high
            self.low = min(low, high)
            self.quietPoints = max(1, quietPoints)
            self.maximumPoints = max(1, maximumPoints)
        }

        /// The global default.
        public static let standard = Configuration()
    }

    /// The series name written into episodes.
    public let series: String
    /// The series identity written into episodes, when known.
    public let key: MetricSeriesKey?
    /// The thresholds.
    public let configuration: Configuration
    /// The episode under way, if any.
    public private(set) var openEpisode: AnomalyEpisode?
    private var quietCount = 0
    private var openPoints = 0

    /// Creates an eventizer for one series.
    public init(series: String, configuration: Configuration = .standard) {
        self.series = series
        key = nil
        self.configuration = configuration
    }

    /// Creates an eventizer for the series `key`: its episodes carry the key and are named after it.
    public init(key: MetricSeriesKey, configuration: Configuration = .standard) {
        series = key.displayName
        self.key = key
        self.configuration = configuration
    }

    /// Feeds one assessed value; returns the episode this value closed, if any. The hysteresis follows
    /// the assessment's undamped ``AnomalyAssessment/level``, so an excursion lasts as long as the
    /// values stay off their baseline.
    public mutating func observe(timestamp: Timestamp, value: Double, assessment: AnomalyAssessment) -> AnomalyEpisode? {
        guard value.isFinite else { return nil }
        let score = assessment.level
        guard var episode = openEpisode else {
            if score >= configuration.high {
                openEpisode = AnomalyEpisode(
                    series: series, key: key, start: timestamp, end: timestamp, peakScore: score, peakValue: value,
                    baseline: assessment.baseline)
                quietCount = 0
                openPoints = 1
            }
            return nil
        }
        openPoints += 1
        if score >= configuration.low {
            quietCount = 0
            episode.end = timestamp
            if score > episode.peakScore {
                episode.peakScore = score
                episode.peakValue = value
                episode.baseline = assessment.baseline
            }
            openEpisode = episode
        } else {
            quietCount += 1
        }
        guard quietCount >= configuration.quietPoints || openPoints >= configuration.maximumPoints else { return nil }
        openEpisode = nil
        quietCount = 0
        return episode
    }

    /// Closes and returns the open episode at the end of the data (or when a feed stops).
    public mutating func finish() -> AnomalyEpisode? {
        defer { openEpisode = nil; quietCount = 0 }
        return openEpisode
    }
}
