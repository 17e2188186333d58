import Foundation

extension AuditEntry {
    /// Row columns that only repeat what the entry says already (ids) or change with every edit.
    static let bookkeepingFields: Set<String> = ["id", "investigation_id", "event_id", "updated_at"]

    /// What changed, field by field, from the before/after JSON: on an update only the fields
    /// that differ, on a create every field of the new row, on a delete every field of the old
    /// one. Times (`*_at`, `window_*`, nanoseconds) read as UTC; ids and `updated_at` are left
    /// out. Values are raw text: sanitise before writing them to a terminal.
    public var fieldChanges: [AuditFieldChange] {
        let old = Self.object(before)
        let new = Self.object(after)
        let fields = Set(old.keys).union(new.keys).subtracting(Self.bookkeepingFields).sorted()
        return fields.compactMap { field in
            let was = old[field].map { Self.text($0, field: field) }
            let now = new[field].map { Self.text($0, field: field) }
            if action == .update, was == now { return nil }
            return AuditFieldChange(field: field, before: was, after: now)
        }
    }

    /// What the entry is about, e.g. `investigation #3`, `note #12`, `link of event #40`,
    /// `star on event #40`, `tag "suspect" on event #40`.
    public var subject: String {
        switch entity {
        case .investigation: "investigation #\(investigationID.map(String.init) ?? "?")"
        case .note: "note #\(noteID.map(String.init) ?? "?")"
        case .link: "link of event #\(eventID.map(String.init) ?? "?")"
        case .star: "star on event #\(eventID.map(String.init) ?? "?")"
        case .tag: "tag \((detail ?? "").debugDescription) on event #\(eventID.map(String.init) ?? "?")"
        case .savedView: "saved view of investigation #\(investigationID.map(String.init) ?? "?")"
        }
    }

    private static func object(_ json: String?) -> [String: Any] {
        guard let json, let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    private static func text(_ value: Any, field: String) -> String {
        if value is NSNull { return "null" }
        if let string = value as? String { return string }
        if let number = value as? NSNumber {
            if field.hasSuffix("_at") || field.hasPrefix("window_") {
                return Timestamp(nanoseconds: number.int64Value).iso8601
            }
            return number.stringValue
        }
        if JSONSerialization.isValidJSONObject(value),
           let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
}
