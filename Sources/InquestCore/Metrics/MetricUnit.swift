/// The unit a series name states, for chart axes: a trailing parenthesised unit as in
/// `CpuUsage(m)`, `PodClientLatencyP99(s)`, `MemoryUsage(Mi)`, `SuccessRate(%)`, or a
/// Prometheus base-unit suffix (`_seconds` → `s`, `_bytes` → `B`, `_percent` → `%`,
/// `_milliseconds`/`_ms` → `ms`; a `_total`, `_sum`, `_count`, `_bucket` after it is looked
/// past). Nil when the name states none.
public enum MetricUnit {
    /// The unit of `name`, or nil.
    public static func of(_ name: String) -> String? {
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let unit = name[name.index(after: open)..<name.index(before: name.endIndex)]
            if !unit.isEmpty && unit.count <= 8 && !unit.contains(" ") { return String(unit) }
            return nil
        }
        var words = name.lowercased().split(separator: "_")
        if let last = words.last, ["total", "sum", "count", "bucket"].contains(last) { words.removeLast() }
        guard words.count >= 2, let last = words.last else { return nil }
        return suffixes[String(last)]
    }

    private static let suffixes: [String: String] = [
        "seconds": "s", "milliseconds": "ms", "ms": "ms", "microseconds": "µs", "bytes": "B", "percent": "%",
        "celsius": "°C", "volts": "V", "joules": "J", "meters": "m",
    ]
}
