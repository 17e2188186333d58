/// The manifest of a bundle: where it was written, from what, and a count and SHA-256
/// checksum per section (of the section's canonical JSON, see ``BundleCodec``).
public struct BundleManifest: Sendable, Hashable, Codable {
    /// One section's count and checksum.
    public struct Section: Sendable, Hashable, Codable {
        public var count: Int
        public var sha256: String

        public init(count: Int, sha256: String) {
            self.count = count
            self.sha256 = sha256
        }
    }

    /// When the bundle was written (ns since the epoch, UTC) and by which OS user on which host.
    public var createdAtNs: Int64
    public var createdBy: String
    public var sourceHost: String
    /// The database path and the store identity it was written from.
    public var sourceDatabase: String
    public var sourceStoreID: String
    /// The investigation's id in that store and its origin key (kept across imports).
    public var investigationID: Int64
    public var investigationOriginKey: String
    /// The context window around each linked event, in nanoseconds each side.
    public var contextNs: Int64
    /// True when the context events were capped at ``maxContextEvents``.
    public var contextCapped: Bool
    public var maxContextEvents: Int
    /// Section name → count and checksum; every section of ``BundleSectionName`` is listed.
    public var sections: [String: Section]

    public init(
        createdAtNs: Int64, createdBy: String, sourceHost: String, sourceDatabase: String, sourceStoreID: String,
        investigationID: Int64, investigationOriginKey: String, contextNs: Int64, contextCapped: Bool,
        maxContextEvents: Int, sections: [String: Section]
    ) {
        self.createdAtNs = createdAtNs
        self.createdBy = createdBy
        self.sourceHost = sourceHost
        self.sourceDatabase = sourceDatabase
        self.sourceStoreID = sourceStoreID
        self.investigationID = investigationID
        self.investigationOriginKey = investigationOriginKey
        self.contextNs = contextNs
        self.contextCapped = contextCapped
        self.maxContextEvents = maxContextEvents
        self.sections = sections
    }
}
