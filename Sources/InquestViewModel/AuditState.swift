import InquestCore

/// What the canvas shows of the audit trail: who last edited each note of the current
/// investigation and each investigation, and the `:log` overlay when open.
public struct AuditState: Sendable, Hashable {
    /// The latest audit entry per note id (of the current investigation's notes).
    public var noteEdits: [Int64: AuditEntry]
    /// The latest change to each investigation's own fields, by investigation id.
    public var investigationEdits: [Int64: AuditEntry]
    /// The open trail overlay, if any.
    public var overlay: AuditOverlayState?

    public init(noteEdits: [Int64: AuditEntry] = [:], investigationEdits: [Int64: AuditEntry] = [:], overlay: AuditOverlayState? = nil) {
        self.noteEdits = noteEdits
        self.investigationEdits = investigationEdits
        self.overlay = overlay
    }
}

/// The `:log` overlay: one investigation's audit trail, oldest first, as display lines.
public struct AuditOverlayState: Sendable, Hashable {
    public var investigationID: Int64
    public var title: String
    /// The load answering this request fills the overlay (older answers are dropped).
    public var requestID: Int
    /// Nil while loading.
    public var entries: [AuditEntry]?
    /// First visible line.
    public var scroll: Int

    public init(investigationID: Int64, title: String, requestID: Int, entries: [AuditEntry]? = nil, scroll: Int = 0) {
        self.investigationID = investigationID
        self.title = title
        self.requestID = requestID
        self.entries = entries
        self.scroll = scroll
    }

    /// The lines the overlay draws (raw text: the renderer sanitises): per entry a headline
    /// `time  actor  action  subject` and one indented line per changed field.
    public var lines: [AuditLine] {
        guard let entries else { return [] }
        var lines: [AuditLine] = []
        for entry in entries {
            lines.append(.entry(at: entry.at, actor: entry.actor, action: entry.action.rawValue, subject: entry.subject))
            for change in entry.fieldChanges {
                lines.append(.change(field: change.field, before: change.before, after: change.after))
            }
        }
        return lines
    }
}

/// One line of the trail overlay.
public enum AuditLine: Sendable, Hashable {
    case entry(at: Timestamp, actor: String, action: String, subject: String)
    case change(field: String, before: String?, after: String?)
}
