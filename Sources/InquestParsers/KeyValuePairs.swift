/// Collects `key=value` pairs (logfmt lines, trailing pairs of syslog messages): keys named in
/// ``FieldRole`` fill event fields, everything else becomes an attribute (numbers and booleans
/// as JSON numbers/booleans, the rest as strings).
struct KeyValuePairs {
    struct Pair {
        var keyStart: Int
        var keyEnd: Int
        var valueStart: Int
        var valueEnd: Int
        var quoted: Bool
        var rank: UInt8
    }

    private let table = FieldKeyTable.shared
    private var members = RoleSlots<Pair>()
    private(set) var count = 0

    /// Adds one pair; `value` excludes the quotes of a quoted value.
    mutating func add(_ b: Bytes, key: Range<Int>, value: Range<Int>, quoted: Bool, into attributes: inout AttributesWriter) {
        count += 1
        let pair = Pair(keyStart: key.lowerBound, keyEnd: key.upperBound, valueStart: value.lowerBound,
                        valueEnd: value.upperBound, quoted: quoted, rank: 0)
        if !value.isEmpty, let found = table.lookup(b, key.lowerBound, key.upperBound) {
            let slot = found.role
            var ranked = pair
            ranked.rank = found.rank
            guard let current = members[slot] else {
                members[slot] = ranked
                return
            }
            if found.rank < current.rank {
                members[slot] = ranked
                Self.write(b, current, into: &attributes)
                return
            }
        }
        Self.write(b, pair, into: &attributes)
    }

    private static func write(_ b: Bytes, _ pair: Pair, into attributes: inout AttributesWriter) {
        if pair.quoted, b.firstIndex(of: ASCII.backslash, from: pair.valueStart, to: pair.valueEnd) != nil {
            attributes.appendText(key: b.string(pair.keyStart, pair.keyEnd),
                                  value: JSONStringDecoder.decode(b, pair.valueStart, pair.valueEnd))
        } else {
            attributes.appendText(key: b.slice(pair.keyStart, pair.keyEnd), value: b.slice(pair.valueStart, pair.valueEnd),
                                  inferTypes: !pair.quoted)
        }
    }

    /// Fills the draft's still-empty fields from the collected roles; a role whose field is
    /// already set (or whose value does not parse, like an unreadable time) goes to the attributes.
    func apply(_ b: Bytes, to draft: inout EventDraft) {
        for role in [FieldRole.time, .level, .message, .service, .host, .traceID, .spanID, .requestID] {
            guard let pair = members[role] else { continue }
            if !fill(b, role, pair, &draft) { Self.write(b, pair, into: &draft.attributes) }
        }
    }

    private func fill(_ b: Bytes, _ role: FieldRole, _ pair: Pair, _ draft: inout EventDraft) -> Bool {
        let (start, end) = (pair.valueStart, pair.valueEnd)
        func text() -> String { pair.quoted ? JSONStringDecoder.decode(b, start, end) : b.string(start, end) }
        switch role {
        case .time:
            guard draft.time == nil, let (time, after) = TimeScanner.scan(b, at: start, end: end, epoch: true),
                  after == end else { return false }
            draft.time = time
            draft.timestampText = b.string(start, end)
        case .level:
            guard draft.levelText == nil else { return false }
            draft.levelText = b.string(start, end)
            if let severity = LevelWords.field(b, start, end) {
                draft.severity = severity
            } else if let value = TimeScanner.number(b, start, end - start), end - start <= 2 {
                draft.severity = LevelWords.numeric(Int(value))
            }
        case .message:
            guard draft.message == nil else { return false }
            draft.message = text()
        case .service:
            guard draft.service == nil else { return false }
            draft.service = text()
        case .host:
            guard draft.host == nil else { return false }
            draft.host = text()
        case .traceID:
            guard draft.traceID == nil else { return false }
            draft.traceID = text()
        case .spanID:
            guard draft.spanID == nil else { return false }
            draft.spanID = text()
        case .requestID:
            guard draft.requestID == nil else { return false }
            draft.requestID = text()
        }
        return true
    }
}
