/// Guesses a stream's format from a sample of its first bytes (at most 64 KiB are read).
///
/// Every non-blank line of the sample votes for each format it parses as (strictly: a syslog
/// vote needs `<PRI>` or a month name first, or an ISO time followed by `host tag[pid]:`; a logfmt vote needs `key=value` as the first word
/// and two pairs). Lines inside a multi-line JSON object vote JSON, and lines after a log4j
/// header that match no format (stack traces) vote log4j, as long as headers are at least 10% of
/// the lines (so one dated line does not fold a prose file into a single record). The format with
/// the most votes wins if it has at least 30% of the lines (ties: json, syslog, access, logfmt,
/// log4j); otherwise the sample is plain text. The last line is ignored when the sample was cut
/// mid-line.
public enum LogFormatDetector {
    /// How many bytes of the sample are looked at.
    public static let sampleLimit = 64 * 1024

    /// The most likely format of a stream whose first bytes are `sample` (only the first
    /// ``sampleLimit`` bytes are read); `.plain` when nothing fits.
    public static func detect(sample: UnsafeRawBufferPointer) -> LogFormat {
        guard let raw = sample.baseAddress else { return .plain }
        let count = min(sample.count, sampleLimit)
        let b = Bytes(start: raw.assumingMemoryBound(to: UInt8.self), count: count)
        let candidates: [LogFormat] = [.json, .syslog, .access, .logfmt, .log4j]
        var votes = [Int](repeating: 0, count: candidates.count)
        var lines = 0
        var start = 0
        var jsonTracker: JSONDepthTracker?
        var afterLog4jHeader = false
        var log4jHeaders = 0
        var jsonInsideLog4j = false
        var lastWasLog4j = false
        while start < count {
            let newline = b.firstIndex(of: ASCII.newline, from: start, to: count)
            // A last line without a newline is cut by the sample limit unless the sample is all there is.
            let truncated = newline == nil && sample.count > count
            if truncated && start > 0 { break }
            var end = newline ?? count
            let next = end + 1
            if end > start, b[end - 1] == ASCII.carriageReturn { end -= 1 }
            let line = b.slice(start, end)
            start = next
            guard !line.isBlank, !W3CFields.isDirective(line) else { continue }
            lines += 1
            if var tracker = jsonTracker {
                tracker.feed(line)
                votes[jsonInsideLog4j ? 4 : 0] += 1
                jsonTracker = tracker.isClosed ? nil : tracker
                continue
            }
            let first = line.skipSpaces(from: 0)
            if line[first] == ASCII.openBrace {
                var scanner = JSONRecordParser()
                do throws(JSONRecordParser.Stop) {
                    try scanner.scan(line)
                    votes[0] += 1
                } catch {
                    if truncated {
                        votes[0] += 1
                    } else if case .incomplete = error {
                        // An object opened inside a log4j record (a pretty-printed document in a
                        // slow log) belongs to that record.
                        jsonInsideLog4j = afterLog4jHeader && lastWasLog4j
                        votes[jsonInsideLog4j ? 4 : 0] += 1
                        var tracker = JSONDepthTracker()
                        tracker.feed(line)
                        jsonTracker = tracker
                    }
                }
                continue
            }
            var matched = false
            if isSyslog(line) { votes[1] += 1; matched = true }
            if truncated ? AccessLogParser.hasAccessPrefix(line) : isAccess(line) { votes[2] += 1; matched = true }
            if isLogfmt(line) { votes[3] += 1; matched = true }
            lastWasLog4j = false
            if Log4jParser.header(line, line.count) != nil {
                votes[4] += 1
                log4jHeaders += 1
                afterLog4jHeader = true
                lastWasLog4j = true
            } else if afterLog4jHeader, !matched {
                votes[4] += 1
                lastWasLog4j = true
            }
        }
        guard lines > 0 else { return .plain }
        if log4jHeaders * 10 < lines { votes[4] = 0 }
        var best = 0
        for index in votes.indices where votes[index] > votes[best] { best = index }
        guard votes[best] * 10 >= lines * 3 else { return .plain }
        return candidates[best]
    }

    /// `<PRI>…` or `Mmm dd …` that parses, or an ISO time (rsyslog's high-precision format)
    /// followed by `host tag[pid]: `.
    private static func isSyslog(_ line: Bytes) -> Bool {
        let bsd = line[0] == ASCII.lessThan || TimeScanner.monthNumber(line, 0) != nil
        guard bsd || ASCII.isDigit(line[0]) else { return false }
        guard case .success(let draft) = SyslogParser.parse(line) else { return false }
        if bsd { return true }
        guard draft.host != nil, draft.service != nil,
              let close = line.firstIndex(of: ASCII.closeBracket, from: 0, to: min(line.count, 96)),
              close + 1 < line.count, line[close + 1] == ASCII.colon else { return false }
        return true
    }

    private static func isAccess(_ line: Bytes) -> Bool {
        if case .success = AccessLogParser.parse(line) { return true }
        return false
    }

    private static func isLogfmt(_ line: Bytes) -> Bool {
        var i = 0
        while i < line.count, ASCII.isKeyByte(line[i]) { i += 1 }
        guard i > 0, i < line.count, line[i] == ASCII.equals else { return false }
        var pairs = 0
        var inQuotes = false
        for byte in line {
            if byte == ASCII.quote { inQuotes.toggle() }
            if byte == ASCII.equals, !inQuotes { pairs += 1 }
        }
        return pairs >= 2
    }
}
