/// The recent durations of one (service, operation), with their median and MAD.
///
/// Keeps the last `capacity` durations in a ring; statistics are computed on demand by
/// sorting a copy (capacity is small, a few hundred).
struct SpanLatencyBaseline: Sendable {
    private var ring: [Int64] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// How many durations the baseline holds (at most `capacity`).
    var count: Int { ring.count }

    mutating func add(_ duration: Int64) {
        if ring.count < capacity {
            ring.append(duration)
        } else {
            ring[next] = duration
        }
        next = (next + 1) % capacity
    }

    /// The median and the median absolute deviation of the held durations, in nanoseconds.
    func statistics() -> (median: Double, mad: Double)? {
        guard !ring.isEmpty else { return nil }
        let median = Self.median(ring.map(Double.init))
        let deviations = ring.map { abs(Double($0) - median) }
        return (median, Self.median(deviations))
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
