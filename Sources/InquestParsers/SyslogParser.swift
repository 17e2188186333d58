import InquestCore

/// Parses syslog lines, telling RFC 5424 (`<PRI>1 …`) from RFC 3164 per line.
///
/// RFC 3164: `[<PRI>]Mmm dd hh:mm:ss host tag[pid]: msg` (an ISO time is accepted in place of the
/// BSD one). The tag (up to the first `: `; may hold spaces, as in `syslogd 1.4.1:`) gives the
/// service (its first word with a letter) and the pid; a tag-less line is all message.
/// Severity: a leading level word in the message (removed from the message, kept as `levelText`),
/// else the PRI severity, else the stream fallback. Trailing `k=v` pairs become attributes and
/// fill recognised ids (`trace_id`…); the message keeps them as written.
/// RFC 5424: `<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG` with `-` for nil fields;
/// structured data params become attributes `sdid.name`.
enum SyslogParser {
    static func parse(_ b: Bytes) -> Result<EventDraft, ParseError> {
        let n = b.count
        var i = 0
        var priority: Int?
        if n > 2, b[0] == ASCII.lessThan {
            var value = 0
            i = 1
            while i < n, i < 5, ASCII.isDigit(b[i]) {
                value = value * 10 + Int(b[i] &- 0x30)
                i += 1
            }
            guard i > 1, i < n, b[i] == ASCII.greaterThan, value <= 191 else {
                return .failure(.syslogSyntax(column: i + 1, expected: "'<PRI>' with a number 0–191"))
            }
            priority = value
            i += 1
            if i + 1 < n, b[i] == 0x31, b[i + 1] == ASCII.space {
                return rfc5424(b, from: i + 2, priority: value)
            }
        }
        return rfc3164(b, from: i, priority: priority)
    }

    private static func rfc3164(_ b: Bytes, from start: Int, priority: Int?) -> Result<EventDraft, ParseError> {
        let n = b.count
        guard let (time, afterTime) = TimeScanner.scan(b, at: start, end: n) else {
            return .failure(.syslogSyntax(column: start + 1, expected: "a timestamp like 'Nov 20 10:15:03'"))
        }
        var draft = EventDraft()
        draft.time = time
        draft.timestampText = b.string(start, afterTime)
        var i = afterTime
        guard i < n, b[i] == ASCII.space else {
            return .failure(.syslogSyntax(column: i + 1, expected: "a space and the host after the time"))
        }
        i = b.skipSpaces(from: i)
        var hostEnd = i
        while hostEnd < n, !ASCII.isSpace(b[hostEnd]) { hostEnd += 1 }
        var contentStart = i
        if hostEnd > i, b[hostEnd - 1] != ASCII.colon, b.firstIndex(of: ASCII.openBracket, from: i, to: hostEnd) == nil {
            draft.host = b.string(i, hostEnd)
            contentStart = b.skipSpaces(from: hostEnd)
        }
        var messageStart = contentStart
        if let colon = tagEnd(b, contentStart, n) {
            tag(b, contentStart, colon, into: &draft)
            messageStart = b.skipSpaces(from: colon + 1)
        }
        message(b, messageStart, n, priority: priority, into: &draft)
        return .success(draft)
    }

    /// The index of the colon ending the tag: the first `:` followed by a space or the end,
    /// within 64 bytes.
    private static func tagEnd(_ b: Bytes, _ start: Int, _ end: Int) -> Int? {
        let limit = min(end, start + 64)
        var i = start
        while let colon = b.firstIndex(of: ASCII.colon, from: i, to: limit) {
            if colon > start, colon + 1 >= end || b[colon + 1] == ASCII.space { return colon }
            i = colon + 1
        }
        return nil
    }

    /// `name[pid]` (or `syslogd 1.4.1`, `-- root[2421]`): service and pid.
    private static func tag(_ b: Bytes, _ start: Int, _ end: Int, into draft: inout EventDraft) {
        var nameEnd = end
        if end > start, b[end - 1] == ASCII.closeBracket,
           let open = b.firstIndex(of: ASCII.openBracket, from: start, to: end) {
            nameEnd = open
            draft.attributes.appendText(key: StaticString("pid").bytes, value: b.slice(open + 1, end - 1))
        }
        var i = start
        while i < nameEnd {
            let wordStart = i
            while i < nameEnd, b[i] != ASCII.space { i += 1 }
            var hasLetter = false
            for k in wordStart..<i where ASCII.isLetter(b[k]) {
                hasLetter = true
                break
            }
            if hasLetter {
                draft.service = b.string(wordStart, i)
                return
            }
            i += 1
        }
    }

    /// Level word, message text and trailing pairs of `start..<end`.
    static func message(_ b: Bytes, _ start: Int, _ end: Int, priority: Int?, into draft: inout EventDraft) {
        var messageStart = start
        if let leading = MessageTail.leadingLevel(b, start, end) {
            draft.severity = leading.severity
            draft.levelText = b.string(leading.text.lowerBound, leading.text.upperBound)
            messageStart = leading.rest
        } else if let priority {
            draft.severity = Severity(syslogSeverity: priority & 7)
        }
        var messageEnd = end
        while messageEnd > messageStart, ASCII.isSpace(b[messageEnd - 1]) { messageEnd -= 1 }
        draft.message = b.string(messageStart, messageEnd)
        var pairs = KeyValuePairs()
        MessageTail.collectPairs(b, messageStart, messageEnd, into: &pairs, attributes: &draft.attributes)
        pairs.apply(b, to: &draft)
    }
}
