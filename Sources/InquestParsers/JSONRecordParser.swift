/// Parses one JSON-lines record (a single object, possibly joined from several physical lines)
/// with a byte-level scanner: keys are matched without allocating, only kept fields become
/// Strings, and the remaining members are copied as byte ranges into the attributes object.
///
/// Nested objects are flattened with dots (`{"log":{"level":"info"}}` → `log.level`) both for the
/// role lookup in ``FieldRole`` and for the attribute keys. Arrays are kept as JSON values.
/// A record without a message field gets its attributes text as the message.
struct JSONRecordParser {
    /// Why scanning stopped early.
    enum Stop: Error {
        /// The input ended inside the object: more lines may complete it.
        case incomplete
        /// The record is not valid JSON.
        case invalid(LogParseError)
    }

    /// What kind of value a member had.
    enum ValueKind { case string, scalar, composite }

    /// A member that took (or competes for) a role.
    struct RoleMember {
        var prefix: [UInt8]
        var keyStart: Int
        var keyEnd: Int
        var valueStart: Int
        var valueEnd: Int
        var kind: ValueKind
        var rank: UInt8
    }

    private let table = FieldKeyTable.shared
    var members: [RoleMember?] = Array(repeating: nil, count: FieldRole.count)
    var attributes = AttributesWriter()

    /// Scans `b` and fills ``members`` and ``attributes``.
    mutating func scan(_ b: Bytes) throws(Stop) {
        for index in members.indices { members[index] = nil }
        attributes = AttributesWriter()
        var i = b.skipSpaces(from: 0)
        guard i < b.count else { throw .incomplete }
        guard b[i] == ASCII.openBrace else { throw .invalid(.jsonNotAnObject(column: i + 1)) }
        i = try object(b, at: i, prefix: [])
        i = b.skipSpaces(from: i)
        if i < b.count { throw .invalid(.jsonTrailingText(column: i + 1)) }
    }

    /// Scans the object starting at `start` (`{`); returns the index after its `}`.
    private mutating func object(_ b: Bytes, at start: Int, prefix: [UInt8]) throws(Stop) -> Int {
        let n = b.count
        var i = b.skipSpaces(from: start + 1)
        guard i < n else { throw .incomplete }
        if b[i] == ASCII.closeBrace { return i + 1 }
        while true {
            guard b[i] == ASCII.quote else { throw .invalid(.jsonSyntax(column: i + 1, expected: "a key in double quotes")) }
            let keyStart = i + 1
            let keyEnd = try stringEnd(b, at: i) - 1
            i = b.skipSpaces(from: keyEnd + 1)
            guard i < n else { throw .incomplete }
            guard b[i] == ASCII.colon else { throw .invalid(.jsonSyntax(column: i + 1, expected: "':' after the key")) }
            i = b.skipSpaces(from: i + 1)
            guard i < n else { throw .incomplete }
            let valueStart = i
            let first = b[i]
            if first == ASCII.openBrace {
                let inner = b.skipSpaces(from: i + 1)
                guard inner < n else { throw .incomplete }
                if b[inner] == ASCII.closeBrace {
                    i = inner + 1
                    attributes.appendRaw(prefix: prefix, key: b.slice(keyStart, keyEnd), value: b.slice(valueStart, i), compact: true)
                } else {
                    var nested = prefix
                    nested.append(contentsOf: b.slice(keyStart, keyEnd))
                    nested.append(ASCII.dot)
                    i = try object(b, at: i, prefix: nested)
                }
            } else if first == ASCII.quote {
                i = try stringEnd(b, at: i)
                member(b, prefix: prefix, key: keyStart..<keyEnd, value: valueStart..<i, kind: .string)
            } else if first == ASCII.openBracket {
                i = try compositeEnd(b, at: i)
                member(b, prefix: prefix, key: keyStart..<keyEnd, value: valueStart..<i, kind: .composite)
            } else {
                while i < n {
                    let byte = b[i]
                    if byte == ASCII.comma || byte == ASCII.closeBrace || byte == ASCII.closeBracket || ASCII.isSpace(byte) { break }
                    i += 1
                }
                guard i < n else { throw .incomplete }
                let value = b.slice(valueStart, i)
                guard AttributesWriter.isJSONNumber(value) || Self.isLiteral(value) else {
                    throw .invalid(.jsonSyntax(column: valueStart + 1, expected: "a JSON value (string, number, true, false, null, object or array)"))
                }
                member(b, prefix: prefix, key: keyStart..<keyEnd, value: valueStart..<i, kind: .scalar)
            }
            i = b.skipSpaces(from: i)
            guard i < n else { throw .incomplete }
            let separator = b[i]
            if separator == ASCII.comma {
                i = b.skipSpaces(from: i + 1)
                guard i < n else { throw .incomplete }
                continue
            }
            if separator == ASCII.closeBrace { return i + 1 }
            throw .invalid(.jsonSyntax(column: i + 1, expected: "',' or '}'"))
        }
    }

