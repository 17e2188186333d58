import InquestCore
import InquestText

/// Feed health as aligned text rows, for `inquest status` and the canvas's health overlay.
/// Untrusted text (names, last errors) is sanitised; a row not refreshed for a while is marked
/// stale, since a watcher killed with SIGKILL cannot mark its feeds stopped.
public enum FeedHealthTable {
    /// Rows older than this are shown as stale.
    public static let staleAfterSeconds: Int64 = 10

    /// The header and one line per feed, columns padded by display width. `compact` keeps what
    /// an on-call engineer needs first on a narrow screen: feed, state, last success, lag,
    /// errors, dead letters and the last error.
    public static func rows(_ health: [FeedHealth], now: Timestamp, compact: Bool = false) -> [String] {
        let header = compact
            ? ["FEED", "STATE", "LAST OK", "LAG", "ERR", "DLQ", "LAST ERROR"]
            : ["FEED", "KIND", "STATE", "CIRCUIT", "LAST OK", "LAG", "EV/S", "EVENTS", "ERRORS", "DLQ", "LAST ERROR"]
        var table = [header]
        for row in health {
            let lastOK = row.lastSuccess.map { age(from: $0, to: now) } ?? "never"
            let lastError = row.lastError.map { TextSanitizer.singleLine($0) } ?? "-"
            let feed = TextSanitizer.singleLine(row.feed)
            table.append(compact
                ? [feed, state(row, now: now), lastOK, lag(row), String(row.errorCount), String(row.deadLetterCount), lastError]
                : [feed, TextSanitizer.singleLine(row.kind), state(row, now: now), row.circuit, lastOK, lag(row),
                   String(Int(row.eventsPerSecond.rounded())), String(row.eventsTotal), String(row.errorCount),
                   String(row.deadLetterCount), lastError])
        }
        let widths = header.indices.map { column in table.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return table.map { cells in
            cells.indices.map { column in
                column == cells.count - 1 ? cells[column] : DisplayWidth.pad(cells[column], to: widths[column])
            }.joined(separator: "  ")
        }
    }

    /// The state, or `stale (Ns)` when the watcher stopped refreshing the row.
    public static func state(_ row: FeedHealth, now: Timestamp) -> String {
        let seconds = (now.nanoseconds - row.updatedAt.nanoseconds) / 1_000_000_000
        if row.state != .stopped, seconds > staleAfterSeconds { return "stale (\(row.state.rawValue), \(seconds)s)" }
        return row.state.rawValue
    }

    static func age(from time: Timestamp, to now: Timestamp) -> String {
        let seconds = max(0, (now.nanoseconds - time.nanoseconds) / 1_000_000_000)
        if seconds < 60 { return "\(seconds)s ago" }
        if seconds < 3600 { return "\(seconds / 60)m ago" }
        if seconds < 86_400 { return "\(seconds / 3600)h ago" }
        return "\(seconds / 86_400)d ago"
    }

    static func lag(_ row: FeedHealth) -> String {
        guard let lag = row.lag else { return "-" }
        switch row.lagUnit {
        case "bytes":
            if lag < 1024 { return "\(Int(lag)) B" }
            if lag < 1024 * 1024 { return "\(Int(lag / 1024)) KiB" }
            return "\(Int(lag / 1024 / 1024)) MiB"
        default:
            return "\(Int(lag.rounded()))s"
        }
    }
}
