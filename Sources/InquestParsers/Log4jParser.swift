import InquestCore

/// Parses log4j/logback/python-logging/glog style records: a header line that starts with a
/// time, then optionally continuation lines (stack traces) that the stream parser folded in.
///
/// Header shapes: `[2016-12-19 20:51:20,700] WARN msg (logger)`,
/// `2026-11-20 10:15:03.123 ERROR [thread] c.e.Class - msg`, `2015-07-29 17:41:44,747 - INFO  [thread] - msg`,
/// `2026-11-20T10:15:03Z INFO msg`, `17/06/09 20:10:40 INFO pkg.Class: msg`, `081109 203615 148 INFO pkg.Class: msg`,
/// `[Sun Dec 04 04:47:44 2005] [notice] msg`, glog `I1120 10:15:03.123456 1234 file.go:42] msg`.
/// After the time: up to three tokens are searched for the level (numbers and bracketed tokens
/// before it become `thread`); then an optional `[thread]` (nested brackets allowed), an optional
/// logger (a dotted name ending in `:` or followed by ` - `), and the message. A trailing
/// `(dotted.logger)` on the first line is taken as the logger. The message is the rest of the first
/// line plus the continuation lines.
enum Log4jParser {
    /// Where a header's time is.
    struct Header {
        var time: WrittenTime
        var textRange: Range<Int>
        /// Index after the time (and its closing bracket).
        var end: Int
        /// The level letter of a glog header.
        var glogSeverity: Severity?
    }

    /// The header of a line starting with a time, or nil when the line is a continuation.
    static func header(_ b: Bytes, _ end: Int, order: DateOrder? = nil) -> Header? {
        guard end > 0 else { return nil }
        if end > 6, let glog = glogHeader(b, end) { return glog }
        var start = 0
        let bracketed = b[0] == ASCII.openBracket
        if bracketed { start = 1 }
        guard let (time, after) = TimeScanner.scan(b, at: start, end: end, order: order) else { return nil }
        var headerEnd = after
        if bracketed {
            guard after < end, b[after] == ASCII.closeBracket else { return nil }
            headerEnd = after + 1
        } else if after < end, !ASCII.isSpace(b[after]), b[after] != ASCII.closeBracket {
            return nil
        }
        return Header(time: time, textRange: start..<after, end: headerEnd, glogSeverity: nil)
    }

    /// `Lmmdd hh:mm:ss.uuuuuu` where L is I, W, E or F.
    private static func glogHeader(_ b: Bytes, _ end: Int) -> Header? {
        let severity: Severity
        switch b[0] {
        case 0x49: severity = .info
        case 0x57: severity = .warning
        case 0x45: severity = .error
        case 0x46: severity = .critical
        default: return nil
        }
        guard TimeScanner.digitRun(b, 1, end) == 4, b[5] == ASCII.space,
              let month = TimeScanner.number(b, 1, 2), let day = TimeScanner.number(b, 3, 2) else { return nil }
        var time = WrittenTime(year: nil, month: month, day: day)
        guard let after = TimeScanner.clock(b, 6, end, into: &time), time.isValid else { return nil }
        return Header(time: time, textRange: 1..<after, end: after, glogSeverity: severity)
    }

    /// Parses a record whose first line starts with a header.
    static func parse(_ b: Bytes, layout: RecordLayout = .unknown) -> EventDraft {
        let n = b.count
        let lineEnd = b.firstIndex(of: ASCII.newline, from: 0, to: n) ?? n
        var draft = EventDraft()
        guard let header = header(b, lineEnd, order: layout.dateOrder) else {
            return PlainParser.parse(b, layout: layout)
        }
        draft.time = header.time
        draft.timestampText = b.string(header.textRange.lowerBound, header.textRange.upperBound)
        draft.severity = header.glogSeverity
        if header.glogSeverity != nil { draft.levelText = b.string(0, 1) }
        var i = header.end
        var threadSet = false
        if header.glogSeverity != nil { glogPrefix(b, &i, lineEnd, into: &draft) }
        if header.glogSeverity == nil, layout.levelSlots != 0 {
            if let level = layout.findLevel(b, from: header.end, lineEnd) {
                draft.severity = level.severity
                draft.levelText = b.string(level.text.lowerBound, level.text.upperBound)
                component(b, level.text, level.token, into: &draft)
                var probe = header.end
                while let token = RecordLayout.nextToken(b, &probe, level.token.lowerBound), !threadSet {
                    if b[token.lowerBound] == ASCII.openBracket || TimeScanner.digitRun(b, token.lowerBound, token.upperBound) == token.count {
                        let inner = b[token.lowerBound] == ASCII.openBracket
                            ? (token.lowerBound + 1)..<max(token.lowerBound + 1, token.upperBound - 1) : token
                        draft.attributes.appendText(key: StaticString("thread").bytes, value: b.slice(inner.lowerBound, inner.upperBound))
                        threadSet = true
                    }
                }
                i = level.token.upperBound
            }
        } else if header.glogSeverity == nil {
            var probe = i
            for _ in 0..<3 {
                probe = skipSeparators(b, probe, lineEnd)
                guard probe < lineEnd else { break }
                var tokenEnd = probe
                while tokenEnd < lineEnd, !ASCII.isSpace(b[tokenEnd]) { tokenEnd += 1 }
                if let (severity, range) = LevelWords.classifyToken(b, probe, tokenEnd) {
                    draft.severity = severity
                    draft.levelText = b.string(range.lowerBound, range.upperBound)
                    component(b, range, probe..<tokenEnd, into: &draft)
                    i = tokenEnd
                    break
                }
                if b[probe] == ASCII.openBracket || TimeScanner.digitRun(b, probe, tokenEnd) == tokenEnd - probe {
                    let inner = b[probe] == ASCII.openBracket ? (probe + 1)..<max(probe + 1, tokenEnd - 1) : probe..<tokenEnd
                    if !threadSet {
                        draft.attributes.appendText(key: StaticString("thread").bytes, value: b.slice(inner.lowerBound, inner.upperBound))
                        threadSet = true
                    }
                    probe = tokenEnd
                    continue
                }
                break
            }
        }
        i = skipSeparators(b, i, lineEnd)
        if i < lineEnd, b[i] == ASCII.openBracket, let close = matchingBracket(b, i, lineEnd) {
            if !threadSet {
                draft.attributes.appendText(key: StaticString("thread").bytes, value: b.slice(i + 1, close))
            }
            i = skipSeparators(b, close + 1, lineEnd)
        }
        if let (logger, after) = logger(b, i, lineEnd) {
            draft.attributes.appendText(key: StaticString("logger").bytes, value: b.slice(logger.lowerBound, logger.upperBound), inferTypes: false)
            i = after
        }
        var firstLineEnd = lineEnd
        while firstLineEnd > i, ASCII.isSpace(b[firstLineEnd - 1]) { firstLineEnd -= 1 }
        if let trailing = trailingLogger(b, i, firstLineEnd) {
            draft.attributes.appendText(key: StaticString("logger").bytes, value: b.slice(trailing.lowerBound + 1, trailing.upperBound - 1), inferTypes: false)
            firstLineEnd = trailing.lowerBound
            while firstLineEnd > i, ASCII.isSpace(b[firstLineEnd - 1]) { firstLineEnd -= 1 }
        }
        var message = b.string(i, firstLineEnd)
        if lineEnd < n { message += b.string(lineEnd, n) }
        draft.message = message
        return draft
    }

