/// Helpers for free-text messages (syslog, log4j): a leading level word and trailing
/// `key=value` pairs.
enum MessageTail {
    /// Finds the run of `key=value` tokens at the end of `start..<end` (values without spaces,
    /// possibly empty, as in `logname= uid=0`) and adds them, in order, to `pairs`.
    static func collectPairs(_ b: Bytes, _ start: Int, _ end: Int, into pairs: inout KeyValuePairs,
                             attributes: inout AttributesWriter) {
        // Walk back over the pair tokens to find where the run starts, then add them in order.
        var runStart = end
        var j = end
        while j > start {
            while j > start, ASCII.isSpace(b[j - 1]) { j -= 1 }
            let tokenEnd = j
            while j > start, !ASCII.isSpace(b[j - 1]) { j -= 1 }
            guard pairEquals(b, j, tokenEnd) != nil else { break }
            runStart = j
        }
        var i = runStart
        while i < end {
            i = b.skipSpaces(from: i)
            let tokenStart = i
            while i < end, !ASCII.isSpace(b[i]) { i += 1 }
            guard let equals = pairEquals(b, tokenStart, i) else { break }
            pairs.add(b, key: tokenStart..<equals, value: (equals + 1)..<i, quoted: false, into: &attributes)
        }
    }

    /// The index of the `=` when `start..<end` is a `key=value` token with a valid key.
    @inline(__always) private static func pairEquals(_ b: Bytes, _ start: Int, _ end: Int) -> Int? {
        var k = start
        while k < end, ASCII.isKeyByte(b[k]) { k += 1 }
        return k > start && k < end && b[k] == ASCII.equals ? k : nil
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
