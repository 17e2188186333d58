/// Helpers for free-text messages (syslog, log4j): a leading level word and trailing
/// `key=value` pairs.
enum MessageTail {
    /// Finds the run of `key=value` tokens at the end of `start..<end` (values without spaces,
    /// possibly empty, as in `logname= uid=0`) and adds them, in order, to `pairs`.
    static func collectPairs(_ b: Bytes, _ start: Int, _ end: Int, into pairs: inout KeyValuePairs,
                             attributes: inout AttributesWriter) {
        var found: [(Range<Int>, Range<Int>)] = []
        var j = end
        while j > start {
            while j > start, ASCII.isSpace(b[j - 1]) { j -= 1 }
            let tokenEnd = j
            while j > start, !ASCII.isSpace(b[j - 1]) { j -= 1 }
            let tokenStart = j
            guard tokenEnd > tokenStart, let equals = b.firstIndex(of: ASCII.equals, from: tokenStart, to: tokenEnd),
                  equals > tokenStart else { break }
            var validKey = true
            for k in tokenStart..<equals where !ASCII.isKeyByte(b[k]) {
                validKey = false
                break
            }
            guard validKey else { break }
            found.append((tokenStart..<equals, (equals + 1)..<tokenEnd))
        }
        for (key, value) in found.reversed() {
            pairs.add(b, key: key, value: value, quoted: false, into: &attributes)
        }
    }

    /// A level word as the first token of `start..<end` (`ERROR`, `[warn]`, `<error>`, `INFO:`):
    /// its severity, its text and the index where the rest of the message starts.
    static func leadingLevel(_ b: Bytes, _ start: Int, _ end: Int) -> (severity: Severity, text: Range<Int>, rest: Int)? {
        var tokenEnd = start
        while tokenEnd < end, !ASCII.isSpace(b[tokenEnd]) { tokenEnd += 1 }
        guard let (severity, range) = LevelWords.classifyToken(b, start, tokenEnd) else { return nil }
        return (severity, range, b.skipSpaces(from: tokenEnd))
    }
}

import InquestCore