    /// icinga's `warning/PluginNotificationTask:`: the part after the level's `/` is the `component`.
    private static func component(_ b: Bytes, _ text: Range<Int>, _ token: Range<Int>, into draft: inout EventDraft) {
        guard text.upperBound < token.upperBound, b[text.upperBound] == ASCII.slash else { return }
        var end = token.upperBound
        while end > text.upperBound + 1, b[end - 1] == ASCII.colon { end -= 1 }
        guard end > text.upperBound + 1 else { return }
        draft.attributes.appendText(key: StaticString("component").bytes, value: b.slice(text.upperBound + 1, end), inferTypes: false)
    }

    /// glog's `threadid file:line] ` after the time: `thread` and `source` attributes.
    private static func glogPrefix(_ b: Bytes, _ i: inout Int, _ end: Int, into draft: inout EventDraft) {
        let threadStart = b.skipSpaces(from: i)
        let threadEnd = threadStart + TimeScanner.digitRun(b, threadStart, end)
        guard threadEnd > threadStart, threadEnd < end, b[threadEnd] == ASCII.space,
              let close = b.firstIndex(of: ASCII.closeBracket, from: threadEnd, to: end) else { return }
        let sourceStart = b.skipSpaces(from: threadEnd)
        draft.attributes.appendText(key: StaticString("thread").bytes, value: b.slice(threadStart, threadEnd))
        draft.attributes.appendText(key: StaticString("source").bytes, value: b.slice(sourceStart, close), inferTypes: false)
        i = close + 1
    }

    /// Skips spaces and the separators `-`, `|`, `,` and `:` standing alone.
    private static func skipSeparators(_ b: Bytes, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            let byte = b[i]
            if ASCII.isSpace(byte) {
                i += 1
            } else if byte == ASCII.minus || byte == 0x7C || byte == ASCII.comma || byte == ASCII.colon,
                      i + 1 >= end || ASCII.isSpace(b[i + 1]) {
                i += 1
            } else {
                break
            }
        }
        return i
    }

    /// The `]` matching the `[` at `start`, counting nested brackets.
    private static func matchingBracket(_ b: Bytes, _ start: Int, _ end: Int) -> Int? {
        var depth = 0
        for i in start..<end {
            if b[i] == ASCII.openBracket { depth += 1 } else if b[i] == ASCII.closeBracket {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    /// A dotted class-like name ending in `:` or followed by ` - `: its range and where the message starts.
    private static func logger(_ b: Bytes, _ start: Int, _ end: Int) -> (Range<Int>, Int)? {
        var i = start
        var dotted = false
        while i < end, !ASCII.isSpace(b[i]) {
            let byte = b[i]
            if byte == ASCII.dot { dotted = true }
            guard ASCII.isKeyByte(byte) || byte == 0x24 || byte == ASCII.colon || byte == ASCII.slash else { return nil }
            i += 1
        }
        guard dotted, i > start else { return nil }
        if b[i - 1] == ASCII.colon, i - 1 > start {
            return (start..<(i - 1), b.skipSpaces(from: i))
        }
        if i + 2 < end, b[i] == ASCII.space, b[i + 1] == ASCII.minus, b[i + 2] == ASCII.space {
            return (start..<i, b.skipSpaces(from: i + 3))
        }
        return nil
    }

    /// A trailing `(dotted.name)` (Kafka's logger position).
    private static func trailingLogger(_ b: Bytes, _ start: Int, _ end: Int) -> Range<Int>? {
        guard end - start > 3, b[end - 1] == ASCII.closeParen else { return nil }
        var i = end - 2
        var dotted = false
        while i > start, b[i] != ASCII.openParen {
            if b[i] == ASCII.dot { dotted = true }
            guard ASCII.isKeyByte(b[i]) || b[i] == 0x24 else { return nil }
            i -= 1
        }
        guard dotted, b[i] == ASCII.openParen, i > start, b[i - 1] == ASCII.space else { return nil }
        return i..<end
    }
}