    /// Files a scalar or array member under its role, or into the attributes.
    private mutating func member(_ b: Bytes, prefix: [UInt8], key: Range<Int>, value: Range<Int>, kind: ValueKind) {
        let isNull = kind == .scalar && b[value.lowerBound] == 0x6E
        if kind != .composite, !isNull {
            let found: (role: FieldRole, rank: UInt8)?
            if prefix.isEmpty {
                found = table.lookup(b, key.lowerBound, key.upperBound)
            } else {
                found = table.lookup(prefix + Array(b.slice(key.lowerBound, key.upperBound)))
            }
            if let found {
                let candidate = RoleMember(prefix: prefix, keyStart: key.lowerBound, keyEnd: key.upperBound,
                                           valueStart: value.lowerBound, valueEnd: value.upperBound, kind: kind, rank: found.rank)
                let slot = Int(found.role.rawValue)
                guard let current = members[slot] else {
                    members[slot] = candidate
                    return
                }
                if found.rank < current.rank {
                    members[slot] = candidate
                    demote(b, current)
                    return
                }
            }
        }
        attributes.appendRaw(prefix: prefix, key: b.slice(key.lowerBound, key.upperBound),
                             value: b.slice(value.lowerBound, value.upperBound), compact: kind == .composite)
    }

    /// Puts a member that lost its role back into the attributes.
    mutating func demote(_ b: Bytes, _ member: RoleMember) {
        attributes.appendRaw(prefix: member.prefix, key: b.slice(member.keyStart, member.keyEnd),
                             value: b.slice(member.valueStart, member.valueEnd), compact: false)
    }

    /// The index after the closing quote of the string opening at `start`.
    private func stringEnd(_ b: Bytes, at start: Int) throws(Stop) -> Int {
        var from = start + 1
        while true {
            guard let quote = b.firstIndex(of: ASCII.quote, from: from, to: b.count) else {
                throw .invalid(.jsonUnterminatedString(column: start + 1))
            }
            var backslashes = 0
            var j = quote - 1
            while j > start && b[j] == ASCII.backslash {
                backslashes += 1
                j -= 1
            }
            if backslashes & 1 == 0 { return quote + 1 }
            from = quote + 1
        }
    }

    /// The index after the array or object opening at `start`, skipping nested strings.
    private func compositeEnd(_ b: Bytes, at start: Int) throws(Stop) -> Int {
        var depth = 0
        var i = start
        let n = b.count
        while i < n {
            let byte = b[i]
            if byte == ASCII.quote {
                i = try stringEnd(b, at: i)
                continue
            }
            if byte == ASCII.openBracket || byte == ASCII.openBrace {
                depth += 1
            } else if byte == ASCII.closeBracket || byte == ASCII.closeBrace {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        throw .incomplete
    }

    private static func isLiteral(_ value: Bytes) -> Bool {
        value.elementsEqual("true".utf8) || value.elementsEqual("false".utf8) || value.elementsEqual("null".utf8)
    }
}
