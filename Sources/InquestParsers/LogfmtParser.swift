/// Parses a logfmt line: `key=value key="quoted \" value" flag`. A bare word is a flag
/// (`flag=true`). Field names map as in ``FieldRole``; a line without a message field gets the
/// whole line as its message. A line with no `key=value` pair at all is a failure.
enum LogfmtParser {
    static func parse(_ b: Bytes) -> Result<EventDraft, ParseError> {
        var draft = EventDraft()
        var pairs = KeyValuePairs()
        var withValue = 0
        let n = b.count
        var i = 0
        while true {
            i = b.skipSpaces(from: i)
            guard i < n else { break }
            let keyStart = i
            while i < n, b[i] != ASCII.equals, !ASCII.isSpace(b[i]) { i += 1 }
            let keyEnd = i
            guard i < n, b[i] == ASCII.equals, keyEnd > keyStart else {
                if keyEnd > keyStart {
                    draft.attributes.appendFlag(key: b.slice(keyStart, keyEnd))
                }
                if i < n, b[i] == ASCII.equals { i += 1 }
                continue
            }
            i += 1
            withValue += 1
            if i < n, b[i] == ASCII.quote {
                let valueStart = i + 1
                var j = valueStart
                while j < n, b[j] != ASCII.quote {
                    j += b[j] == ASCII.backslash ? 2 : 1
                }
                let valueEnd = min(j, n)
                pairs.add(b, key: keyStart..<keyEnd, value: valueStart..<valueEnd, quoted: true, into: &draft.attributes)
                i = min(valueEnd + 1, n)
            } else {
                let valueStart = i
                while i < n, !ASCII.isSpace(b[i]) { i += 1 }
                pairs.add(b, key: keyStart..<keyEnd, value: valueStart..<i, quoted: false, into: &draft.attributes)
            }
        }
        guard withValue > 0 else { return .failure(.logfmtNoPairs) }
        pairs.apply(b, to: &draft)
        if draft.message == nil { draft.message = b.string(0, n) }
        return .success(draft)
    }
}
