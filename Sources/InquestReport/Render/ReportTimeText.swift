/// Short human renderings of ``ReportTime``s shared by the Markdown, HTML and PDF renderers.
enum ReportTimeText {
    /// `2026-11-20 10:16:12.000 UTC`.
    static func utc(_ time: ReportTime) -> String {
        time.utc.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
    }

    /// `2026-11-20 10:16:12.000`, for a table column headed UTC.
    static func utcCell(_ time: ReportTime) -> String {
        String(time.utc.replacingOccurrences(of: "T", with: " ").dropLast())
    }

    /// `11:16:12.000 +01:00`, or with the date when it differs from the UTC date.
    static func localCell(_ time: ReportTime) -> String {
        let date = time.local.prefix(10)
        let clock = time.local.dropFirst(11).prefix(12)
        let offset = time.local.suffix(6)
        let prefix = date == time.utc.prefix(10) ? "" : date + " "
        return prefix + clock + " " + offset
    }

    /// `2026-11-20 10:16:12 UTC (11:16:12 +01:00 Europe/Berlin)`.
    static func both(_ time: ReportTime, zone: ReportZone) -> String {
        utc(time) + " (" + localCell(time) + " " + zone.identifier + ")"
    }

    /// `1 min`, `30 s`, `2 h`, `250 ms` for a bucket width.
    static func duration(nanoseconds: Int64) -> String {
        let seconds = Double(nanoseconds) / 1_000_000_000
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 120 { return "\(Int(seconds.rounded())) s" }
        if seconds < 7200 { return "\(Int((seconds / 60).rounded())) min" }
        if seconds < 172_800 { return "\(Int((seconds / 3600).rounded())) h" }
        return "\(Int((seconds / 86400).rounded())) d"
    }
}

/// How a message is shown in timeline rows and footnotes: its first line, at most
/// ``limit`` characters, and how many lines follow (the full text is in the JSON export and the
/// raw record in the appendix). Stack traces would otherwise fill a page per row.
enum MessageSummary {
    static let limit = 240

    static func line(_ message: String) -> String {
        let lines = message.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        var first = String(lines.first ?? "")
        if first.count > limit { first = String(first.prefix(limit)) + "…" }
        let more = lines.dropFirst().filter { !$0.allSatisfy(\.isWhitespace) }.count
        return more > 0 ? first + " (+\(more) line\(more == 1 ? "" : "s"))" : first
    }
}
