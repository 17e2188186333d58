/// A one-line Unicode chart of a ``DensityChart``: one block (▁…█) per bucket, scaled to the
/// peak; an empty bucket is a space so quiet stretches stand out.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The bars of the totals.
    public static func bars(_ chart: DensityChart) -> String {
        let peak = chart.peak
        guard peak > 0 else { return String(repeating: " ", count: chart.buckets.count) }
        return String(chart.buckets.map { bucket -> Character in
            guard bucket.total > 0 else { return " " }
            let level = (bucket.total * (blocks.count - 1) + peak - 1) / peak
            return blocks[min(blocks.count - 1, max(0, level))]
        })
    }

    /// A marker line under the bars: `!` where a bucket has an anomaly, `x` where it has errors.
    public static func markers(_ chart: DensityChart) -> String {
        String(chart.buckets.map { bucket -> Character in
            if bucket.anomalies > 0 { return "!" }
            if bucket.errors > 0 { return "x" }
            return " "
        })
    }
}
