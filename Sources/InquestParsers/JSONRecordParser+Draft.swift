import InquestCore

extension JSONRecordParser {
    /// Turns the scanned members into a draft: parses the time and level, decodes kept strings,
    /// and demotes members whose values do not fit their role (an unparsable time) to attributes.
    mutating func draft(_ b: Bytes) -> EventDraft {
        var draft = EventDraft()
        if let member = members[Int(FieldRole.time.rawValue)] {
            let (start, end) = Self.content(member)
            if let (time, after) = TimeScanner.scan(b, at: start, end: end, epoch: true), after == end {
                draft.time = time
                draft.timestampText = b.string(start, end)
            } else {
                demote(b, member)
            }
        }
        if let member = members[Int(FieldRole.level.rawValue)] {
            let (start, end) = Self.content(member)
            draft.levelText = b.string(start, end)
            if member.kind == .scalar {
                if let value = TimeScanner.number(b, start, end - start), let severity = LevelWords.numeric(Int(value)) {
                    draft.severity = severity
                }
            } else if let severity = LevelWords.field(b, start, end) {
                draft.severity = severity
            } else if let value = TimeScanner.number(b, start, end - start), end - start <= 2 {
                draft.severity = LevelWords.numeric(Int(value))
            }
        }
        draft.message = text(b, .message)
        draft.service = text(b, .service)
        draft.host = text(b, .host)
        draft.traceID = text(b, .traceID)
        draft.spanID = text(b, .spanID)
        draft.requestID = text(b, .requestID)
        draft.attributes = attributes
        if draft.message == nil { draft.message = attributes.text() }
        return draft
    }

    private func text(_ b: Bytes, _ role: FieldRole) -> String? {
        guard let member = members[Int(role.rawValue)] else { return nil }
        let (start, end) = Self.content(member)
        return member.kind == .string && member.hasEscape ? JSONStringDecoder.decode(b, start, end) : b.string(start, end)
    }

    /// The value's bytes without the quotes of a string.
    private static func content(_ member: RoleMember) -> (Int, Int) {
        member.kind == .string ? (member.valueStart + 1, member.valueEnd - 1) : (member.valueStart, member.valueEnd)
    }
}
