/// What an import did. A repeated import of the same file reports only "existing"/"unchanged".
public struct ImportSummary: Sendable, Hashable, Codable {
    /// The local id of the imported investigation.
    public var investigationID: Int64
    /// `created`, `updated` (the file's copy was newer) or `unchanged`.
    public var investigation: String
    public var eventsNew = 0
    public var eventsExisting = 0
    public var notesNew = 0
    public var notesUpdated = 0
    public var notesExisting = 0
    public var linksNew = 0
    public var linksExisting = 0
    public var starsNew = 0
    public var tagsNew = 0
    public var auditNew = 0

    public init(investigationID: Int64, investigation: String) {
        self.investigationID = investigationID
        self.investigation = investigation
    }

    /// True when the import wrote nothing.
    public var changedNothing: Bool {
        investigation == "unchanged" && eventsNew == 0 && notesNew == 0 && notesUpdated == 0 && linksNew == 0
            && starsNew == 0 && tagsNew == 0 && auditNew == 0
    }

    /// The lines `inquest import` prints.
    public var lines: [String] {
        [
            "investigation #\(investigationID): \(investigation)",
            "events: \(eventsNew) new, \(eventsExisting) already stored",
            "notes: \(notesNew) new, \(notesUpdated) updated, \(notesExisting) unchanged",
            "links: \(linksNew) new, \(linksExisting) already there",
            "stars: \(starsNew) new; tags: \(tagsNew) new; audit entries: \(auditNew) new",
        ]
    }
}
