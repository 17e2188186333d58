import InquestCore

/// Parses Apache/Nginx common and combined access-log lines:
/// `client ident user [dd/Mon/yyyy:HH:mm:ss ±hhmm] "METHOD path PROTOCOL" status bytes ["referer" "user agent"] [request_time]`.
///
/// Severity comes from the status (5xx error, 4xx warning, else info); the message is
/// `METHOD path status`; `host` stays nil (the client address is the `client_ip` attribute).
/// Attributes: `client_ip`, `user` (when not `-`), `method`, `path`, `protocol`, `status`,
/// `bytes`, `referer`, `user_agent`, `request_time` (a trailing number, as Nginx writes it).
enum AccessLogParser {
    static func parse(_ b: Bytes) -> Result<EventDraft, ParseError> {
        let n = b.count
        var draft = EventDraft()
        var i = b.skipSpaces(from: 0)
        let client = token(b, &i)
        _ = token(b, &i) // ident, always "-" in practice
        i = b.skipSpaces(from: i)
        let userStart = i
        while i < n, b[i] != ASCII.openBracket { i += 1 }
        var userEnd = i
        while userEnd > userStart, ASCII.isSpace(b[userEnd - 1]) { userEnd -= 1 }
        guard !client.isEmpty, i < n else { return .failure(.accessSyntax(column: i + 1, expected: "'[' opening the time")) }
        let timeStart = i + 1
        guard let (time, afterTime) = TimeScanner.scan(b, at: timeStart, end: n), afterTime < n,
              b[afterTime] == ASCII.closeBracket else {
            return .failure(.accessSyntax(column: timeStart + 1, expected: "a time like 17/May/2015:10:05:03 +0000 and ']'"))
        }
        draft.time = time
        draft.timestampText = b.string(timeStart, afterTime)
        i = b.skipSpaces(from: afterTime + 1)
        guard i < n, b[i] == ASCII.quote, let requestEnd = quotedEnd(b, i) else {
            return .failure(.accessSyntax(column: i + 1, expected: "the quoted request line"))
        }
        let request = (i + 1)..<(requestEnd - 1)
        i = b.skipSpaces(from: requestEnd)
        let status = token(b, &i)
        guard status.count == 3, let statusValue = TimeScanner.number(b, status.lowerBound, 3) else {
            return .failure(.accessSyntax(column: status.lowerBound + 1, expected: "a three-digit status"))
        }
        let bytes = token(b, &i)
        guard !bytes.isEmpty else { return .failure(.accessSyntax(column: i + 1, expected: "the response size or '-'")) }

        var attributes = AttributesWriter()
        attributes.appendText(key: StaticString("client_ip").bytes, value: b.slice(client.lowerBound, client.upperBound), inferTypes: false)
        if userEnd > userStart, !(userEnd - userStart == 1 && b[userStart] == ASCII.minus) {
            attributes.appendText(key: StaticString("user").bytes, value: b.slice(userStart, userEnd), inferTypes: false)
        }
        let (method, path, proto) = requestParts(b, request)
        if let method { attributes.appendText(key: StaticString("method").bytes, value: b.slice(method.lowerBound, method.upperBound), inferTypes: false) }
        attributes.appendText(key: StaticString("path").bytes, value: b.slice(path.lowerBound, path.upperBound), inferTypes: false)
        if let proto { attributes.appendText(key: StaticString("protocol").bytes, value: b.slice(proto.lowerBound, proto.upperBound), inferTypes: false) }
        attributes.appendText(key: StaticString("status").bytes, value: b.slice(status.lowerBound, status.upperBound))
        if !(bytes.count == 1 && b[bytes.lowerBound] == ASCII.minus) {
            attributes.appendText(key: StaticString("bytes").bytes, value: b.slice(bytes.lowerBound, bytes.upperBound))
        }
        var quotedIndex = 0
        while true {
            i = b.skipSpaces(from: i)
            guard i < n else { break }
            if b[i] == ASCII.quote, let end = quotedEnd(b, i) {
                let key: StaticString = quotedIndex == 0 ? "referer" : quotedIndex == 1 ? "user_agent" : "extra"
                attributes.appendText(key: key.bytes, value: b.slice(i + 1, end - 1), inferTypes: false)
                quotedIndex += 1
                i = end
            } else {
                let extra = token(b, &i)
                let value = b.slice(extra.lowerBound, extra.upperBound)
                let key: StaticString = AttributesWriter.isJSONNumber(value) ? "request_time" : "extra"
                attributes.appendText(key: key.bytes, value: value)
            }
        }
        draft.attributes = attributes
        draft.severity = statusValue >= 500 ? .error : statusValue >= 400 ? .warning : .info
        let methodText = method.map { b.string($0.lowerBound, $0.upperBound) + " " } ?? ""
        draft.message = methodText + b.string(path.lowerBound, path.upperBound) + " " + b.string(status.lowerBound, status.upperBound)
        return .success(draft)
    }

    /// Whether the line starts like an access-log line (`client ident user [time]`), for a line
    /// cut short by a sample limit.
    static func hasAccessPrefix(_ b: Bytes) -> Bool {
        var i = 0
        for _ in 0..<3 where token(b, &i).isEmpty { return false }
        i = b.skipSpaces(from: i)
        guard i < b.count, b[i] == ASCII.openBracket,
              let (_, after) = TimeScanner.scan(b, at: i + 1, end: b.count) else { return false }
        return after < b.count && b[after] == ASCII.closeBracket
    }

    /// The next space-delimited token, advancing `i`.
    private static func token(_ b: Bytes, _ i: inout Int) -> Range<Int> {
        i = b.skipSpaces(from: i)
        let start = i
        while i < b.count, !ASCII.isSpace(b[i]) { i += 1 }
        return start..<i
    }

    /// The index after the closing quote of the quoted field at `start` (`\"` escapes skipped).
    private static func quotedEnd(_ b: Bytes, _ start: Int) -> Int? {
        var i = start + 1
        while i < b.count {
            if b[i] == ASCII.backslash {
                i += 2
                continue
            }
            if b[i] == ASCII.quote { return i + 1 }
            i += 1
        }
        return nil
    }

    /// `METHOD path PROTOCOL`; a request that does not split in three is all path.
    private static func requestParts(_ b: Bytes, _ request: Range<Int>) -> (Range<Int>?, Range<Int>, Range<Int>?) {
        guard let firstSpace = b.firstIndex(of: ASCII.space, from: request.lowerBound, to: request.upperBound) else {
            return (nil, request, nil)
        }
        var lastSpace = request.upperBound - 1
        while lastSpace > firstSpace, b[lastSpace] != ASCII.space { lastSpace -= 1 }
        guard lastSpace > firstSpace else {
            return (request.lowerBound..<firstSpace, (firstSpace + 1)..<request.upperBound, nil)
        }
        return (request.lowerBound..<firstSpace, (firstSpace + 1)..<lastSpace, (lastSpace + 1)..<request.upperBound)
    }
}
