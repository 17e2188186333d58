/// Durations in evidence rows: `850 µs`, `40 ms`, `1.2 s`, `20 s`.
enum DurationFormat {
    static func short(_ nanoseconds: Int64) -> String {
        let value = Double(nanoseconds)
        if value < 1e6 { return "\(Int((value / 1e3).rounded())) µs" }
        if value < 1e9 { return "\(Int((value / 1e6).rounded())) ms" }
        if value < 1e10 { return "\(Double(Int(value / 1e8)) / 10) s" }
        return "\(Int((value / 1e9).rounded())) s"
    }
}
