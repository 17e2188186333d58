import InquestCore

/// The content of a bundle file: one investigation with its notes, links, the stars and tags of
/// its events, its audit trail and its events (linked, cited by notes, and those in a context
/// window around the linked ones). Ids are the source store's; the importer remaps them.
///
/// On disk (see ``BundleCodec``) it is one JSON object:
/// `{"format":"inquest-bundle","version":1,"manifest":{…},"investigation":{…},"notes":[…],…}`.
public struct InvestigationBundle: Sendable, Hashable {
    public var manifest: BundleManifest
    public var investigation: Investigation
    public var notes: [BundledNote]
    public var links: [EventLink]
    public var stars: [EventStar]
    public var tags: [EventTag]
    public var audit: [BundledAuditEntry]
    public var events: [EventRecord]

    public init(
        manifest: BundleManifest, investigation: Investigation, notes: [BundledNote], links: [EventLink],
        stars: [EventStar], tags: [EventTag], audit: [BundledAuditEntry], events: [EventRecord]
    ) {
        self.manifest = manifest
        self.investigation = investigation
        self.notes = notes
        self.links = links
        self.stars = stars
        self.tags = tags
        self.audit = audit
        self.events = events
    }
}

/// The sections of a bundle, in file order after the manifest.
public enum BundleSectionName: String, Sendable, CaseIterable {
    case investigation, notes, links, stars, tags, audit, events
}
