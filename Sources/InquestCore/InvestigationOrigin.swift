/// Where an imported investigation came from: recorded by `inquest import` so that importing
/// the same investigation again merges into this copy instead of creating another.
public struct InvestigationOrigin: Sendable, Hashable, Codable {
    /// The local investigation this describes.
    public var investigationID: Int64
    /// `<store id>:investigation:<id in that store>` of the first store the investigation was
    /// created in (kept across chains of imports).
    public var originKey: String
    /// The database path the bundle or export was written from.
    public var sourceDatabase: String
    /// The host name of the machine that wrote it.
    public var sourceHost: String
    /// The OS user who wrote it.
    public var sourceUser: String
    /// The investigation's id in the store it was written from.
    public var originalID: Int64
    /// What was imported: `inquest-bundle` or `investigation-export`.
    public var format: String
    /// When and by whom it was first imported here (importing again changes nothing).
    public var importedAt: Timestamp
    public var importedBy: String

    public init(
        investigationID: Int64, originKey: String, sourceDatabase: String, sourceHost: String, sourceUser: String,
        originalID: Int64, format: String, importedAt: Timestamp, importedBy: String
    ) {
        self.investigationID = investigationID
        self.originKey = originKey
        self.sourceDatabase = sourceDatabase
        self.sourceHost = sourceHost
        self.sourceUser = sourceUser
        self.originalID = originalID
        self.format = format
        self.importedAt = importedAt
        self.importedBy = importedBy
    }

    /// One line for listings: `imported from alice@host:/path/db (#5) at … by bob`.
    public var summary: String {
        "imported from \(sourceUser)@\(sourceHost):\(sourceDatabase) (#\(originalID)) at \(importedAt.iso8601) by \(importedBy)"
    }
}
