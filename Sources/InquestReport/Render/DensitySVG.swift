/// The density chart as a standalone SVG: one bar per bucket (errors stacked in red at the
/// bottom), a triangle over each bucket with a metric anomaly, the peak on the left axis and the
/// window's start and end (UTC) under it. No scripts, fonts or external references.
public enum DensitySVG {
    static let width = 960
    static let height = 200
    static let left = 44
    static let right = 12
    static let top = 22
    static let bottom = 40

    /// The chart as SVG text, or nil when the chart has no buckets.
    public static func render(_ chart: DensityChart, windowEnd: ReportTime?, standalone: Bool) -> String? {
        guard !chart.buckets.isEmpty, let first = chart.buckets.first else { return nil }
        let plotWidth = Double(width - left - right)
        let plotHeight = Double(height - top - bottom)
        let barWidth = plotWidth / Double(chart.buckets.count)
        let peak = max(1, chart.peak)
        var parts: [String] = []
        let namespace = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
        parts.append("<svg\(namespace) class=\"density\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" "
            + "aria-label=\"Event density: \(chart.buckets.map(\.total).reduce(0, +)) events, peak \(chart.peak) per bucket\">")
        parts.append("<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>")
        let baseline = Double(top) + plotHeight
        parts.append("<line x1=\"\(left)\" y1=\"\(fmt(baseline))\" x2=\"\(width - right)\" y2=\"\(fmt(baseline))\" stroke=\"#888\" stroke-width=\"1\"/>")
        parts.append("<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(fmt(baseline))\" stroke=\"#888\" stroke-width=\"1\"/>")
        for (index, bucket) in chart.buckets.enumerated() where bucket.total > 0 {
            let x = Double(left) + Double(index) * barWidth + barWidth * 0.1
            let w = max(1, barWidth * 0.8)
            let h = plotHeight * Double(bucket.total) / Double(peak)
            let errorHeight = plotHeight * Double(bucket.errors) / Double(peak)
            parts.append("<rect x=\"\(fmt(x))\" y=\"\(fmt(baseline - h))\" width=\"\(fmt(w))\" height=\"\(fmt(h))\" fill=\"#5b8def\">"
                + "<title>\(HTMLText.escape(ReportTimeText.utc(bucket.start))): \(bucket.total) events, \(bucket.errors) errors</title></rect>")
            if bucket.errors > 0 {
                parts.append("<rect x=\"\(fmt(x))\" y=\"\(fmt(baseline - errorHeight))\" width=\"\(fmt(w))\" "
                    + "height=\"\(fmt(errorHeight))\" fill=\"#d93f3f\"/>")
            }
        }
        for (index, bucket) in chart.buckets.enumerated() where bucket.anomalies > 0 {
            let center = Double(left) + (Double(index) + 0.5) * barWidth
            let apex = Double(top) - 14
            parts.append("<path d=\"M\(fmt(center - 6)) \(fmt(apex)) L\(fmt(center + 6)) \(fmt(apex)) L\(fmt(center)) \(fmt(apex + 10)) Z\" "
                + "fill=\"#e69500\"><title>\(bucket.anomalies) metric anomal\(bucket.anomalies == 1 ? "y" : "ies")</title></path>")
        }
        let label = "font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\""
        parts.append("<text x=\"\(left - 6)\" y=\"\(top + 10)\" text-anchor=\"end\" \(label)>\(peak)</text>")
        parts.append("<text x=\"\(left - 6)\" y=\"\(fmt(baseline))\" text-anchor=\"end\" \(label)>0</text>")
        parts.append("<text x=\"\(left)\" y=\"\(fmt(baseline + 16))\" \(label)>\(HTMLText.escape(ReportTimeText.utc(first.start)))</text>")
        if let windowEnd {
            parts.append("<text x=\"\(width - right)\" y=\"\(fmt(baseline + 16))\" text-anchor=\"end\" \(label)>"
                + "\(HTMLText.escape(ReportTimeText.utc(windowEnd)))</text>")
        }
        let legendY = fmt(baseline + 33)
        parts.append("<rect x=\"\(left)\" y=\"\(fmt(baseline + 24))\" width=\"10\" height=\"10\" fill=\"#5b8def\"/>"
            + "<text x=\"\(left + 14)\" y=\"\(legendY)\" \(label)>events per \(ReportTimeText.duration(nanoseconds: chart.bucketWidthNs))</text>")
        parts.append("<rect x=\"\(left + 170)\" y=\"\(fmt(baseline + 24))\" width=\"10\" height=\"10\" fill=\"#d93f3f\"/>"
            + "<text x=\"\(left + 184)\" y=\"\(legendY)\" \(label)>errors</text>")
        parts.append("<path d=\"M\(left + 250) \(fmt(baseline + 24)) L\(left + 262) \(fmt(baseline + 24)) L\(left + 256) \(fmt(baseline + 34)) Z\" fill=\"#e69500\"/>"
            + "<text x=\"\(left + 268)\" y=\"\(legendY)\" \(label)>metric anomaly</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

    /// A coordinate with at most one decimal, no locale.
    static func fmt(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
