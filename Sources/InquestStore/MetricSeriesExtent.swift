import GRDB

/// What a batch of new samples adds to a series' stored extent (`metric_series.sample_count`,
/// `first_ts`, `last_ts`, `min_value`, `max_value`, migration `v25-series-extent`): gathered in
/// Swift over the batch, written with one update per series.
struct MetricSeriesExtent: Sendable, Equatable {
    var count = 0
    var first = Int64.max
    var last = Int64.min
    /// The smallest and largest value, gaps (NaN) left out; nil while every sample was a gap.
    var minimum: Double?
    var maximum: Double?

    mutating func add(time: Int64, value: Double) {
        count += 1
        first = min(first, time)
        last = max(last, time)
        guard !value.isNaN else { return }
        minimum = Swift.min(minimum ?? value, value)
        maximum = Swift.max(maximum ?? value, value)
    }

    /// `widenSQL`'s arguments: count, first, last, minimum, maximum, series id.
    func arguments(series: Int64) -> StatementArguments {
        StatementArguments([
            count.databaseValue, first.databaseValue, last.databaseValue, minimum.databaseValue,
            maximum.databaseValue, series.databaseValue,
        ])
    }

    /// Adds the count and widens the extent; a NULL (a series with no value yet) takes the batch's.
    static let widenSQL = """
        UPDATE metric_series SET
          sample_count = sample_count + ?1,
          first_ts = CASE WHEN first_ts IS NULL OR first_ts > ?2 THEN ?2 ELSE first_ts END,
          last_ts = CASE WHEN last_ts IS NULL OR last_ts < ?3 THEN ?3 ELSE last_ts END,
          min_value = CASE WHEN ?4 IS NULL THEN min_value WHEN min_value IS NULL OR min_value > ?4 THEN ?4 ELSE min_value END,
          max_value = CASE WHEN ?5 IS NULL THEN max_value WHEN max_value IS NULL OR max_value < ?5 THEN ?5 ELSE max_value END
        WHERE id = ?6
        """
}
