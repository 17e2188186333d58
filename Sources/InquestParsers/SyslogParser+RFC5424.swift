import InquestCore

extension SyslogParser {
    /// `TIMESTAMP HOST APP PROCID MSGID SD MSG` after `<PRI>1 `.
    static func rfc5424(_ b: Bytes, from start: Int, priority: Int) -> Result<EventDraft, ParseError> {
        let n = b.count
        var draft = EventDraft()
        var i = start
        var fields: [Range<Int>] = []
        for _ in 0..<5 {
            i = b.skipSpaces(from: i)
            let fieldStart = i
            while i < n, b[i] != ASCII.space { i += 1 }
            guard i > fieldStart else {
                return .failure(.syslogSyntax(column: i + 1, expected: "TIMESTAMP HOST APP PROCID MSGID (use '-' for none)"))
            }
            fields.append(fieldStart..<i)
        }
        let timeField = fields[0]
        if !isNil(b, timeField) {
            guard let (time, after) = TimeScanner.scan(b, at: timeField.lowerBound, end: timeField.upperBound),
                  after == timeField.upperBound else {
                return .failure(.syslogSyntax(column: timeField.lowerBound + 1, expected: "an RFC 3339 timestamp or '-'"))
            }
            draft.time = time
            draft.timestampText = b.string(timeField.lowerBound, timeField.upperBound)
        }
        if !isNil(b, fields[1]) { draft.host = b.string(fields[1].lowerBound, fields[1].upperBound) }
        if !isNil(b, fields[2]) { draft.service = b.string(fields[2].lowerBound, fields[2].upperBound) }
        if !isNil(b, fields[3]) {
            draft.attributes.appendText(key: StaticString("pid").bytes, value: b.slice(fields[3].lowerBound, fields[3].upperBound))
        }
        if !isNil(b, fields[4]) {
            draft.attributes.appendText(key: StaticString("msgid").bytes, value: b.slice(fields[4].lowerBound, fields[4].upperBound),
                                        inferTypes: false)
        }
        i = b.skipSpaces(from: i)
        if i < n, b[i] == ASCII.minus, i + 1 >= n || b[i + 1] == ASCII.space {
            i += 1
        } else {
            while i < n, b[i] == ASCII.openBracket {
                switch structuredData(b, from: i, into: &draft.attributes) {
                case .success(let after): i = after
                case .failure(let error): return .failure(error)
                }
            }
        }
        i = b.skipSpaces(from: i)
        if i + 3 <= n, b[i] == 0xEF, b[i + 1] == 0xBB, b[i + 2] == 0xBF { i += 3 }
        message(b, i, n, priority: priority, into: &draft)
        return .success(draft)
    }

    private static func isNil(_ b: Bytes, _ field: Range<Int>) -> Bool {
        field.count == 1 && b[field.lowerBound] == ASCII.minus
    }

    /// One `[id name="value" …]` element; params become attributes `id.name`.
    private static func structuredData(_ b: Bytes, from start: Int, into attributes: inout AttributesWriter) -> Result<Int, ParseError> {
        let n = b.count
        var i = start + 1
        let idStart = i
        while i < n, b[i] != ASCII.space, b[i] != ASCII.closeBracket { i += 1 }
        let id = b.string(idStart, i)
        while true {
            i = b.skipSpaces(from: i)
            guard i < n else { return .failure(.syslogSyntax(column: i + 1, expected: "']' closing the structured data")) }
            if b[i] == ASCII.closeBracket { return .success(i + 1) }
            let nameStart = i
            while i < n, b[i] != ASCII.equals, b[i] != ASCII.space, b[i] != ASCII.closeBracket { i += 1 }
            let nameEnd = i
            guard i + 1 < n, b[i] == ASCII.equals, b[i + 1] == ASCII.quote else {
                return .failure(.syslogSyntax(column: i + 1, expected: "name=\"value\" in the structured data"))
            }
            i += 2
            var value: [UInt8] = []
            while i < n, b[i] != ASCII.quote {
                if b[i] == ASCII.backslash, i + 1 < n { i += 1 }
                value.append(b[i])
                i += 1
            }
            guard i < n else { return .failure(.syslogSyntax(column: i + 1, expected: "'\"' closing a structured-data value")) }
            i += 1
            attributes.appendText(key: id + "." + b.string(nameStart, nameEnd), value: String(decoding: value, as: UTF8.self))
        }
    }
}
