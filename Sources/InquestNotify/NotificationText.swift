import Foundation
import InquestCore
import InquestText

/// What a notification says, for people (the mail's subject and body) and for programs (the
/// webhook's JSON body). Pure: the same notification always gives the same text.
public enum NotificationText {
    /// `[Inquest] SEV2 #12 Checkout errors: status open → investigating`, sanitised to one line
    /// (no control characters or line breaks, so it is safe in a mail header).
    public static func subject(_ notification: InvestigationNotification) -> String {
        let title = TextSanitizer.singleLine(notification.title)
        return "[Inquest] \(notification.severity.rawValue) #\(notification.investigationID) \(title): \(headline(notification))"
    }

    /// What changed, in a few words.
    public static func headline(_ notification: InvestigationNotification) -> String {
        var parts: [String] = []
        let kinds = notification.kinds
        if kinds.contains(.created) { parts.append("created") }
        if kinds.contains(.status) {
            parts.append("status \(notification.previousStatus?.rawValue ?? "?") → \(notification.status.rawValue)")
        }
        if kinds.contains(.severity) {
            parts.append("severity \(notification.previousSeverity?.rawValue ?? "?") → \(notification.severity.rawValue)")
        }
        if kinds.contains(.owner) {
            parts.append("owner \(TextSanitizer.singleLine(notification.previousOwner ?? "?")) → \(TextSanitizer.singleLine(notification.owner))")
        }
        if kinds.contains(.note) { parts.append("note by \(TextSanitizer.singleLine(notification.noteAuthor ?? notification.actor))") }
        if parts.isEmpty { parts.append("test notification") }
        return parts.joined(separator: ", ")
    }

    /// The mail's body lines: what changed, the investigation's state, the note, and how to
    /// look (every untrusted value through the sanitiser, line by line).
    public static func bodyLines(_ notification: InvestigationNotification) -> [String] {
        var lines = [
            headline(notification).prefix(1).uppercased() + headline(notification).dropFirst(),
            "",
            "Investigation #\(notification.investigationID): \(TextSanitizer.singleLine(notification.title))",
            "Status:   \(notification.status.rawValue)",
            "Severity: \(notification.severity.rawValue)",
            "Owner:    \(TextSanitizer.singleLine(notification.owner))",
            "Changed by \(TextSanitizer.singleLine(notification.actor)) at \(TimestampFormatter.iso8601UTC(notification.at, fractionDigits: 0))",
        ]
        if let body = notification.noteBody {
            lines.append("")
            lines.append("Note:")
            lines += TextSanitizer.lines(body).map { "  " + $0 }
        }
        lines.append("")
        lines.append("inquest log \(notification.investigationID)    # the whole trail")
        return lines
    }

    /// The webhook's JSON body (snake_case, keys sorted so the same notification gives the
    /// same bytes): `id` (the idempotency key), `events`, `investigation`, `previous`, `note`,
    /// `actor`, `at`, `source`.
    public static func webhookBody(_ notification: InvestigationNotification, key: String) -> Data {
        let investigation: [String: Any] = [
            "id": notification.investigationID, "title": notification.title, "status": notification.status.rawValue,
            "severity": notification.severity.rawValue, "owner": notification.owner,
        ]
        var object: [String: Any] = [
            "id": key,
            "events": notification.kinds.sorted().map(\.rawValue),
            "investigation": investigation,
            "actor": notification.actor,
            "at": TimestampFormatter.iso8601UTC(notification.at, fractionDigits: 3),
            "source": notification.source,
            "summary": subject(notification),
        ]
        var previous: [String: Any] = [:]
        if let status = notification.previousStatus { previous["status"] = status.rawValue }
        if let severity = notification.previousSeverity { previous["severity"] = severity.rawValue }
        if let owner = notification.previousOwner { previous["owner"] = owner }
        if !previous.isEmpty { object["previous"] = previous }
        if let body = notification.noteBody {
            var note: [String: Any] = ["body": body, "author": notification.noteAuthor ?? notification.actor]
            if let id = notification.noteID { note["id"] = id }
            object["note"] = note
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
