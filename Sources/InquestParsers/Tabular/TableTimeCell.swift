import InquestCore

/// Reads a table's time cell with the log time scanner (``TimeScanner``: ISO 8601, epoch numbers
/// by magnitude, syslog and access-log shapes, …) and, for what it leaves unread (Go's
/// `2023-01-29 08:41:09.04 +0000 UTC m=+0.11`), the metric timestamp reader.
///
/// ``Shape`` ranks how cleanly a column's cells read, so that of two time columns the cleaner
/// is used: an epoch number (no zone to assume) before a time the scanner reads whole, before
/// one that needed the looser reader.
enum TableTimeCell {
    /// How a cell was read, cleanest first.
    enum Shape: Int, Comparable {
        case epoch
        case whole
        case loose

        static func < (lhs: Shape, rhs: Shape) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The time written in `text` and how it was read; nil when it is no time. A negative epoch
    /// number is no time either: in a log's time column it is a sentinel (Go's zero
    /// `time.Time` gives `-6795364578871345152` nanoseconds), never a date before 1970.
    static func read(_ text: String) -> (time: WrittenTime, shape: Shape)? {
        var text = text
        let scanned: (WrittenTime, Shape)? = text.withUTF8 { b in
            var end = b.count
            while end > 0, ASCII.isSpace(b[end - 1]) { end -= 1 }
            let start = b.skipSpaces(from: 0)
            guard start < end else { return nil }
            guard let (time, after) = TimeScanner.scan(b, at: start, end: end, epoch: true), after == end else { return nil }
            return (time, time.epochNanos != nil ? .epoch : .whole)
        }
        if let scanned { return scanned }
        guard text.first != "-", let timestamp = MetricTimestampParser.parse(text) else { return nil }
        return (WrittenTime(offsetSeconds: 0, epochNanos: timestamp.nanoseconds), .loose)
    }

    /// The worst shape among the non-empty `cells` that read as times, or nil when more than one in
    /// four of them does not (a stray sentinel does not disqualify a column) or all are empty.
    static func shape<S: Sequence>(of cells: S) -> Shape? where S.Element == String {
        var worst: Shape?
        var unread = 0
        var total = 0
        for cell in cells where !cell.isEmpty {
            total += 1
            guard let (_, shape) = read(cell) else {
                unread += 1
                continue
            }
            worst = max(worst ?? shape, shape)
        }
        return unread * 4 > total ? nil : worst
    }
}
