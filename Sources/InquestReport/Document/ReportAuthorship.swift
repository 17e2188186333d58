import Foundation
import InquestCore

/// Who did what to an investigation, read from its audit trail (oldest first).
struct ReportAuthorship {
    /// Who created the investigation.
    var creator: String?
    /// Who made the latest recorded change of any kind (fields, notes, links, stars, tags).
    var lastChanger: String?
    /// Who last moved it to `resolved` (by creating it resolved or by changing its status).
    var resolver: String?
    /// Per note id, who made its latest change (its creation when never edited).
    var noteEditors: [Int64: String] = [:]

    init(trail: [AuditEntry]) {
        lastChanger = trail.last?.actor
        for entry in trail {
            switch entry.entity {
            case .investigation:
                if entry.action == .create { creator = entry.actor }
                if entry.action != .delete, Self.status(entry.after) == "resolved", Self.status(entry.before) != "resolved" {
                    resolver = entry.actor
                }
            case .note:
                if let noteID = entry.noteID { noteEditors[noteID] = entry.actor }
            case .link, .star, .tag, .savedView:
                break
            }
        }
    }

    static func status(_ json: String?) -> String? {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return object["status"] as? String
    }
}
