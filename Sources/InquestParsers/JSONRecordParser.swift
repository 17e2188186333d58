/// Parses one JSON-lines record (a single object, possibly joined from several physical lines)
/// with a byte-level scanner: keys are matched without allocating, only kept fields become
/// Strings, and the remaining members are copied as byte ranges into the attributes object.
///
/// Nested objects are flattened with dots (`{"log":{"level":"info"}}` → `log.level`) both for the
/// role lookup in ``FieldRole`` and for the attribute keys. Arrays are kept as JSON values.
/// A record without a message field gets its attributes text as the message.
struct JSONRecordParser {
    /// The deepest nesting of objects and arrays a record may have (the top-level object is level 1).
    /// Deeper records are refused as ``ParseError/jsonTooDeep(column:limit:)``: the scanner recurses
    /// per nested object, and each level keeps its dotted key prefix, so depth is bounded to bound
    /// both the stack and the (depth²) prefix bytes.
    static let maximumDepth = 512

    /// Why scanning stopped early.
    enum Stop: Error {
        /// The input ended inside the object: more lines may complete it.
        case incomplete
        /// The record is not valid JSON.
        case invalid(ParseError)
    }

    /// What kind of value a member had.
    enum ValueKind { case string, scalar, composite }

    /// A member that took (or competes for) a role (plain data: no references to retain).
    struct RoleMember {
        /// Index into ``prefixes`` of the member's nested-key prefix, or -1 at the top level.
        var prefix: Int
        var hasEscape: Bool
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
    /// Dotted key prefixes of the nested objects of the current record (`log.`, `log.origin.`).
    var prefixes: [[UInt8]] = []

    /// Scans `b` and fills ``members`` and ``attributes``.
    mutating func scan(_ b: Bytes) throws(Stop) {
        for index in members.indices { members[index] = nil }
        attributes.reset()
        if !prefixes.isEmpty { prefixes.removeAll(keepingCapacity: true) }
        var i = b.skipSpaces(from: 0)
        guard i < b.count else { throw .incomplete }
        guard b[i] == ASCII.openBrace else { throw .invalid(.jsonNotAnObject(column: i + 1)) }
        i = try object(b, at: i, prefix: -1, depth: 1)
        i = b.skipSpaces(from: i)
        if i < b.count { throw .invalid(.jsonTrailingText(column: i + 1)) }
    }

    /// Scans the object starting at `start` (`{`) at nesting level `depth`; returns the index after its `}`.
    private mutating func object(_ b: Bytes, at start: Int, prefix: Int, depth: Int) throws(Stop) -> Int {
        guard depth <= Self.maximumDepth else { throw .invalid(.jsonTooDeep(column: start + 1, limit: Self.maximumDepth)) }
        let n = b.count
        var i = b.skipSpaces(from: start + 1)
        guard i < n else { throw .incomplete }
        if b[i] == ASCII.closeBrace { return i + 1 }
        while true {
            guard b[i] == ASCII.quote else { throw .invalid(.jsonSyntax(column: i + 1, expected: "a key in double quotes")) }
            let keyStart = i + 1
            let keyEnd = try stringEnd(b, at: i).end - 1
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
                    appendAttribute(prefix: prefix, key: b.slice(keyStart, keyEnd), value: b.slice(valueStart, i), compact: true)
                } else {
                    var nested = prefix < 0 ? [] : prefixes[prefix]
                    nested.append(contentsOf: b.slice(keyStart, keyEnd))
                    nested.append(ASCII.dot)
                    prefixes.append(nested)
                    i = try object(b, at: i, prefix: prefixes.count - 1, depth: depth + 1)
                }
            } else if first == ASCII.quote {
                let string = try stringEnd(b, at: i)
                i = string.end
                member(b, prefix: prefix, key: keyStart..<keyEnd, value: valueStart..<i, kind: .string, hasEscape: string.hasEscape)
            } else if first == ASCII.openBracket {
                i = try compositeEnd(b, at: i, depth: depth)
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
    private mutating func member(_ b: Bytes, prefix: Int, key: Range<Int>, value: Range<Int>, kind: ValueKind,
                                 hasEscape: Bool = false) {
        let isNull = kind == .scalar && b[value.lowerBound] == 0x6E
        if kind != .composite, !isNull {
            let found: (role: FieldRole, rank: UInt8)?
            if prefix < 0 {
                found = table.lookup(b, key.lowerBound, key.upperBound)
            } else {
                found = table.lookup(prefixes[prefix] + Array(b.slice(key.lowerBound, key.upperBound)))
            }
            if let found {
                let candidate = RoleMember(prefix: prefix, hasEscape: hasEscape, keyStart: key.lowerBound, keyEnd: key.upperBound,
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
        appendAttribute(prefix: prefix, key: b.slice(key.lowerBound, key.upperBound),
                             value: b.slice(value.lowerBound, value.upperBound), compact: kind == .composite)
    }

    /// Appends a member to the attributes under its flattened key.
    @inline(__always) private mutating func appendAttribute(prefix: Int, key: Bytes, value: Bytes, compact: Bool) {
        if prefix < 0 {
            attributes.appendRaw(key: key, value: value, compact: compact)
        } else {
            prefixes[prefix].withUnsafeBufferPointer { attributes.appendRaw(prefix: $0, key: key, value: value, compact: compact) }
        }
    }

    /// Puts a member that lost its role back into the attributes.
    mutating func demote(_ b: Bytes, _ member: RoleMember) {
        appendAttribute(prefix: member.prefix, key: b.slice(member.keyStart, member.keyEnd),
                             value: b.slice(member.valueStart, member.valueEnd), compact: false)
    }

    /// The index after the closing quote of the string opening at `start`, and whether it has escapes.
    @inline(__always)
    private func stringEnd(_ b: Bytes, at start: Int) throws(Stop) -> (end: Int, hasEscape: Bool) {
        var i = start + 1
        let n = b.count
        var hasEscape = false
        if let base = b.baseAddress {
            // Eight bytes at a time while none is a quote or a backslash (SWAR zero-byte test).
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let quotes = word ^ 0x2222_2222_2222_2222
                let slashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
                let found = ((quotes &- 0x0101_0101_0101_0101) & ~quotes | (slashes &- 0x0101_0101_0101_0101) & ~slashes)
                    & 0x8080_8080_8080_8080
                if found != 0 { break }
                i += 8
            }
        }
        while i < n {
            let byte = b[i]
            if byte == ASCII.quote { return (i + 1, hasEscape) }
            if byte == ASCII.backslash {
                hasEscape = true
                i += 2
            } else {
                i += 1
            }
        }
        throw .invalid(.jsonUnterminatedString(column: start + 1))
    }

    /// The index after the array or object opening at `start`, skipping nested strings; `outer`
    /// levels enclose it, and the whole may nest at most ``maximumDepth`` levels.
    private func compositeEnd(_ b: Bytes, at start: Int, depth outer: Int) throws(Stop) -> Int {
        var depth = 0
        var i = start
        let n = b.count
        while i < n {
            let byte = b[i]
            if byte == ASCII.quote {
                i = try stringEnd(b, at: i).end
                continue
            }
            if byte == ASCII.openBracket || byte == ASCII.openBrace {
                depth += 1
                guard outer + depth <= Self.maximumDepth else {
                    throw .invalid(.jsonTooDeep(column: i + 1, limit: Self.maximumDepth))
                }
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
