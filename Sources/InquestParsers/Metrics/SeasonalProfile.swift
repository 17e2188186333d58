import InquestCore

/// A same-time-of-period baseline: for a period (a day, a week) split into buckets, the values
/// seen in each bucket over the last few periods, and a rolling window of the residuals
/// (value − bucket median) that measures how well the profile explains the series.
struct SeasonalProfile: Sendable, Hashable, Codable {
    /// The period in nanoseconds.
    let period: Int64
    let bucketCount: Int
    /// Bucket entries older than this many periods are forgotten.
    let periodsRemembered: Int64
    /// A bucket needs this many entries before it gives an expectation.
    let minimumBucketEntries: Int
    private var buckets: [SeasonalBucket]
    /// Residuals of values against the bucket median they were expected at. Not kept in order
    /// until the detector first reads it (``RollingRobustWindow/order()``): a weekly profile's
    /// are only read after three weeks.
    var residuals: RollingRobustWindow
    /// What ``prepare(at:)`` expected for the value about to be recorded (kept here so scoring a
    /// value allocates nothing).
    private(set) var pendingExpectation: Double?
    /// The bucket and the forgetting horizon ``prepare(at:)`` computed for that value.
    private var pendingBucket = 0
    private var pendingHorizon = Int64.min

    init(periodSeconds: Int64, bucketCount: Int, periodsRemembered: Int, minimumBucketEntries: Int, residualWindow: Int) {
        period = periodSeconds * 1_000_000_000
        self.bucketCount = max(1, bucketCount)
        self.periodsRemembered = Int64(max(1, periodsRemembered))
        self.minimumBucketEntries = max(1, minimumBucketEntries)
        buckets = Array(repeating: SeasonalBucket(), count: self.bucketCount)
        residuals = RollingRobustWindow(capacity: residualWindow, ordered: false)
    }

    private enum CodingKeys: String, CodingKey {
        case period, bucketCount, periodsRemembered, minimumBucketEntries, buckets, residuals, pendingExpectation
    }

    /// The bucket of a time: its offset within the period, in `bucketCount` slices (UTC-aligned).
    func bucket(of timestamp: Timestamp) -> Int {
        var phase = timestamp.nanoseconds % period
        if phase < 0 { phase += period }
        return min(bucketCount - 1, Int(phase / (period / Int64(bucketCount))))
    }

    /// The median of the recent values seen at this time of period, if the bucket has enough.
    /// Values older than ``periodsRemembered`` periods before `timestamp` are forgotten first (as
    /// ``record(_:at:expected:)`` at the same time would), so only the recent ones count.
    mutating func expected(at timestamp: Timestamp) -> Double? {
        expected(inBucket: bucket(of: timestamp), horizon: horizon(of: timestamp))
    }

    private mutating func expected(inBucket index: Int, horizon: Int64) -> Double? {
        buckets[index].forget(before: horizon)
        guard buckets[index].count >= minimumBucketEntries else { return nil }
        return buckets[index].median
    }

    /// Computes and keeps the expectation at `timestamp` (``pendingExpectation``) for the value
    /// ``recordPending(_:)`` will learn next.
    mutating func prepare(at timestamp: Timestamp) {
        pendingBucket = bucket(of: timestamp)
        pendingHorizon = horizon(of: timestamp)
        pendingExpectation = expected(inBucket: pendingBucket, horizon: pendingHorizon)
    }

    /// Remembers a value at the time ``prepare(at:)`` was given, against the expectation it kept
    /// (the bucket has already forgotten what that time forgets).
    mutating func recordPending(_ value: Double, at timestamp: Timestamp) {
        if let pendingExpectation { residuals.append(value - pendingExpectation) }
        buckets[pendingBucket].insert(value, time: timestamp.nanoseconds)
        (pendingExpectation, pendingBucket, pendingHorizon) = (nil, 0, .min)
    }

    /// Remembers a value (and its residual against `expected`, when there was one).
    mutating func record(_ value: Double, at timestamp: Timestamp, expected: Double?) {
        if let expected { residuals.append(value - expected) }
        let index = bucket(of: timestamp)
        buckets[index].forget(before: horizon(of: timestamp))
        buckets[index].insert(value, time: timestamp.nanoseconds)
    }

    /// The earliest time still remembered at `timestamp`: ``periodsRemembered`` periods before it.
    private func horizon(of timestamp: Timestamp) -> Int64 {
        timestamp.nanoseconds.addingSaturating(-(period * periodsRemembered))
    }
}
