import Foundation
import InquestReport
import InquestCore
import InquestText

/// The lines of `inquest log`: pure functions of the trail, every stored value sanitised so
/// that escape sequences and control characters in notes or titles never reach the terminal.
enum AuditLogPrinter {
    /// Longest value shown per field in the table (the jsonl form has them whole).
    static let valueWidth = 60

    /// One header line and one line per entry (plus one indented line per changed field).
    static func table(_ trail: [AuditEntry]) -> [String] {
        var lines = ["TIME (UTC)                   USER          ACTION  WHAT"]
        for entry in trail {
            let actor = DisplayWidth.pad(DisplayWidth.truncate(TextSanitizer.singleLine(entry.actor), to: 12), to: 12)
            let subject = TextSanitizer.singleLine(entry.subject)
            lines.append("\(entry.at.iso8601)  \(actor)  \(DisplayWidth.pad(entry.action.rawValue, to: 6))  \(subject)")
            for change in entry.fieldChanges {
                lines.append("    \(TextSanitizer.singleLine(change.field)): " + describe(change))
            }
        }
        return lines
    }

    private static func describe(_ change: AuditFieldChange) -> String {
        func shown(_ value: String?) -> String {
            guard let value else { return "∅" }
            return DisplayWidth.truncate(TextSanitizer.singleLine(value), to: valueWidth)
        }
        switch (change.before, change.after) {
        case (nil, let after): return shown(after)
        case (let before, nil): return shown(before) + " → (deleted)"
        case let (before, after): return shown(before) + " → " + shown(after)
        }
    }

    /// One JSON object per entry: the entry's fields plus `changes`, with C1 controls, bidi
    /// overrides and line separators escaped too (JSON escapes only C0).
    static func jsonLines(_ trail: [AuditEntry]) -> [String] {
        trail.map { entry in
            var object: [String: Any] = [
                "id": entry.id, "time": entry.at.iso8601, "at_ns": entry.at.nanoseconds, "actor": entry.actor,
                "entity": entry.entity.rawValue, "action": entry.action.rawValue, "subject": entry.subject,
                "changes": entry.fieldChanges.map { change -> [String: Any] in
                    var item: [String: Any] = ["field": change.field]
                    if let before = change.before { item["before"] = before }
                    if let after = change.after { item["after"] = after }
                    return item
                },
            ]
            if let id = entry.investigationID { object["investigation_id"] = id }
            if let id = entry.eventID { object["event_id"] = id }
            if let id = entry.noteID { object["note_id"] = id }
            if let detail = entry.detail { object["detail"] = detail }
            if let before = entry.before { object["before"] = before }
            if let after = entry.after { object["after"] = after }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                return "{}"
            }
            return ReportJSON.escapingInvisibleControls(String(decoding: data, as: UTF8.self))
        }
    }
}
